import * as E from 'fp-ts/lib/Either.js';
import type { EventShape } from './envelope.js';
import type { StoreError } from './errors.js';
import type { EventStore } from './event-store.js';
import type { ExpectedRevision } from './expected-revision.js';

/** What the stream holds of an append's events, read back after the revision the append expected. */
export type AppendSettlement =
  /** Every event is there; the last is at `revision`, `position` in the global log. */
  | { readonly _tag: 'Written'; readonly revision: bigint; readonly position: bigint }
  /** None is there (yet). */
  | { readonly _tag: 'Absent' }
  /** Only some are there: not an append of these events as one batch. */
  | { readonly _tag: 'Partial'; readonly found: number }
  /** The stream could not be read. */
  | { readonly _tag: 'Unreadable'; readonly error: StoreError };

/**
 * Tells whether an append's events are in its stream by reading the stream back after the revision
 * the append expected (from its start for `no_stream`, `any` and `stream_exists`) and looking for
 * their event ids. It relies on no server de-duplicating ids: it is how an append of unknown
 * outcome, or a batch that may have been copied before, is settled on any store.
 */
export const settleAppendByEventIds = async <Ev extends EventShape>(
  store: EventStore<Ev>,
  stream: string,
  expected: ExpectedRevision,
  eventIds: readonly string[],
): Promise<AppendSettlement> => {
  const read = await store.readStream(stream, typeof expected === 'bigint' ? { fromRevision: expected + 1n } : undefined)();
  if (E.isLeft(read)) return read.left._tag === 'StreamNotFound' ? { _tag: 'Absent' } : { _tag: 'Unreadable', error: read.left };
  const wanted = new Set(eventIds);
  const found = read.right.filter((recorded) => wanted.has(recorded.metadata.eventId));
  const last = found[found.length - 1];
  if (last === undefined) return { _tag: 'Absent' };
  if (found.length < wanted.size) return { _tag: 'Partial', found: found.length };
  return { _tag: 'Written', revision: last.revision, position: last.position };
};
