/** The EventStoreDB adapter of the `EventStore` port lands here; the test server is `@borough-command/eventstoredb/testing`. */
export {};
