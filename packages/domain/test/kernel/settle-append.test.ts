/** `settleAppendByEventIds`: what a stream holds of an append's events, read back after the revision it expected. */
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { describe, expect, it } from 'vitest';
import { createCommandHandler } from '../../src/eventsourcing/command-handler.js';
import { deriveEventId } from '../../src/eventsourcing/event-id.js';
import { settleAppendByEventIds } from '../../src/eventsourcing/settle-append.js';
import type { EventStore } from '../../src/eventsourcing/event-store.js';
import type { StoreError } from '../../src/eventsourcing/errors.js';
import { add, newTallyStore, open, streamOfTally, tallyDecider, type TallyEvent } from './tally-decider.js';

const handle = (store: EventStore<TallyEvent>) => createCommandHandler({ store, decider: tallyDecider, streamOf: streamOfTally });
const clerk = { actor: 'clerk-9' };

/** A tally stream: c-open's two events at revisions 0 and 1, c-add's one at 2. */
const seeded = async (): Promise<EventStore<TallyEvent>> => {
  const store = newTallyStore();
  expect(E.isRight(await handle(store)(open('c-open', 'a', 5), clerk)())).toBe(true);
  expect(E.isRight(await handle(store)(add('c-add', 'a', 2), clerk)())).toBe(true);
  return store;
};

const openIds = [deriveEventId('c-open', 0), deriveEventId('c-open', 1)];

describe('settleAppendByEventIds', () => {
  it('finds every event of an append after the revision it expected: Written, at the revision and position of the last', async () => {
    const store = await seeded();
    const read = await store.readStream('tally-a')();
    const second = E.isRight(read) ? read.right[1] : undefined;
    expect(await settleAppendByEventIds(store, 'tally-a', 'no_stream', openIds)).toEqual({ _tag: 'Written', revision: 1n, position: second?.position });
    expect(await settleAppendByEventIds(store, 'tally-a', 1n, [deriveEventId('c-add', 0)])).toMatchObject({ _tag: 'Written', revision: 2n });
  });

  it('reads only after the expected revision: events before it do not count, and a missing stream is Absent', async () => {
    const store = await seeded();
    expect(await settleAppendByEventIds(store, 'tally-a', 1n, openIds)).toEqual({ _tag: 'Absent' });
    expect(await settleAppendByEventIds(store, 'tally-b', 'no_stream', openIds)).toEqual({ _tag: 'Absent' });
  });

  it('tells Partial when only some of the ids are there, and Unreadable with the error when the stream cannot be read', async () => {
    const store = await seeded();
    expect(await settleAppendByEventIds(store, 'tally-a', 'any', [...openIds, deriveEventId('c-other', 0)])).toEqual({ _tag: 'Partial', found: 2 });
    const failure: StoreError = { _tag: 'StoreUnavailable', retryable: true, operation: "read stream 'tally-a'", reason: 'deadline exceeded' };
    const unreadable: EventStore<TallyEvent> = { ...store, readStream: () => TE.left(failure) };
    expect(await settleAppendByEventIds(unreadable, 'tally-a', 'any', openIds)).toEqual({ _tag: 'Unreadable', error: failure });
  });
});
