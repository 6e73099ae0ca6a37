/** The appointment aggregate: events, commands, rejections and decider. */
export * from './appointment-events.js';
export * from './appointment-commands.js';
export * from './appointment-decision.js';
export * from './appointment-rejections.js';
export * from './appointment-state.js';
export * from './appointment-decider.js';
export * from './open-appointment-process.js';
