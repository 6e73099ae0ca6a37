/**
 * `@borough-command/eventstoredb`: the `EventStore` port over EventStoreDB and KurrentDB, through
 * `@kurrent/kurrentdb-client` 1.3 or `@eventstore/db-client` 6.2.1 (whichever the service installs),
 * and a projection checkpoint store kept in a stream. The wire-level test server is
 * `@borough-command/eventstoredb/testing`.
 */

/** The store: `createEventStoreDbStore(registry, { connectionString } | { client } | { connection }, options?)`. */
export { createEventStoreDbStore, type EventStoreDbStoreOptions } from './eventstoredb-store.js';
/** Where a store connects to, and a connection over a client of either package. */
export { connectionOfClient, type EventStoreDbTarget } from './connect.js';
/** The two client packages, which one a connection string opens by default, and a client of either. */
export {
  DB_CLIENT_PACKAGE,
  KURRENTDB_CLIENT_PACKAGE,
  defaultClientPackage,
  isClientInstalled,
  type EsdbClient,
  type EsdbClientPackage,
} from './connection/client-package.js';
/** How a dropped subscription is tried again, and the default policy. */
export { defaultResubscribePolicy, type ResubscribePolicy, type RetryPolicy } from './subscription/backoff.js';
/** The one interface a client implements for the adapter, and its values. */
export type {
  EsdbAllBatches,
  EsdbAllRead,
  EsdbAllSubscriptionRequest,
  EsdbAppendSuccess,
  EsdbConnection,
  EsdbEventData,
  EsdbFailure,
  EsdbRecordedEvent,
  EsdbStreamMetadata,
  EsdbStreamRead,
  EsdbSubscription,
  EsdbSubscriptionItem,
} from './connection/esdb-connection.js';
/** `EsdbConnection` over `@eventstore/db-client` 6.2.1. */
export { DEFAULT_DEADLINE_MS, dbClientConnection, type DbClientConnectionOptions } from './connection/db-client-connection.js';
/** `EsdbConnection` over `@kurrent/kurrentdb-client` 1.3. */
export { kurrentDbClientConnection, type KurrentDbClientConnectionOptions } from './connection/kurrentdb-client-connection.js';
/** Which gRPC call appends take, and why `Streams.Append` is the default. */
export { DEFAULT_APPEND_METHOD, type AppendMethod } from './connection/append-method.js';
/** The checkpoint store: one EventStoreDB stream per projection, only the latest checkpoint kept. */
export {
  CHECKPOINT_EVENT_TYPE,
  DEFAULT_CHECKPOINT_STREAM_PREFIX,
  createEventStoreDbCheckpointStore,
  defaultCheckpointRetryPolicy,
  type CheckpointTarget,
  type EventStoreDbCheckpointOptions,
} from './checkpoints/eventstoredb-checkpoint-store.js';
/** Masks credentials in messages. */
export { createRedactor, secretsOf, type Redactor } from './redaction.js';
