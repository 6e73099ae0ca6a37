/** `createPostgresStore`: the `EventStore` port over PostgreSQL. */
import * as E from 'fp-ts/lib/Either.js';
import {
  defaultStoreLimits,
  invalidArgument,
  tracedEventStore,
  type CodecRegistry,
  type EventShape,
  type EventStore,
  type StoreError,
  type StoreLimits,
} from '@borough-command/domain/eventsourcing';
import { appendToStream } from './append/append.js';
import { openPool, type PoolOptions, type PostgresTarget } from './connect.js';
import { readAll } from './read-all.js';
import { readStream } from './read-stream.js';
import { schemaName } from './schema/schema-name.js';
import { checkSchemaVersion } from './schema/schema-version.js';
import type { StoreContext } from './store-context.js';
import { defaultResubscribePolicy, isValidPolicy, type RetryPolicy } from './subscription/backoff.js';
import { catchUpSubscription, droppedSubscription, type ManagedSubscription } from './subscription/catch-up-subscription.js';
import { createNotifier } from './subscription/notifier.js';

/** Options of the PostgreSQL store; every field is optional. */
export interface PostgresStoreOptions extends PoolOptions {
  /** The PostgreSQL schema holding the store's tables; `borough_command` by default. */
  readonly schema?: string;
  /** Size limits checked before anything is sent; `defaultStoreLimits` when absent. */
  readonly limits?: StoreLimits;
  /** Events read per query while a subscription catches up (1 or more); 500 by default. */
  readonly readBatchSize?: number;
  /** How a subscription whose reads fail as unavailable tries again before it is dropped; `defaultResubscribePolicy` for the fields left out. */
  readonly resubscribe?: Partial<RetryPolicy>;
  /** How often a waiting subscription reads the log when no notification comes, in milliseconds; 1,000 by default. */
  readonly pollIntervalMs?: number;
}

const OPERATION = 'open a PostgreSQL store';
const DEFAULT_READ_BATCH_SIZE = 500;
const DEFAULT_POLL_INTERVAL_MS = 1_000;

/** The options checked: a readable error for the first one out of range. */
const checkOptions = (options: PostgresStoreOptions): string | undefined => {
  const { readBatchSize, pollIntervalMs, maxConnections, connectionTimeoutMs } = options;
  if (readBatchSize !== undefined && !(Number.isInteger(readBatchSize) && readBatchSize >= 1)) return 'readBatchSize must be a whole number, 1 or more';
  if (pollIntervalMs !== undefined && !(pollIntervalMs > 0 && Number.isFinite(pollIntervalMs))) return 'pollIntervalMs must be a positive number of milliseconds';
  if (maxConnections !== undefined && !(Number.isInteger(maxConnections) && maxConnections >= 2)) return 'maxConnections must be a whole number, 2 or more (subscriptions keep one listening)';
  if (connectionTimeoutMs !== undefined && !(connectionTimeoutMs > 0 && Number.isFinite(connectionTimeoutMs))) return 'connectionTimeoutMs must be a positive number of milliseconds';
  if (!isValidPolicy({ ...defaultResubscribePolicy, ...options.resubscribe })) return 'resubscribe needs whole maxAttempts ≥ 0 and delays with 0 ≤ initialDelayMs ≤ maxDelayMs';
  return undefined;
};

/**
 * An `EventStore` over PostgreSQL, from a connection string or a `pg.Pool`. Nothing is sent until
 * the first operation, which checks once that the schema was migrated (`migratePostgresSchema`);
 * `close()` ends its subscriptions with `StoreClosed` and ends the pool it created (a pool given
 * stays open).
 */
export const createPostgresStore = <Ev extends EventShape>(
  registry: CodecRegistry<Ev>,
  target: PostgresTarget,
  options: PostgresStoreOptions = {},
): E.Either<StoreError, EventStore<Ev>> => {
  const schema = schemaName(options.schema);
  if (E.isLeft(schema)) return E.left(invalidArgument(OPERATION, schema.left));
  const problem = checkOptions(options);
  if (problem !== undefined) return E.left(invalidArgument(OPERATION, problem));
  const opened = openPool(target, OPERATION, options);
  if (E.isLeft(opened)) return opened;
  const { pool, owned, redact } = opened.right;
  let closing: Promise<void> | undefined;
  const isClosed = (): boolean => closing !== undefined;
  let migrated: Promise<E.Either<StoreError, void>> | undefined;
  const ensureMigrated = async (operation: string): Promise<E.Either<StoreError, void>> => {
    migrated ??= checkSchemaVersion(pool, schema.right, operation, redact);
    const checked = await migrated;
    // Only a success is kept: after a failure the next operation looks again.
    if (E.isLeft(checked)) migrated = undefined;
    return checked;
  };
  const notifier = createNotifier(pool, schema.right.channel, `"${schema.right.channel}"`);
  const context: StoreContext<Ev> = {
    registry,
    pool,
    schema: schema.right,
    limits: options.limits ?? defaultStoreLimits,
    redact,
    readBatchSize: options.readBatchSize ?? DEFAULT_READ_BATCH_SIZE,
    resubscribe: { ...defaultResubscribePolicy, ...options.resubscribe },
    pollIntervalMs: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
    notifier,
    ensureMigrated,
    isClosed,
  };
  const subscriptions = new Set<ManagedSubscription<Ev>>();
  const append = appendToStream(context);
  const read = readStream(context);

  const close = async (): Promise<void> => {
    const dropped: StoreError = { _tag: 'StoreClosed', operation: 'subscription' };
    await Promise.all([...subscriptions].map((subscription) => subscription.dropWith(dropped)));
    subscriptions.clear();
    await notifier.close();
    if (owned) await pool.end().catch(() => undefined);
  };

  // Each operation is a span of this package's tracer (a no-op without an OpenTelemetry SDK).
  return E.right(tracedEventStore<Ev>({
    name: 'postgres',
    appendToStream: (stream, events, expected) => () => append(stream, events, expected),
    readStream: (stream, readOptions) => () => read(stream, readOptions),
    readAll: (readOptions) => readAll(context, readOptions),
    subscribeToAll: (filter) => {
      if (isClosed()) return droppedSubscription({ _tag: 'StoreClosed', operation: 'subscription' });
      const subscription = catchUpSubscription(context, filter);
      subscriptions.add(subscription);
      void subscription.settled.then(() => subscriptions.delete(subscription));
      return subscription;
    },
    close: () => {
      closing ??= close();
      return closing;
    },
  }, { scope: '@borough-command/postgres' }));
};
