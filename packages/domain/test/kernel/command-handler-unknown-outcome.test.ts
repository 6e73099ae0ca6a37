/**
 * The command handler settles an append of unknown outcome before it answers: it reads the stream
 * back and looks for the command's event ids. Stores that lose the answer to an append (having
 * written it, or not) stand for a node paused past the append's deadline.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { describe, expect, it } from 'vitest';
import { createCommandHandler } from '../../src/eventsourcing/command-handler.js';
import { deriveEventId } from '../../src/eventsourcing/event-id.js';
import { describeStoreError, type AppendOutcomeUnknown, type StoreError } from '../../src/eventsourcing/errors.js';
import type { EventStore } from '../../src/eventsourcing/event-store.js';
import { add, newTallyStore, open, streamOfTally, tallyDecider, type TallyEvent } from './tally-decider.js';

const clerk = { actor: 'clerk-9' };
const handlerOver = (store: EventStore<TallyEvent>, maxRetries = 3) =>
  createCommandHandler({ store, decider: tallyDecider, streamOf: streamOfTally, clock: () => new Date('2024-05-01T12:00:00.000Z'), maxRetries });

const lostAnswer = (stream: string, events: readonly { readonly metadata: { readonly eventId: string } }[], expected: AppendOutcomeUnknown['expected']): AppendOutcomeUnknown => ({
  _tag: 'AppendOutcomeUnknown',
  stream,
  expected,
  eventIds: events.map((event) => event.metadata.eventId),
  reason: 'deadline exceeded',
});

/**
 * A store whose appends numbered in `lost` lose their answer: with `writes`, after the events were
 * written; without, before. Reads fail with `readFailure` once an answer was lost, when given.
 */
const losingAnswers = (inner: EventStore<TallyEvent>, options: { readonly lost: readonly number[]; readonly writes: boolean; readonly readFailure?: StoreError }) => {
  let appends = 0;
  let lostOne = false;
  const store: EventStore<TallyEvent> = {
    ...inner,
    readStream: (stream, readOptions) =>
      lostOne && options.readFailure !== undefined ? TE.left(options.readFailure) : inner.readStream(stream, readOptions),
    appendToStream: (stream, events, expected) => async () => {
      appends += 1;
      if (!options.lost.includes(appends)) return inner.appendToStream(stream, events, expected)();
      if (options.writes) {
        const written = await inner.appendToStream(stream, events, expected)();
        if (E.isLeft(written)) return written;
      }
      lostOne = true;
      return E.left(lostAnswer(stream, events, expected));
    },
  };
  return { store, appends: () => appends };
};

const eventIdsIn = async (store: EventStore<TallyEvent>, stream: string): Promise<readonly string[]> => {
  const read = await store.readStream(stream)();
  if (E.isLeft(read)) return read.left._tag === 'StreamNotFound' ? [] : [`unreadable: ${read.left._tag}`];
  return read.right.map((recorded) => recorded.metadata.eventId);
};

const unavailable: StoreError = { _tag: 'StoreUnavailable', retryable: true, operation: "read stream 'tally-a'", reason: 'deadline exceeded' };

