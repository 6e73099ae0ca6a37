/**
 * A small event-sourcing kernel with no domain words in it: envelopes, codecs, the `EventStore`
 * port, the in-memory and journal stores, and the command handler.
 */
export * from './envelope.js';
export * from './expected-revision.js';
export * from './errors.js';
export * from './validation-report.js';
export * from './codec-registry.js';
export * from './metadata-codec.js';
export * from './event-id.js';
export * from './event-store.js';
export * from './store-limits.js';
export * from './append-encoding.js';
export * from './memory-log.js';
export * from './in-memory-store.js';
export * from './decider.js';
export * from './settle-append.js';
export * from './command-handler.js';
export * from './journal/journal-line.js';
export * from './journal/journal-chain.js';
export * from './journal/journal-reader.js';
export * from './journal/journal-lock.js';
export * from './journal/journal-store.js';
export { tracedEventStore } from './tracing/traced-event-store.js';
export { activeTraceparent, spanContextOfTraceparent, traceparentOf } from './tracing/trace-context.js';
export { DOMAIN_TRACER_NAME } from './tracing/kernel-tracer.js';
