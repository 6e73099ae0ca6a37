/** borough-command's domain: deciders, events, commands, policy and London reference data, over the event-sourcing kernel. */
export * from './eventsourcing/index.js';
export * from './shared/index.js';
export * from './policy/index.js';
export * from './reference/index.js';
export * from './appointment/index.js';
export * from './posting/index.js';
export * from './restructure/index.js';
export * from './borough-command/index.js';
