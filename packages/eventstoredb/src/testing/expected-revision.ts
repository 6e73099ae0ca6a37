/**
 * EventStoreDB's expected-revision check, idempotence included: re-appending events whose ids
 * equal, one for one, the stream's events where the expected revision points succeeds and writes
 * nothing; for `any` the place is where the first id already is.
 */
import type { ExpectedRevision, RecordedEvent } from './log-types.js';

/** What the check needs to know of a stream. */
export interface StreamFacts {
  /** The stream's events, index = revision (a tombstone is not among them). */
  readonly events: readonly RecordedEvent[];
  /** Soft-deleted streams accept `no_stream` for their first write, and refuse `stream_exists`. */
  readonly softDeleted: boolean;
  /** A stream with metadata but no event counts as existing for `stream_exists`. */
  readonly hasMetadata: boolean;
  /** The revision of the event with this id in this stream, if any. */
  readonly revisionOf: (eventId: string) => bigint | undefined;
}

/** Whether to write, answer with earlier events, or refuse. */
export type ExpectedRevisionDecision =
  | { readonly kind: 'write' }
  | { readonly kind: 'idempotent'; readonly last: RecordedEvent }
  | { readonly kind: 'wrong_expected_version' }
  | { readonly kind: 'stream_deleted' };

const WRITE: ExpectedRevisionDecision = { kind: 'write' };
const WRONG: ExpectedRevisionDecision = { kind: 'wrong_expected_version' };

/** Idempotent when the ids equal the events from `start` on, one for one; otherwise a conflict. */
const matchFrom = (facts: StreamFacts, start: bigint, ids: readonly string[]): ExpectedRevisionDecision => {
  let last: RecordedEvent | undefined;
  for (const [offset, id] of ids.entries()) {
    const event = facts.events[Number(start) + offset];
    if (event?.id !== id) return WRONG;
    last = event;
  }
  return last === undefined ? WRONG : { kind: 'idempotent', last };
};

const checkAny = (facts: StreamFacts, ids: readonly string[]): ExpectedRevisionDecision => {
  const first = ids[0];
  if (first === undefined) return WRITE;
  const start = facts.revisionOf(first);
  return start === undefined ? WRITE : matchFrom(facts, start, ids);
};

/** `expected` is a revision, or -1 for no stream. */
const checkRevision = (facts: StreamFacts, expected: bigint, ids: readonly string[]): ExpectedRevisionDecision => {
  const current = BigInt(facts.events.length - 1);
  if (expected === current) return WRITE;
  if (expected > current) return WRONG;
  return matchFrom(facts, expected + 1n, ids);
};

/** Decides a write of events with `ids` (none for delete and tombstone) at `expected`. */
export const checkExpectedRevision = (
  facts: StreamFacts,
  expected: ExpectedRevision,
  ids: readonly string[],
): ExpectedRevisionDecision => {
  switch (expected.kind) {
    case 'any':
      return checkAny(facts, ids);
    case 'stream_exists':
      if (facts.softDeleted) return { kind: 'stream_deleted' };
      if (facts.events.length === 0 && !facts.hasMetadata) return WRONG;
      return checkAny(facts, ids);
    case 'no_stream':
      return facts.softDeleted ? WRITE : checkRevision(facts, -1n, ids);
    case 'revision':
      return checkRevision(facts, expected.revision, ids);
  }
};
