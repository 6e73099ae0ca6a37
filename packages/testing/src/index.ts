/**
 * Test support for borough-command: the `EventStore` conformance suite, given/when/then for
 * deciders, and fast-check arbitraries of commands, events and valid histories.
 */
export * from './conformance/index.js';
export * from './deciders/decider-specification.js';
export * from './arbitraries/appointment.js';
export * from './arbitraries/posting.js';
export * from './arbitraries/restructure.js';
export * from './deciders/decider-laws.js';
