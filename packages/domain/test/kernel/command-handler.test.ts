import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { describe, expect, it } from 'vitest';
import { createCommandHandler, type CommandContext, type CommandHandlerOptions } from '../../src/eventsourcing/command-handler.js';
import { deriveEventId } from '../../src/eventsourcing/event-id.js';
import type { EventStore } from '../../src/eventsourcing/event-store.js';
import type { RecordedEvent } from '../../src/eventsourcing/envelope.js';
import type { StoreError } from '../../src/eventsourcing/errors.js';
import {
  add,
  close,
  newTallyStore,
  open,
  streamOfTally,
  tallyDecider,
  type TallyCommand,
  type TallyEvent,
  type TallyRejection,
  type TallyState,
} from './tally-decider.js';

type Options = CommandHandlerOptions<TallyCommand, TallyState, TallyEvent, TallyRejection>;

const NOON = new Date('2024-05-01T12:00:00.000Z');
const fixedClock = (): Date => NOON;

/** A clock that moves one second forward at every call. */
const tickingClock = (): (() => Date) => {
  let ticks = 0;
  return () => new Date(NOON.getTime() + 1000 * ticks++);
};

const clerk: CommandContext = { actor: 'clerk-9' };

const handlerOver = (store: EventStore<TallyEvent>, options: Partial<Options> = {}) =>
  createCommandHandler({ store, decider: tallyDecider, streamOf: streamOfTally, clock: fixedClock, ...options });

const readAll = async (store: EventStore<TallyEvent>, stream: string): Promise<readonly RecordedEvent<TallyEvent>[]> => {
  const read = await store.readStream(stream)();
  if (E.isLeft(read)) throw new Error(`reading ${stream} failed: ${read.left._tag}`);
  return read.right;
};

const rightOf = <L, R>(result: E.Either<L, R>): R => {
  if (E.isLeft(result)) throw new Error(`expected a success, got ${JSON.stringify(result.left)}`);
  return result.right;
};

interface Counted {
  readonly store: EventStore<TallyEvent>;
  readonly reads: () => number;
  readonly appends: () => number;
}

/** Wraps a store, counting reads and appends; `beforeAppend` runs before each append reaches the store. */
const counting = (inner: EventStore<TallyEvent>, beforeAppend?: (attempt: number) => Promise<void>): Counted => {
  let reads = 0;
  let appends = 0;
  const store: EventStore<TallyEvent> = {
    ...inner,
    readStream: (stream, options) => () => {
      reads++;
      return inner.readStream(stream, options)();
    },
    appendToStream: (stream, events, expected) => async () => {
      appends++;
      if (beforeAppend !== undefined) await beforeAppend(appends);
      return inner.appendToStream(stream, events, expected)();
    },
  };
  return { store, reads: () => reads, appends: () => appends };
};

