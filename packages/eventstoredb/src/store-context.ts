/** What every operation of the EventStoreDB store shares: the connection, the registry, limits and state. */
import type { CodecRegistry, EventShape, StoreLimits } from '@borough-command/domain/eventsourcing';
import type { EsdbConnection } from './connection/esdb-connection.js';
import type { Redactor } from './redaction.js';
import type { ResubscribePolicy } from './subscription/backoff.js';

/** The state and settings an operation of the store reads. */
export interface StoreContext<Ev extends EventShape> {
  readonly registry: CodecRegistry<Ev>;
  readonly connection: EsdbConnection;
  readonly limits: StoreLimits;
  readonly redact: Redactor;
  /** Events taken at a time from a `$all` read while scanning; independent of the caller's page size. */
  readonly readBatchSize: number;
  readonly resubscribe: ResubscribePolicy;
  /** True once `close()` was called. */
  readonly isClosed: () => boolean;
}
