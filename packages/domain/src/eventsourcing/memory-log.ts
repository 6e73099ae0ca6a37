import * as E from 'fp-ts/lib/Either.js';
import { encodeAppend, type EncodedEvent } from './append-encoding.js';
import type { CodecRegistry } from './codec-registry.js';
import { deepFreeze } from './deep-freeze.js';
import type { EventShape, NewEvent, RecordedEvent } from './envelope.js';
import type { StoreError } from './errors.js';
import type {
  AllEventsFilter,
  AppendResult,
  ReadAllOptions,
  ReadStreamOptions,
  Subscription,
  SubscriptionMessage,
} from './event-store.js';
import { matchesPrefixes } from './event-store.js';
import { satisfiesExpectedRevision, type ExpectedRevision, type StreamRevision } from './expected-revision.js';
import { checkStreamName, defaultStoreLimits, invalidArgument, type StoreLimits } from './store-limits.js';

/** What an append leads to: write these records, or nothing because they are already there. */
export type AppendPlan<E extends EventShape> =
  | {
      readonly _tag: 'Write';
      readonly records: readonly RecordedEvent<E>[];
      readonly encoded: readonly EncodedEvent[];
    }
  | { readonly _tag: 'AlreadyWritten'; readonly result: AppendResult };

/**
 * The state of a store held in memory: the global log, its stream index and its live
 * subscriptions. Appends are planned, then committed; callers serialize appends.
 */
export interface MemoryLog<E extends EventShape> {
  /** Checks an append against the stream and encodes it, without changing anything. */
  readonly planAppend: (
    stream: string,
    events: readonly NewEvent<E>[],
    expected: ExpectedRevision,
  ) => E.Either<StoreError, AppendPlan<E>>;
  /** Adds planned (or recovered) records to the log and wakes subscriptions. */
  readonly commit: (records: readonly RecordedEvent<E>[]) => AppendResult;
  /** The revision of a stream's last event, or `no_stream`. */
  readonly revisionOf: (stream: string) => StreamRevision;
  /** Reads one stream. */
  readonly readStream: (stream: string, options?: ReadStreamOptions) => E.Either<StoreError, readonly RecordedEvent<E>[]>;
  /** Reads the global log in pages. */
  readonly readAll: (
    options: ReadAllOptions | undefined,
    isClosed: () => boolean,
  ) => AsyncIterable<E.Either<StoreError, readonly RecordedEvent<E>[]>>;
  /** Follows the global log from a checkpoint. */
  readonly subscribe: (filter: AllEventsFilter | undefined) => Subscription<E>;
  /** Number of events in the log. */
  readonly size: () => number;
  /** Ends every subscription, and any opened later, with a `Dropped` message carrying this error. */
  readonly dropSubscriptions: (error: StoreError) => void;
}

const DEFAULT_PAGE_SIZE = 1000;