describe('createCommandHandler: deciding and appending', () => {
  it('appends the decided events with metadata derived from the command, the context and the clock', async () => {
    const store = newTallyStore();
    const result = rightOf(await handlerOver(store)(open('cmd-1', 'a', 5), clerk)());

    const metadataOf = (index: number) => ({
      eventId: deriveEventId('cmd-1', index),
      commandId: 'cmd-1',
      correlationId: 'cmd-1',
      causationId: 'cmd-1',
      actor: 'clerk-9',
      recordedAt: '2024-05-01T12:00:00.000Z',
    });
    expect(result).toEqual({
      stream: 'tally-a',
      events: [
        { event: { type: 'Opened', data: { owner: 'ann' } }, metadata: metadataOf(0) },
        { event: { type: 'Added', data: { amount: 5, line: 1 } }, metadata: metadataOf(1) },
      ],
      state: { status: 'open', owner: 'ann', total: 5, lines: 1 },
      alreadyApplied: false,
      revision: 1n,
    });

    const stored = await readAll(store, 'tally-a');
    expect(stored.map((r) => [r.revision, r.event, r.metadata])).toEqual([
      [0n, { type: 'Opened', data: { owner: 'ann' } }, { ...metadataOf(0), schemaVersion: 1 }],
      [1n, { type: 'Added', data: { amount: 5, line: 1 } }, { ...metadataOf(1), schemaVersion: 1 }],
    ]);
  });

  it('takes the correlation and causation ids from the context when it gives them', async () => {
    const store = newTallyStore();
    const context: CommandContext = { actor: 'scheduler', correlationId: 'flow-42', causationId: 'event-17' };
    const result = rightOf(await handlerOver(store)(open('cmd-2', 'b'), context)());
    expect(result.events.map((e) => e.metadata)).toEqual([
      {
        eventId: deriveEventId('cmd-2', 0),
        commandId: 'cmd-2',
        correlationId: 'flow-42',
        causationId: 'event-17',
        actor: 'scheduler',
        recordedAt: '2024-05-01T12:00:00.000Z',
      },
    ]);
    expect((await readAll(store, 'tally-b')).map((r) => [r.metadata.correlationId, r.metadata.causationId])).toEqual([
      ['flow-42', 'event-17'],
    ]);
  });

  it('decides against the state folded from the stream and appends after its last revision', async () => {
    const store = newTallyStore();
    const handle = handlerOver(store);
    rightOf(await handle(open('c-1', 'a', 2), clerk)());
    const result = rightOf(await handle(add('c-2', 'a', 3), clerk)());
    expect(result.events.map((e) => e.event)).toEqual([{ type: 'Added', data: { amount: 3, line: 2 } }]);
    expect(result.state).toEqual({ status: 'open', owner: 'ann', total: 5, lines: 2 });
    expect(result.revision).toBe(2n);
    expect((await readAll(store, 'tally-a')).map((r) => r.metadata.commandId)).toEqual(['c-1', 'c-1', 'c-2']);
  });
});

describe('createCommandHandler: commands that write nothing', () => {
  it('returns CommandRejected and leaves a stream that does not exist unwritten', async () => {
    const { store, appends } = counting(newTallyStore());
    const result = await handlerOver(store)(add('c-1', 'ghost', 3), clerk)();
    expect(result).toEqual(E.left({ _tag: 'CommandRejected', stream: 'tally-ghost', rejection: 'NotOpen' }));
    expect(appends()).toBe(0);
    expect(await store.readStream('tally-ghost')()).toEqual(E.left({ _tag: 'StreamNotFound', stream: 'tally-ghost' }));
  });

  it('returns CommandRejected and leaves an existing stream as it was', async () => {
    const { store, appends } = counting(newTallyStore());
    const handle = handlerOver(store);
    rightOf(await handle(open('c-1', 'a', 4), clerk)());
    const before = await readAll(store, 'tally-a');
    const appendsBefore = appends();

    const result = await handle(open('c-2', 'a'), clerk)();
    expect(result).toEqual(E.left({ _tag: 'CommandRejected', stream: 'tally-a', rejection: 'AlreadyOpen' }));
    expect(appends()).toBe(appendsBefore);
    expect(await readAll(store, 'tally-a')).toEqual(before);
  });

  it('appends nothing when the decider returns no events, and reports the unchanged state and revision', async () => {
    const { store, appends } = counting(newTallyStore());
    const handle = handlerOver(store);
    rightOf(await handle(open('c-1', 'a', 4), clerk)());
    const before = await readAll(store, 'tally-a');
    const appendsBefore = appends();

    const result = rightOf(await handle(add('c-2', 'a', 0), clerk)());
    expect(result).toEqual({
      stream: 'tally-a',
      events: [],
      state: { status: 'open', owner: 'ann', total: 4, lines: 1 },
      alreadyApplied: false,
      revision: 1n,
    });
    expect(appends()).toBe(appendsBefore);
    expect(await readAll(store, 'tally-a')).toEqual(before);
  });

  it('reports no_stream when a decider returns no events for a stream never written', async () => {
    const noop = { ...tallyDecider, decide: () => E.right([] as readonly TallyEvent[]) };
    const store = newTallyStore();
    const handle = createCommandHandler({ store, decider: noop, streamOf: streamOfTally, clock: fixedClock });
    const result = rightOf(await handle(open('c-1', 'quiet'), clerk)());
    expect(result.revision).toBe('no_stream');
    expect(result.events).toEqual([]);
    expect(result.state).toEqual(tallyDecider.initialState);
    expect(await store.readStream('tally-quiet')()).toEqual(E.left({ _tag: 'StreamNotFound', stream: 'tally-quiet' }));
  });
});

