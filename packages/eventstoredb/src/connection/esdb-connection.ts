/**
 * The small part of an EventStoreDB client the adapter uses, behind one interface. The store, the
 * subscription and the checkpoint store speak only to this; `db-client-connection.ts` implements
 * it over `@eventstore/db-client` 6.2.1 and `kurrentdb-client-connection.ts` over
 * `@kurrent/kurrentdb-client` 1.3.
 */
import type * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import type { ExpectedRevision } from '@borough-command/domain/eventsourcing';

/** A JSON event to write: the id is the event id the kernel derived, data and metadata are plain JSON. */
export interface EsdbEventData {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
}

/** An event as the server returned it, with 64-bit numbers already as bigints. */
export interface EsdbRecordedEvent {
  readonly stream: string;
  readonly id: string;
  readonly type: string;
  readonly revision: bigint;
  /** The commit position; absent when the server sends none (stream reads before EventStoreDB 22.6). */
  readonly position: bigint | undefined;
  /** Parsed JSON when the event is JSON, raw bytes or text otherwise. */
  readonly data: unknown;
  /** Parsed JSON metadata, raw bytes when it is not JSON, undefined when empty. */
  readonly metadata: unknown;
}

/**
 * Why a call failed, free of any client's error classes.
 *
 * The tags the kernel's `StoreError` also has (`WrongExpectedRevision`, `StreamNotFound`,
 * `StreamDeleted`) mean the same there; the others are the node's side of a failure, which
 * `toStoreError` turns into the store's.
 */
export type EsdbFailure =
  | { readonly _tag: 'WrongExpectedRevision'; readonly actual: 'no_stream' | bigint }
  | { readonly _tag: 'StreamNotFound' }
  | { readonly _tag: 'StreamDeleted' }
  /** Unavailable, deadline exceeded, cancelled, not leader, connection refused or reset: worth retrying. */
  | { readonly _tag: 'NodeUnavailable'; readonly reason: string }
  /**
   * An append's request may have reached the server, but no answer came: its deadline passed, or
   * the connection was lost or the call cancelled after it was sent. The events may be written or not.
   */
  | { readonly _tag: 'OutcomeUnknown'; readonly reason: string }
  /** The server refused the request itself (access denied, append too large, invalid argument). */
  | { readonly _tag: 'RequestRejected'; readonly reason: string };

/** What a successful append returned. */
export interface EsdbAppendSuccess {
  readonly nextExpectedRevision: bigint;
  /** The commit position of the last event; absent when the server sends none. */
  readonly position: bigint | undefined;
}

/** A finite read of one stream. */
export interface EsdbStreamRead {
  readonly direction: 'forwards' | 'backwards';
  /** Inclusive start: `start`, `end` or a revision. */
  readonly from: 'start' | 'end' | bigint;
  readonly maxCount: number;
}

/** A forwards read of `$all` to its end, inclusive of `from`: one call held open, taken a batch at a time. */
export interface EsdbAllRead {
  /** `start`, or a commit position (read inclusive; commit and prepare positions are taken as equal). */
  readonly from: 'start' | bigint;
  /** The events each batch holds (the last may hold fewer): what the reader takes at a time. */
  readonly batchSize: number;
  /**
   * Stream-name prefixes the node may filter on (a connection whose client sends no filter with a
   * read ignores them: the adapter keeps only matching events either way).
   */
  readonly streamPrefixes?: readonly string[] | undefined;
}

/**
 * The batches of a `$all` read in progress. The call stays open between batches; the server sends
 * as fast as the reader takes (the transport's flow control), so what is held is a batch and the
 * transport's window, not the log.
 */
export interface EsdbAllBatches {
  /**
   * The next `batchSize` events, fewer only at the end of `$all`, none once it is reached; a
   * failure ends the read, and every later call answers it again. One call at a time.
   */
  readonly next: () => Promise<E.Either<EsdbFailure, readonly EsdbRecordedEvent[]>>;
  /** Ends the read early; nothing is sent after. */
  readonly close: () => Promise<void>;
}

/** A live subscription to `$all`, exclusive of its start. */
export interface EsdbAllSubscriptionRequest {
  /** Deliver events strictly after this commit position; from the start when absent. */
  readonly after: bigint | undefined;
  /** A server-side stream-name prefix filter, when the server can apply one. */
  readonly streamPrefixes: readonly string[] | undefined;
}

/** What a live subscription yields next. */
export type EsdbSubscriptionItem =
  | { readonly _tag: 'Confirmed' }
  | { readonly _tag: 'Event'; readonly event: EsdbRecordedEvent }
  | { readonly _tag: 'Failed'; readonly failure: EsdbFailure }
  /** The subscription ended without an error: closed by us, or ended by the server. */
  | { readonly _tag: 'Ended' };

/** A live subscription, read one item at a time (backpressure is the reader's pace). */
export interface EsdbSubscription {
  /** The next item; after `Failed` or `Ended` every call answers `Ended`. */
  readonly next: () => Promise<EsdbSubscriptionItem>;
  /** Cancels the subscription; a pending `next` answers `Ended`. */
  readonly close: () => Promise<void>;
}

/** Stream metadata the adapter writes. */
export interface EsdbStreamMetadata {
  /** `$maxCount`: keep only the last this many events. */
  readonly maxCount?: number;
}

/**
 * One EventStoreDB connection, as the adapter sees it. Every call answers with a value, never throws.
 *
 * Calls are tasks: nothing is sent until one is run, and each run sends the call again.
 */
export interface EsdbConnection {
  /**
   * Appends events atomically at an expected revision. A failure after the request may have left
   * (a deadline passed, a connection lost mid-call) is `OutcomeUnknown`, not `NodeUnavailable`.
   */
  readonly append: (
    stream: string,
    events: readonly EsdbEventData[],
    expected: ExpectedRevision,
  ) => TE.TaskEither<EsdbFailure, EsdbAppendSuccess>;
  /** Reads part of one stream; `StreamNotFound` for a stream with no event. */
  readonly readStream: (stream: string, read: EsdbStreamRead) => TE.TaskEither<EsdbFailure, readonly EsdbRecordedEvent[]>;
  /**
   * Reads `$all` forwards to its end, system events included, in one call held open: nothing is
   * sent until the first `next()`.
   */
  readonly readAll: (read: EsdbAllRead) => EsdbAllBatches;
  /** Subscribes to `$all` from a position, exclusive. */
  readonly subscribeToAll: (request: EsdbAllSubscriptionRequest) => EsdbSubscription;
  /** Writes a stream's metadata. */
  readonly setStreamMetadata: (stream: string, metadata: EsdbStreamMetadata) => TE.TaskEither<EsdbFailure, void>;
  /** Ends every call and releases the connection. */
  readonly dispose: () => Promise<void>;
}
