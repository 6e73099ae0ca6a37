/** Test support for borough-command: the `EventStore` conformance suite and its event model. */
export * from './conformance/index.js';