describe('createCommandHandler: idempotence', () => {
  it('answers a command id sent twice with alreadyApplied and what was written the first time, writing nothing new', async () => {
    let decisions = 0;
    const decider = {
      ...tallyDecider,
      decide: (command: TallyCommand, state: TallyState) => {
        decisions++;
        return tallyDecider.decide(command, state);
      },
    };
    const { store, appends } = counting(newTallyStore());
    const handle = createCommandHandler({ store, decider, streamOf: streamOfTally, clock: tickingClock() });

    rightOf(await handle(open('c-1', 'a'), clerk)());
    const first = rightOf(await handle(add('c-2', 'a', 5), clerk)());
    const stored = await readAll(store, 'tally-a');
    const second = rightOf(await handle(add('c-2', 'a', 5), clerk)());

    expect(second.alreadyApplied).toBe(true);
    expect(second.events.map((e) => [e.event, e.metadata.eventId, e.metadata.recordedAt])).toEqual(
      first.events.map((e) => [e.event, e.metadata.eventId, e.metadata.recordedAt]),
    );
    expect(second.state).toEqual(first.state);
    expect(second.revision).toBe(first.revision);
    expect(second.events).toHaveLength(1);
    expect(decisions).toBe(2);
    expect(appends()).toBe(2);
    expect(await readAll(store, 'tally-a')).toEqual(stored);
  });

  it('recognises a command id applied before later commands and reports the current state', async () => {
    const store = newTallyStore();
    const handle = handlerOver(store);
    rightOf(await handle(open('c-1', 'a', 5), clerk)());
    rightOf(await handle(add('c-2', 'a', 1), clerk)());
    const again = rightOf(await handle(open('c-1', 'a', 5), clerk)());
    expect(again.alreadyApplied).toBe(true);
    expect(again.events.map((e) => e.metadata.eventId)).toEqual([deriveEventId('c-1', 0), deriveEventId('c-1', 1)]);
    expect(again.state).toEqual({ status: 'open', owner: 'ann', total: 6, lines: 2 });
    expect(again.revision).toBe(2n);
    expect(await readAll(store, 'tally-a')).toHaveLength(3);
  });
});

/** Holds the first `count` reads until all of them have been made, so their commands decide on the same state. */
const releasingFirstReadsTogether = (inner: EventStore<TallyEvent>, count = 2): EventStore<TallyEvent> => {
  const held: (() => void)[] = [];
  let gated = count;
  return {
    ...inner,
    readStream: (stream, options) => async () => {
      const read = await inner.readStream(stream, options)();
      if (gated > 0) {
        gated--;
        await new Promise<void>((resolve) => {
          held.push(resolve);
          if (gated === 0) for (const release of held) release();
        });
      }
      return read;
    },
  };
};

