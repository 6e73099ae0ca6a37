/** The appointment aggregate: events, commands, rejections and decider. */
export * from './appointment-events.js';
export * from './appointment-commands.js';
