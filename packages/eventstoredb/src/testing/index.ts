/**
 * `@borough-command/eventstoredb/testing`: an in-process server speaking EventStoreDB's gRPC
 * protocol to the real `@eventstore/db-client` or `@kurrent/kurrentdb-client` (one per process),
 * for suites that have no EventStoreDB server.
 */

/** Start a server; its handle carries the connection string and the fault switches. */
export { startTestServer, type TestServer, type TestServerOptions } from './test-server.js';
/** Which client's protocol modules the server loaded, and the environment variable that chooses it. */
export { TEST_SERVER_CLIENT_VARIABLE, testServerClientPackage } from './protocol.js';
/** The per-operation call counts a server reports. */
export type { CallCounts, CountedOperation } from './call-gate.js';
/** Events as the server's log holds them, and the revision of a tombstone. */
export { DELETED_STREAM_REVISION, type RecordedEvent as TestServerEvent } from './log-types.js';