describe('createCommandHandler: concurrent writes', () => {
  it('reloads after a conflicting append, decides again against the new state and succeeds', async () => {
    const inner = newTallyStore();
    const other = handlerOver(inner);
    rightOf(await other(open('c-open', 'a'), clerk)());
    // Just before the first append reaches the store, another writer appends to the same stream.
    const { store, appends, reads } = counting(inner, async (attempt) => {
      if (attempt === 1) rightOf(await other(add('c-other', 'a', 5), { actor: 'someone-else' })());
    });

    const result = rightOf(await handlerOver(store)(add('c-mine', 'a', 3), clerk)());

    expect(appends()).toBe(2);
    expect(reads()).toBe(2);
    // Line 2, not line 1: the decision was taken again after the other writer's entry.
    expect(result.events.map((e) => e.event)).toEqual([{ type: 'Added', data: { amount: 3, line: 2 } }]);
    expect(result.state).toEqual({ status: 'open', owner: 'ann', total: 8, lines: 2 });
    expect(result.revision).toBe(2n);
    expect((await readAll(inner, 'tally-a')).map((r) => [r.metadata.commandId, r.event])).toEqual([
      ['c-open', { type: 'Opened', data: { owner: 'ann' } }],
      ['c-other', { type: 'Added', data: { amount: 5, line: 1 } }],
      ['c-mine', { type: 'Added', data: { amount: 3, line: 2 } }],
    ]);
  });

  it.each([
    { maxRetries: 0, attempts: 1 },
    { maxRetries: 2, attempts: 3 },
    { maxRetries: undefined, attempts: 4 },
  ])('gives up with TooManyConflicts after $attempts attempts when maxRetries is $maxRetries and every append conflicts', async ({ maxRetries, attempts }) => {
    const inner = newTallyStore();
    const other = handlerOver(inner);
    rightOf(await other(open('c-open', 'a'), clerk)());
    const { store, appends } = counting(inner, async (attempt) => {
      rightOf(await other(add(`c-other-${String(attempt)}`, 'a', 1), { actor: 'someone-else' })());
    });
    const handle = handlerOver(store, maxRetries === undefined ? {} : { maxRetries });

    const result = await handle(add('c-mine', 'a', 3), clerk)();

    expect(result).toEqual(E.left({ _tag: 'TooManyConflicts', stream: 'tally-a', attempts }));
    expect(appends()).toBe(attempts);
    const commandIds = (await readAll(inner, 'tally-a')).map((r) => r.metadata.commandId);
    expect(commandIds).not.toContain('c-mine');
    expect(commandIds).toHaveLength(1 + attempts);
  });

  it.each([-1, 1.5, Number.NaN])('refuses maxRetries %s when the handler is built', (maxRetries) => {
    expect(() => handlerOver(newTallyStore(), { maxRetries })).toThrow(/maxRetries must be a whole number/);
  });

  it('lets exactly one of two racing commands open a tally; the other is rejected after a retry', async () => {
    const inner = newTallyStore();
    const counted = counting(inner);
    const handle = handlerOver(releasingFirstReadsTogether(counted.store));

    const results = await Promise.all([
      handle(open('c-ann', 'race', 0, 'ann'), clerk)(),
      handle(open('c-bo', 'race', 0, 'bo'), clerk)(),
    ]);

    const winners = results.filter(E.isRight);
    const losers = results.filter(E.isLeft);
    expect(winners).toHaveLength(1);
    expect(losers.map((l) => l.left)).toEqual([{ _tag: 'CommandRejected', stream: 'tally-race', rejection: 'AlreadyOpen' }]);
    // Two first reads, one reload by the loser; the loser's first append conflicted.
    expect(counted.reads()).toBe(3);
    expect(counted.appends()).toBe(2);
    const stored = await readAll(inner, 'tally-race');
    expect(stored).toHaveLength(1);
    expect(stored[0]?.metadata.commandId).toBe(winners[0]?.right.events[0]?.metadata.commandId);
  });

  it('writes the same command sent twice at once only once, and the second answer says it was already applied', async () => {
    const inner = newTallyStore();
    const handle = handlerOver(releasingFirstReadsTogether(inner));

    const results = (await Promise.all([handle(open('c-1', 'a', 5), clerk)(), handle(open('c-1', 'a', 5), clerk)()])).map(rightOf);

    expect(results.map((r) => r.alreadyApplied).sort()).toEqual([false, true]);
    for (const result of results) {
      expect(result.revision).toBe(1n);
      expect(result.state).toEqual({ status: 'open', owner: 'ann', total: 5, lines: 1 });
    }
    expect((await readAll(inner, 'tally-a')).map((r) => r.metadata.eventId)).toEqual([deriveEventId('c-1', 0), deriveEventId('c-1', 1)]);
  });
});

describe('createCommandHandler: store errors', () => {
  const unavailable: StoreError = { _tag: 'StoreUnavailable', retryable: true, operation: 'read', reason: 'connection refused' };

  it('returns a read error other than StreamNotFound as it is, without deciding or appending', async () => {
    const { store: counted, appends } = counting(newTallyStore());
    const store: EventStore<TallyEvent> = { ...counted, readStream: () => TE.left(unavailable) };
    const result = await handlerOver(store)(open('c-1', 'a'), clerk)();
    expect(result).toEqual(E.left(unavailable));
    expect(appends()).toBe(0);
  });

  it('returns an append error other than a conflict as it is, without retrying', async () => {
    const inner = newTallyStore();
    let appends = 0;
    const failure: StoreError = { ...unavailable, operation: "append to stream 'tally-a'" };
    const store: EventStore<TallyEvent> = {
      ...inner,
      appendToStream: () => {
        appends++;
        return TE.left(failure);
      },
    };
    const result = await handlerOver(store)(open('c-1', 'a'), clerk)();
    expect(result).toEqual(E.left(failure));
    expect(appends).toBe(1);
    expect(await inner.readStream('tally-a')()).toEqual(E.left({ _tag: 'StreamNotFound', stream: 'tally-a' }));
  });

  it('returns StoreClosed from a closed store', async () => {
    const store = newTallyStore();
    await store.close();
    const result = await handlerOver(store)(close('c-1', 'a'), clerk)();
    expect(E.isLeft(result) && result.left._tag).toBe('StoreClosed');
  });
});

