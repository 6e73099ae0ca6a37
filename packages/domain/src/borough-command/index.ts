/** The three aggregates together: every event and command, routing, process managers and the domain service. */
export * from './domain-events.js';
export * from './domain-commands.js';
export * from './membership.js';
export * from './process-managers.js';
export * from './borough-command-service.js';
