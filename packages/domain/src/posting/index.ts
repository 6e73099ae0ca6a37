/** The posting aggregate: events, commands, rejections and decider. */
export * from './posting-events.js';
export * from './posting-commands.js';