/** Creates the in-memory log of a store over a codec registry. */
export const createMemoryLog = <E extends EventShape>(
  registry: CodecRegistry<E>,
  limits: StoreLimits = defaultStoreLimits,
): MemoryLog<E> => {
  const log: RecordedEvent<E>[] = [];
  const streams = new Map<string, RecordedEvent<E>[]>();
  /** Revision of each event id inside its stream, keyed `<stream>\u0000<eventId>`: ids are unique per stream, as in EventStoreDB. */
  const revisionByEventId = new Map<string, bigint>();
  const wakers = new Set<() => void>();
  const liveSubscriptions = new Set<(error?: StoreError) => void>();
  /** Set once the subscriptions were dropped (the store closed): later subscriptions are dropped at once. */
  let droppedWith: StoreError | undefined;

  const revisionOf = (stream: string): StreamRevision => {
    const events = streams.get(stream);
    return events === undefined ? 'no_stream' : BigInt(events.length - 1);
  };

  /** EventStoreDB's idempotence: the same ids already sit where this append would put them. */
  const alreadyWritten = (
    stream: string,
    events: readonly NewEvent<E>[],
    expected: ExpectedRevision,
  ): AppendResult | 'partial' | undefined => {
    const existing = streams.get(stream);
    const firstId = events[0]?.metadata?.eventId;
    if (existing === undefined || firstId === undefined) return undefined;
    let start: number | undefined;
    if (typeof expected === 'bigint') start = Number(expected) + 1;
    else if (expected === 'no_stream') start = 0;
    else {
      const found = revisionByEventId.get(`${stream}\u0000${firstId}`);
      start = found === undefined ? undefined : Number(found);
    }
    if (start === undefined || existing[start]?.metadata.eventId !== firstId) return undefined;
    for (let i = 1; i < events.length; i++) {
      if (existing[start + i]?.metadata.eventId !== events[i]?.metadata?.eventId) return 'partial';
    }
    const last = existing[start + events.length - 1] as RecordedEvent<E>;
    return { nextExpectedRevision: last.revision, position: last.position, written: 0 };
  };

  const planAppend = (
    stream: string,
    events: readonly NewEvent<E>[],
    expected: ExpectedRevision,
  ): E.Either<StoreError, AppendPlan<E>> => {
    const actual = revisionOf(stream);
    const firstRevision = actual === 'no_stream' ? 0n : actual + 1n;
    const encoded = encodeAppend(registry, limits, stream, firstRevision, events);
    if (E.isLeft(encoded)) return encoded;
    const idempotent = alreadyWritten(stream, events, expected);
    if (idempotent !== undefined && idempotent !== 'partial') return E.right({ _tag: 'AlreadyWritten', result: idempotent });
    if (idempotent === 'partial' || !satisfiesExpectedRevision(expected, actual)) {
      return E.left({ _tag: 'WrongExpectedRevision', stream, expected, actual });
    }
    const records: RecordedEvent<E>[] = [];
    let position = BigInt(log.length);
    for (let i = 0; i < encoded.right.length; i++) {
      const item = encoded.right[i] as EncodedEvent;
      const revision = firstRevision + BigInt(i);
      const decoded = registry.decode({ type: item.type, schemaVersion: item.metadata.schemaVersion, data: item.data }, { stream, revision });
      if (E.isLeft(decoded)) return decoded;
      records.push(deepFreeze({ event: decoded.right, metadata: item.metadata, stream, revision, position }));
      position += 1n;
    }
    return E.right({ _tag: 'Write', records, encoded: encoded.right });
  };

  const commit = (records: readonly RecordedEvent<E>[]): AppendResult => {
    for (const record of records) {
      if (record.position !== BigInt(log.length)) {
        throw new Error(`commit out of order: position ${record.position.toString()} after ${String(log.length)} events`);
      }
      log.push(record);
      let events = streams.get(record.stream);
      if (events === undefined) {
        events = [];
        streams.set(record.stream, events);
      }
      events.push(record);
      revisionByEventId.set(`${record.stream}\u0000${record.metadata.eventId}`, record.revision);
    }
    for (const wake of [...wakers]) wake();
    const last = records[records.length - 1] as RecordedEvent<E>;
    return { nextExpectedRevision: last.revision, position: last.position, written: records.length };
  };

  const readStream = (stream: string, options: ReadStreamOptions = {}): E.Either<StoreError, readonly RecordedEvent<E>[]> => {
    const operation = `read stream '${stream}'`;
    const badName = checkStreamName(stream, operation, Number.MAX_SAFE_INTEGER);
    if (badName !== undefined) return E.left(badName);
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    if (!Number.isInteger(maxCount) || maxCount < 0) return E.left(invalidArgument(operation, 'maxCount must be a whole number, 0 or more'));
    const events = streams.get(stream);
    if (events === undefined) return E.left({ _tag: 'StreamNotFound', stream });
    const last = events.length - 1;
    const from = options.fromRevision;
    if (options.direction === 'backwards') {
      const start = from === undefined || from === 'end' ? last : from === 'start' ? 0 : Math.min(Number(from), last);
      const out: RecordedEvent<E>[] = [];
      for (let r = start; r >= 0 && out.length < maxCount; r--) out.push(events[r] as RecordedEvent<E>);
      return E.right(out);
    }
    const start = from === undefined || from === 'start' ? 0 : from === 'end' ? events.length : Math.max(0, Number(from));
    return E.right(events.slice(start, start + Math.min(maxCount, events.length)));
  };

  const startIndex = (after: bigint | undefined): number => (after === undefined ? 0 : Math.max(0, Number(after) + 1));

  // eslint-disable-next-line @typescript-eslint/require-await -- the pages are in memory; the port's iterable is async
  async function* readAll(
    options: ReadAllOptions = {},
    isClosed: () => boolean,
  ): AsyncIterable<E.Either<StoreError, readonly RecordedEvent<E>[]>> {
    const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(pageSize) || pageSize < 1) {
      yield E.left(invalidArgument('read all', 'pageSize must be a whole number, 1 or more'));
      return;
    }
    let index = startIndex(options.after);
    for (;;) {
      // Checked before every page, the first included: a closed store has nothing to read, not an empty log.
      if (isClosed()) {
        yield E.left({ _tag: 'StoreClosed', operation: 'read all' });
        return;
      }
      if (index >= log.length) return;
      const page: RecordedEvent<E>[] = [];
      while (index < log.length && page.length < pageSize) {
        const record = log[index++] as RecordedEvent<E>;
        if (matchesPrefixes(record.stream, options.streamPrefixes)) page.push(record);
      }
      if (page.length > 0) yield E.right(page);
    }
  }

  const subscribe = (filter: AllEventsFilter = {}): Subscription<E> => {
    let index = startIndex(filter.after);
    let caughtUp = false;
    let ended = false;
    let dropped: StoreError | undefined;
    let wake: (() => void) | undefined;
    const stop = (error?: StoreError): void => {
      if (ended) return;
      ended = true;
      dropped = error;
      liveSubscriptions.delete(stop);
      wake?.();
    };
    if (droppedWith === undefined) liveSubscriptions.add(stop);
    else stop(droppedWith);
    const waitForAppend = (): Promise<void> =>
      new Promise<void>((resolve) => {
        const waker = (): void => {
          wakers.delete(waker);
          wake = undefined;
          resolve();
        };
        wake = waker;
        wakers.add(waker);
      });
    const next = async (): Promise<IteratorResult<SubscriptionMessage<E>>> => {
      for (;;) {
        if (ended) {
          if (dropped === undefined) return { done: true, value: undefined };
          const error = dropped;
          dropped = undefined;
          return { done: false, value: { _tag: 'Dropped', error } };
        }
        while (index < log.length) {
          const record = log[index++] as RecordedEvent<E>;
          if (matchesPrefixes(record.stream, filter.streamPrefixes)) return { done: false, value: { _tag: 'Event', event: record } };
        }
        if (!caughtUp) {
          caughtUp = true;
          const position = index === 0 ? filter.after : BigInt(index - 1);
          return { done: false, value: { _tag: 'CaughtUp', position } };
        }
        await waitForAppend();
      }
    };
    const close = (): Promise<void> => {
      stop();
      return Promise.resolve();
    };
    return {
      close,
      [Symbol.asyncIterator]: () => ({
        next,
        return: async () => {
          await close();
          return { done: true, value: undefined };
        },
      }),
    };
  };

  const dropSubscriptions = (error: StoreError): void => {
    droppedWith = error;
    for (const stop of [...liveSubscriptions]) stop(error);
  };

  return { planAppend, commit, revisionOf, readStream, readAll, subscribe, size: () => log.length, dropSubscriptions };
};
