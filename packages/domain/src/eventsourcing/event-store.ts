import type * as Either from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import type { EventShape, NewEvent, RecordedEvent } from './envelope.js';
import type { StoreError } from './errors.js';
import type { ExpectedRevision } from './expected-revision.js';

/** What a successful append tells. */
export interface AppendResult {
  /**
   * The revision of the last event of this append: the next append's expected revision. On an
   * idempotent retry it is the retried batch's last revision, even if the stream has moved on since.
   */
  readonly nextExpectedRevision: bigint;
  /** Global position of the last event of this append. */
  readonly position: bigint;
  /** How many events were written: 0 when every event was already there (an idempotent retry). */
  readonly written: number;
}

/** Where and how to read one stream. */
export interface ReadStreamOptions {
  /** `forwards` (default) or `backwards`. */
  readonly direction?: 'forwards' | 'backwards';
  /** The first revision to read (inclusive); `start` (default forwards) or `end` (default backwards). */
  readonly fromRevision?: bigint | 'start' | 'end';
  /** The most events to return; all by default. */
  readonly maxCount?: number;
}

/** Which events of the global log to read or follow. */
export interface AllEventsFilter {
  /** Read only events strictly after this global position (a checkpoint); from the start when absent. */
  readonly after?: bigint;
  /** Keep only events whose stream name starts with one of these prefixes; all streams when absent. */
  readonly streamPrefixes?: readonly string[];
}

/** Options of `readAll`. */
export interface ReadAllOptions extends AllEventsFilter {
  /** Events per page; the store picks a default. */
  readonly pageSize?: number;
}

/** A message of a subscription: an event, the moment history has been delivered, or the end. */
export type SubscriptionMessage<E extends EventShape = EventShape> =
  | { readonly _tag: 'Event'; readonly event: RecordedEvent<E> }
  | { readonly _tag: 'CaughtUp'; readonly position: bigint | undefined }
  | { readonly _tag: 'Dropped'; readonly error: StoreError };

/**
 * A catch-up subscription to the global log: every stored event after the checkpoint, a `CaughtUp`
 * message, then live events as they are appended, with no gap and no duplicate. Iteration ends
 * after a `Dropped` message or when the subscription is closed.
 */
export interface Subscription<E extends EventShape = EventShape> extends AsyncIterable<SubscriptionMessage<E>> {
  /** Stops the subscription; a pending iteration ends. */
  readonly close: () => Promise<void>;
}

/** The port every event store implements: in-memory, journal file, EventStoreDB. */
export interface EventStore<E extends EventShape = EventShape> {
  /** A short name for messages and test titles, e.g. `in-memory`. */
  readonly name: string;
  /**
   * Appends events to a stream if it is at the expected revision. Re-appending events whose ids are
   * already the stream's events at that place succeeds and writes nothing.
   */
  readonly appendToStream: (
    stream: string,
    events: readonly NewEvent<E>[],
    expectedRevision: ExpectedRevision,
  ) => TE.TaskEither<StoreError, AppendResult>;
  /** Reads one stream; `StreamNotFound` when it was never written, `[]` when the range is empty. */
  readonly readStream: (stream: string, options?: ReadStreamOptions) => TE.TaskEither<StoreError, readonly RecordedEvent<E>[]>;
  /** Reads the global log page by page, in constant memory; iteration ends after a `Left`. */
  readonly readAll: (options?: ReadAllOptions) => AsyncIterable<Either.Either<StoreError, readonly RecordedEvent<E>[]>>;
  /** Follows the global log from a checkpoint: history, then `CaughtUp`, then live events. */
  readonly subscribeToAll: (filter?: AllEventsFilter) => Subscription<E>;
  /** Releases files, locks and connections. */
  readonly close: () => Promise<void>;
}

/** Tells whether a stream name passes a prefix filter. */
export const matchesPrefixes = (stream: string, prefixes: readonly string[] | undefined): boolean => {
  if (prefixes === undefined) return true;
  for (const prefix of prefixes) if (stream.startsWith(prefix)) return true;
  return false;
};
