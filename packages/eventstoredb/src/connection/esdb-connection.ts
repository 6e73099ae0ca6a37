/**
 * The small part of an EventStoreDB client the adapter uses, behind one interface. The store, the
 * subscription and the checkpoint store speak only to this; `db-client-connection.ts` implements
 * it over `@eventstore/db-client` 6.2.1 and `kurrentdb-client-connection.ts` over
 * `@kurrent/kurrentdb-client` 1.3.
 */
import type * as E from 'fp-ts/lib/Either.js';
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

/** Why a call failed, free of any client's error classes. */
export type EsdbFailure =
  | { readonly kind: 'wrong_expected_revision'; readonly actual: 'no_stream' | bigint }
  | { readonly kind: 'stream_not_found' }
  | { readonly kind: 'stream_deleted' }
  /** Unavailable, deadline exceeded, cancelled, not leader, connection refused or reset: worth retrying. */
  | { readonly kind: 'unavailable'; readonly reason: string }
  /**
   * An append's request may have reached the server, but no answer came: its deadline passed, or
   * the connection was lost or the call cancelled after it was sent. The events may be written or not.
   */
  | { readonly kind: 'outcome_unknown'; readonly reason: string }
  /** The server refused the request itself (access denied, append too large, invalid argument). */
  | { readonly kind: 'rejected'; readonly reason: string };

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

/** A finite forwards read of `$all`, inclusive of `from`. */
export interface EsdbAllRead {
  /** `start`, or a commit position (read inclusive; commit and prepare positions are taken as equal). */
  readonly from: 'start' | bigint;
  readonly maxCount: number;
  /**
   * Stream-name prefixes the node may filter on (a connection whose client sends no filter with a
   * read ignores them: the adapter keeps only matching events either way). A filtered read counts
   * only matching events towards `maxCount`.
   */
  readonly streamPrefixes?: readonly string[] | undefined;
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
  | { readonly kind: 'confirmed' }
  | { readonly kind: 'event'; readonly event: EsdbRecordedEvent }
  | { readonly kind: 'failed'; readonly failure: EsdbFailure }
  /** The subscription ended without an error: closed by us, or ended by the server. */
  | { readonly kind: 'ended' };

/** A live subscription, read one item at a time (backpressure is the reader's pace). */
export interface EsdbSubscription {
  /** The next item; after `failed` or `ended` every call answers `ended`. */
  readonly next: () => Promise<EsdbSubscriptionItem>;
  /** Cancels the subscription; a pending `next` answers `ended`. */
  readonly close: () => Promise<void>;
}

/** Stream metadata the adapter writes. */
export interface EsdbStreamMetadata {
  /** `$maxCount`: keep only the last this many events. */
  readonly maxCount?: number;
}

/** One EventStoreDB connection, as the adapter sees it. Every method answers with a value, never throws. */
export interface EsdbConnection {
  /**
   * Appends events atomically at an expected revision. A failure after the request may have left
   * (a deadline passed, a connection lost mid-call) is `outcome_unknown`, not `unavailable`.
   */
  readonly append: (
    stream: string,
    events: readonly EsdbEventData[],
    expected: ExpectedRevision,
  ) => Promise<E.Either<EsdbFailure, EsdbAppendSuccess>>;
  /** Reads part of one stream; `stream_not_found` for a stream with no event. */
  readonly readStream: (stream: string, read: EsdbStreamRead) => Promise<E.Either<EsdbFailure, readonly EsdbRecordedEvent[]>>;
  /** Reads part of `$all` forwards, system events included. */
  readonly readAll: (read: EsdbAllRead) => Promise<E.Either<EsdbFailure, readonly EsdbRecordedEvent[]>>;
  /** Subscribes to `$all` from a position, exclusive. */
  readonly subscribeToAll: (request: EsdbAllSubscriptionRequest) => EsdbSubscription;
  /** Writes a stream's metadata. */
  readonly setStreamMetadata: (stream: string, metadata: EsdbStreamMetadata) => Promise<E.Either<EsdbFailure, void>>;
  /** Ends every call and releases the connection. */
  readonly dispose: () => Promise<void>;
}