describe('createCommandHandler: the state kept between commands', () => {
  it('decides a command on a stream it wrote last on the state it kept: one append, no read', async () => {
    const { store, reads, appends } = counting(newTallyStore());
    const handle = handlerOver(store);
    rightOf(await handle(open('k-open', 'a'), clerk)());
    const readsAfterOpen = reads();

    const first = rightOf(await handle(add('k-1', 'a', 3), clerk)());
    const second = rightOf(await handle(add('k-2', 'a', 4), clerk)());

    expect(reads()).toBe(readsAfterOpen);
    expect(appends()).toBe(3);
    expect(first.revision).toBe(1n);
    expect(second.events.map((e) => e.event)).toEqual([{ type: 'Added', data: { amount: 4, line: 2 } }]);
    expect(second.state).toEqual({ status: 'open', owner: 'ann', total: 7, lines: 2 });
    expect((await readAll(store, 'tally-a')).map((r) => r.metadata.commandId)).toEqual(['k-open', 'k-1', 'k-2']);
  });

  it('reads and decides again when another writer moved the stream on, even with no retries left: the store refused the append at the kept revision', async () => {
    const inner = newTallyStore();
    const { store, reads, appends } = counting(inner);
    const handle = handlerOver(store, { maxRetries: 0 });
    rightOf(await handle(open('k-open', 'a'), clerk)());
    rightOf(await handlerOver(inner)(add('k-other', 'a', 5), { actor: 'someone-else' })());
    const readsBefore = reads();

    const result = rightOf(await handle(add('k-mine', 'a', 3), clerk)());

    expect(reads()).toBe(readsBefore + 1);
    expect(appends()).toBe(3);
    // Line 2: decided again after the other writer's entry, which the kept state did not hold.
    expect(result.events.map((e) => e.event)).toEqual([{ type: 'Added', data: { amount: 3, line: 2 } }]);
    expect((await readAll(inner, 'tally-a')).map((r) => r.metadata.commandId)).toEqual(['k-open', 'k-other', 'k-mine']);
  });

  it('never rejects on the kept state alone: another writer closed the tally, and the rejection comes from the stream as it is', async () => {
    const inner = newTallyStore();
    const { store, reads } = counting(inner);
    const handle = handlerOver(store);
    rightOf(await handle(open('k-open', 'a'), clerk)());
    const readsBefore = reads();
    // The kept state says open, so `Open` is rejected on it: the handler reads before answering.
    expect(await handle(open('k-open-again', 'a'), clerk)()).toEqual(E.left({ _tag: 'CommandRejected', stream: 'tally-a', rejection: 'AlreadyOpen' }));
    expect(reads()).toBe(readsBefore + 1);

    rightOf(await handlerOver(inner)(close('k-close', 'a'), { actor: 'someone-else' })());
    expect(await handle(add('k-late', 'a', 2), clerk)()).toEqual(E.left({ _tag: 'CommandRejected', stream: 'tally-a', rejection: 'Closed' }));
    expect((await readAll(inner, 'tally-a')).map((r) => r.metadata.commandId)).toEqual(['k-open', 'k-close']);
  });

  it('a command it wrote before is answered from the stream, not decided again on the kept state', async () => {
    const { store, appends } = counting(newTallyStore());
    const handle = handlerOver(store);
    rightOf(await handle(open('k-open', 'a'), clerk)());
    const first = rightOf(await handle(add('k-1', 'a', 3), clerk)());
    const again = rightOf(await handle(add('k-1', 'a', 3), clerk)());
    expect(again.alreadyApplied).toBe(true);
    expect(again.events.map((e) => [e.metadata.eventId, e.event])).toEqual(first.events.map((e) => [e.metadata.eventId, e.event]));
    expect(appends()).toBe(2);
  });
});
