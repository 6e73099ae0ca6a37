/** The restructure aggregate: events, commands, rejections and decider. */
export * from './restructure-events.js';
export * from './restructure-commands.js';
