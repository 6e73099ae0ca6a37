/**
 * `@borough-command/eventstoredb`: the `EventStore` port over EventStoreDB (`@eventstore/db-client`
 * 6.2.1) and a projection checkpoint store kept in EventStoreDB. The wire-level test server is
 * `@borough-command/eventstoredb/testing`.
 */

/** The store: `createEventStoreDbStore(registry, { connectionString } | { client } | { connection }, options?)`. */
export { createEventStoreDbStore, type EventStoreDbStoreOptions } from './eventstoredb-store.js';
/** Where a store connects to. */
export type { EventStoreDbTarget } from './connect.js';
/** How a dropped subscription is tried again, and the default policy. */
export { defaultResubscribePolicy, type ResubscribePolicy, type RetryPolicy } from './subscription/backoff.js';
/** The one interface a client implements for the adapter, and its values. */
export type {
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
/** The checkpoint and checkpoint-store shapes (structurally those of the projections package). */
export type {
  CheckpointCorrupt,
  CheckpointStoreError,
  CheckpointUnreadable,
  CheckpointUnwritable,
  RunnerCheckpointStore,
  StoredCheckpoint,
} from './checkpoints/checkpoint-shape.js';
/** Masks credentials in messages. */
export { createRedactor, secretsOf, type Redactor } from './redaction.js';
