/** What every operation of the PostgreSQL store shares: the pool, the schema, the registry, limits and state. */
import type * as E from 'fp-ts/lib/Either.js';
import type pg from 'pg';
import type { CodecRegistry, EventShape, StoreError, StoreLimits } from '@borough-command/domain/eventsourcing';
import type { Redactor } from './redaction.js';
import type { SchemaName } from './schema/schema-name.js';
import type { RetryPolicy } from './subscription/backoff.js';
import type { Notifier } from './subscription/notifier.js';

/** The state and settings an operation of the store reads. */
export interface StoreContext<Ev extends EventShape> {
  readonly registry: CodecRegistry<Ev>;
  readonly pool: pg.Pool;
  readonly schema: SchemaName;
  readonly limits: StoreLimits;
  readonly redact: Redactor;
  /** Rows fetched per query while a subscription catches up. */
  readonly readBatchSize: number;
  /** How a subscription whose reads fail tries again before it is dropped. */
  readonly resubscribe: RetryPolicy;
  /** How often a waiting subscription looks for new events when no notification comes. */
  readonly pollIntervalMs: number;
  /** Wakes waiting subscriptions when an append commits. */
  readonly notifier: Notifier;
  /** Checks once that the schema is migrated; fails with a sentence saying to run the migration. */
  readonly ensureMigrated: (operation: string) => Promise<E.Either<StoreError, void>>;
  /** True once `close()` was called. */
  readonly isClosed: () => boolean;
}
