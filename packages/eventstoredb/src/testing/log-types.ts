/** The values the test server's event log holds and answers with, free of any wire type. */

/** EventStoreDB's revision of a tombstone (`long.MaxValue`): also the `$tb` a soft delete writes. */
export const DELETED_STREAM_REVISION = 2n ** 63n - 1n;

/** An event as a client proposes it: id, type, content type, data and custom metadata bytes. */
export interface ProposedEvent {
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
}

/** An event in the log: what was proposed plus stream, revision, position and creation time. */
export interface RecordedEvent extends ProposedEvent {
  readonly streamName: string;
  readonly revision: bigint;
  /** Commit and prepare position are equal for every event this server writes. */
  readonly position: bigint;
  /** .NET ticks (100 ns) since the Unix epoch, as EventStoreDB sends `created`. */
  readonly createdTicks: bigint;
}

/** The expected-revision kinds of EventStoreDB's append, delete and tombstone. */
export type ExpectedRevision =
  | { readonly kind: 'any' }
  | { readonly kind: 'no_stream' }
  | { readonly kind: 'stream_exists' }
  | { readonly kind: 'revision'; readonly revision: bigint };

/** What a write (append, delete, tombstone) came to. */
export type WriteOutcome =
  | { readonly kind: 'written'; readonly revision: bigint | undefined; readonly position: bigint | undefined }
  | {
      readonly kind: 'wrong_expected_version';
      readonly expected: ExpectedRevision;
      /** `undefined` when the stream has no event. */
      readonly current: bigint | undefined;
    }
  | { readonly kind: 'stream_deleted' };

/** Where a stream read starts: inclusive for reads, exclusive for subscriptions. */
export type StreamStart =
  | { readonly kind: 'start' }
  | { readonly kind: 'end' }
  | { readonly kind: 'revision'; readonly revision: bigint };

/** Where an `$all` read starts: inclusive forwards, exclusive backwards and for subscriptions. */
export type AllStart = { readonly kind: 'start' } | { readonly kind: 'end' } | { readonly kind: 'position'; readonly position: bigint };

/** The direction of a read. */
export type Direction = 'forwards' | 'backwards';

/** A stream as a read sees it. */
export type StreamView =
  | { readonly kind: 'found'; readonly events: readonly RecordedEvent[] }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'deleted' };
