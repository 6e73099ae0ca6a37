/** `createEventStoreDbStore`: the `EventStore` port over EventStoreDB. */
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
import { appendToStream } from './append.js';
import { openConnection, type EventStoreDbTarget } from './connect.js';
import type { AppendMethod } from './connection/append-method.js';
import type { EsdbConnection } from './connection/esdb-connection.js';
import { readAll } from './read-all.js';
import { readStream } from './read-stream.js';
import type { Redactor } from './redaction.js';
import { defaultResubscribePolicy, isValidPolicy, type ResubscribePolicy } from './subscription/backoff.js';
import { catchUpSubscription, droppedSubscription, type ManagedSubscription } from './subscription/catch-up-subscription.js';
import type { StoreContext } from './store-context.js';

/** Options of the EventStoreDB store; every field is optional. */
export interface EventStoreDbStoreOptions {
  /** Size limits checked before anything is sent; `defaultStoreLimits` when absent. */
  readonly limits?: StoreLimits;
  /**
   * Events taken at a time from a `$all` read while reading or catching up (2 or more; 500 by
   * default). A read is one call held open to the end of `$all`: the adapter holds one batch being
   * used and the next one arriving, and the node sends no faster than they are taken.
   */
  readonly readBatchSize?: number;
  /** How a dropped subscription is tried again; `defaultResubscribePolicy` for the fields left out. */
  readonly resubscribe?: Partial<ResubscribePolicy>;
  /**
   * The gRPC call appends take: `append` (`Streams.Append`, the default) or `batch-append`
   * (`Streams.BatchAppend` when the node offers it). The client's batch appends can end the process
   * on a dropped connection (see `AppendMethod`); choose `batch-append` only where that is fixed.
   */
  readonly appendMethod?: AppendMethod;
  /**
   * How long an append waits for its answer, and a read (of a stream, of `$all`, a subscription's
   * catch-up) for the next part of its answer, in milliseconds: 10 000 by default. A node that does
   * not answer in time (paused, overloaded, cut off) makes an append `AppendOutcomeUnknown` and a
   * read `StoreUnavailable`, instead of waiting for the connection's keepalive. Not applied to an
   * `EsdbConnection` given as the target, which keeps its own.
   */
  readonly deadlineMs?: number;
}

const OPERATION = 'open an EventStoreDB store';

/** Events taken at a time from a `$all` read when the options do not say. */
const DEFAULT_READ_BATCH_SIZE = 500;

const contextOf = <Ev extends EventShape>(
  registry: CodecRegistry<Ev>,
  connection: EsdbConnection,
  redact: Redactor,
  options: EventStoreDbStoreOptions,
  isClosed: () => boolean,
): E.Either<StoreError, StoreContext<Ev>> => {
  const readBatchSize = options.readBatchSize ?? DEFAULT_READ_BATCH_SIZE;
  if (!Number.isInteger(readBatchSize) || readBatchSize < 2) return E.left(invalidArgument(OPERATION, 'readBatchSize must be a whole number, 2 or more'));
  const resubscribe = { ...defaultResubscribePolicy, ...options.resubscribe };
  if (!isValidPolicy(resubscribe)) {
    return E.left(invalidArgument(OPERATION, 'resubscribe needs whole maxAttempts ≥ 0 and delays with 0 ≤ initialDelayMs ≤ maxDelayMs'));
  }
  return E.right({ registry, connection, limits: options.limits ?? defaultStoreLimits, redact, readBatchSize, resubscribe, isClosed });
};

/**
 * An `EventStore` over EventStoreDB, from a connection string, a `@eventstore/db-client` client or
 * an `EsdbConnection`. Nothing is sent until the first operation; `close()` ends its subscriptions
 * with `StoreClosed` and disposes the connection.
 */
export const createEventStoreDbStore = <Ev extends EventShape>(
  registry: CodecRegistry<Ev>,
  target: EventStoreDbTarget,
  options: EventStoreDbStoreOptions = {},
): E.Either<StoreError, EventStore<Ev>> => {
  const { appendMethod, deadlineMs } = options;
  if (deadlineMs !== undefined && !(deadlineMs > 0 && Number.isFinite(deadlineMs))) {
    return E.left(invalidArgument(OPERATION, 'deadlineMs must be a positive number of milliseconds'));
  }
  const opened = openConnection(target, OPERATION, { ...(appendMethod === undefined ? {} : { appendMethod }), ...(deadlineMs === undefined ? {} : { deadlineMs }) });
  if (E.isLeft(opened)) return opened;
  const { connection, redact } = opened.right;
  let closing: Promise<void> | undefined;
  const isClosed = (): boolean => closing !== undefined;
  const context = contextOf(registry, connection, redact, options, isClosed);
  if (E.isLeft(context)) {
    void connection.dispose().catch(() => undefined);
    return context;
  }
  const subscriptions = new Set<ManagedSubscription<Ev>>();
  const append = appendToStream(context.right);
  const read = readStream(context.right);

  const close = async (): Promise<void> => {
    const dropped: StoreError = { _tag: 'StoreClosed', operation: 'subscription' };
    await Promise.all([...subscriptions].map((subscription) => subscription.dropWith(dropped)));
    subscriptions.clear();
    await connection.dispose().catch(() => undefined);
  };

  // Each operation is a span of this package's tracer (a no-op without an OpenTelemetry SDK).
  return E.right(tracedEventStore<Ev>({
    name: 'eventstoredb',
    appendToStream: (stream, events, expected) => () => append(stream, events, expected),
    readStream: (stream, readOptions) => () => read(stream, readOptions),
    readAll: (readOptions) => readAll(context.right, readOptions),
    subscribeToAll: (filter) => {
      if (isClosed()) return droppedSubscription({ _tag: 'StoreClosed', operation: 'subscription' });
      const subscription = catchUpSubscription(context.right, filter);
      subscriptions.add(subscription);
      void subscription.settled.then(() => subscriptions.delete(subscription));
      return subscription;
    },
    close: () => {
      closing ??= close();
      return closing;
    },
  }, { scope: '@borough-command/eventstoredb' }));
};
