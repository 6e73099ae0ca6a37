/** borough-command's domain: deciders, events, commands, policy and London reference data, over the event-sourcing kernel. */
export * from './eventsourcing/index.js';