describe('createCommandHandler: an append of unknown outcome', () => {
  it('that was written answers success, as an append that was answered would, after reading its events back; nothing is appended again', async () => {
    const inner = newTallyStore();
    await handlerOver(inner)(open('c-open', 'a', 5), clerk)();
    const { store, appends } = losingAnswers(inner, { lost: [1], writes: true });

    const result = await handlerOver(store)(add('c-add', 'a', 7), clerk)();

    expect(E.isRight(result) && { alreadyApplied: result.right.alreadyApplied, revision: result.right.revision, state: result.right.state }).toEqual({
      alreadyApplied: false,
      revision: 2n,
      state: { status: 'open', owner: 'ann', total: 12, lines: 2 },
    });
    expect(E.isRight(result) && result.right.events.map((event) => event.metadata.eventId)).toEqual([deriveEventId('c-add', 0)]);
    expect(appends()).toBe(1);
    expect(await eventIdsIn(inner, 'tally-a')).toEqual([deriveEventId('c-open', 0), deriveEventId('c-open', 1), deriveEventId('c-add', 0)]);
  });

  it('that was not written is appended once more at the same revision and answers success; the stream holds one copy', async () => {
    const inner = newTallyStore();
    const { store, appends } = losingAnswers(inner, { lost: [1], writes: false });

    const result = await handlerOver(store)(open('c-open', 'a', 5), clerk)();

    expect(E.isRight(result) && [result.right.alreadyApplied, result.right.revision]).toEqual([false, 1n]);
    expect(appends()).toBe(2);
    expect(await eventIdsIn(inner, 'tally-a')).toEqual([deriveEventId('c-open', 0), deriveEventId('c-open', 1)]);
  });

  it('that stays unwritten after the one more append answers AppendOutcomeUnknown, saying to run the same command again; nothing was counted as written', async () => {
    const inner = newTallyStore();
    const { store, appends } = losingAnswers(inner, { lost: [1, 2], writes: false });

    const result = await handlerOver(store)(open('c-open', 'a', 5), clerk)();

    expect(result).toMatchObject(E.left({ _tag: 'AppendOutcomeUnknown', stream: 'tally-a', expected: 'no_stream', eventIds: [deriveEventId('c-open', 0), deriveEventId('c-open', 1)] }));
    expect(appends()).toBe(2);
    if (E.isLeft(result) && result.left._tag === 'AppendOutcomeUnknown') expect(describeStoreError(result.left)).toMatch(/run the same command again/);
    expect(await eventIdsIn(inner, 'tally-a')).toEqual([]);
  });

  it('does not append a second time when it may not retry (maxRetries 0): the unknown outcome is the answer', async () => {
    const inner = newTallyStore();
    const { store, appends } = losingAnswers(inner, { lost: [1], writes: false });
    const result = await handlerOver(store, 0)(open('c-open', 'a', 5), clerk)();
    expect(E.isLeft(result) && result.left._tag).toBe('AppendOutcomeUnknown');
    expect(appends()).toBe(1);
  });

  it('whose stream cannot be read back answers AppendOutcomeUnknown naming why; running the same command again finds it applied and writes no second copy', async () => {
    const inner = newTallyStore();
    const { store, appends } = losingAnswers(inner, { lost: [1], writes: true, readFailure: unavailable });

    const result = await handlerOver(store)(open('c-open', 'a', 5), clerk)();

    expect(result).toMatchObject(E.left({ _tag: 'AppendOutcomeUnknown', stream: 'tally-a', eventIds: [deriveEventId('c-open', 0), deriveEventId('c-open', 1)] }));
    expect(E.isLeft(result) && 'reason' in result.left ? result.left.reason : '').toMatch(/reading the stream back failed: read stream 'tally-a' failed: the store is unavailable/);
    expect(appends()).toBe(1);
    // The events are in the store although the command was not answered with success.
    expect(await eventIdsIn(inner, 'tally-a')).toEqual([deriveEventId('c-open', 0), deriveEventId('c-open', 1)]);

    const again = await handlerOver(inner)(open('c-open', 'a', 5), clerk)();
    expect(E.isRight(again) && again.right.alreadyApplied).toBe(true);
    expect(await eventIdsIn(inner, 'tally-a')).toEqual([deriveEventId('c-open', 0), deriveEventId('c-open', 1)]);
  });

  it('written by the time the handler loads the stream again (the store committed it late) answers already applied, one copy', async () => {
    const inner = newTallyStore();
    let appends = 0;
    let late: (() => Promise<unknown>) | undefined;
    const store: EventStore<TallyEvent> = {
      ...inner,
      // The first append is not written and its answer is lost; it lands just before the next read.
      readStream: (stream, readOptions) => async () => {
        const landing = late;
        late = undefined;
        if (landing !== undefined && appends === 1) {
          const read = await inner.readStream(stream, readOptions)();
          await landing();
          return read;
        }
        return inner.readStream(stream, readOptions)();
      },
      appendToStream: (stream, events, expected) => async () => {
        appends += 1;
        if (appends > 1) return inner.appendToStream(stream, events, expected)();
        late = () => inner.appendToStream(stream, events, expected)();
        return E.left(lostAnswer(stream, events, expected));
      },
    };

    const result = await handlerOver(store)(open('c-open', 'a', 5), clerk)();

    expect(E.isRight(result) && result.right.alreadyApplied).toBe(true);
    expect(await eventIdsIn(inner, 'tally-a')).toEqual([deriveEventId('c-open', 0), deriveEventId('c-open', 1)]);
  });
});
