/**
 * The conformance suite every `EventStore` implementation must pass: a small event model, the
 * checks as plain async functions, and `describeEventStoreConformance` to register them with vitest.
 */
export * from './conformance-events.js';
export * from './subject.js';
export * from './stream-names.js';
export * from './expectations.js';
export * from './context.js';
export * from './define-case.js';
export * from './reading.js';
export * from './subscription-reader.js';
export * from './show.js';
export { eventStoreConformanceCases } from './cases/index.js';
export * from './describe-conformance.js';
