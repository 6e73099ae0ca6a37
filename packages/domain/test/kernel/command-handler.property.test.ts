import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCommandHandler } from '../../src/eventsourcing/command-handler.js';
import { foldEvents } from '../../src/eventsourcing/decider.js';
import type { EventStore } from '../../src/eventsourcing/event-store.js';
import type { RecordedEvent } from '../../src/eventsourcing/envelope.js';
import { newTallyStore, streamOfTally, tallyDecider, type TallyCommand, type TallyEvent, type TallyState } from './tally-decider.js';

const tallies = ['a', 'b'] as const;

/** Command ids come from a small pool per tally, so the same id is sometimes sent again. */
const commandId = (tally: string): fc.Arbitrary<string> => fc.nat(6).map((n) => `${tally}-${String(n)}`);

const command: fc.Arbitrary<TallyCommand> = fc.constantFrom(...tallies).chain((tally) =>
  fc.oneof(
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('Open' as const), commandId: commandId(tally), tally: fc.constant(tally), owner: fc.constantFrom('ann', 'bo'), deposit: fc.integer({ min: -1, max: 3 }) }) },
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('Add' as const), commandId: commandId(tally), tally: fc.constant(tally), amount: fc.integer({ min: -1, max: 4 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('Close' as const), commandId: commandId(tally), tally: fc.constant(tally) }) },
  ),
);

const streamEvents = async (store: EventStore<TallyEvent>, stream: string): Promise<readonly RecordedEvent<TallyEvent>[]> => {
  const read = await store.readStream(stream)();
  if (E.isRight(read)) return read.right;
  if (read.left._tag === 'StreamNotFound') return [];
  throw new Error(`reading ${stream} failed: ${read.left._tag}`);
};

const fold = (events: readonly RecordedEvent<TallyEvent>[]): TallyState =>
  foldEvents(
    tallyDecider,
    events.map((r) => r.event),
  );

describe('command handler over the in-memory store (property)', () => {
  it('keeps the stored stream and the reported state in step, and rejected commands never change the stream', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: 40 }), async (commands) => {
        const store = newTallyStore();
        const handle = createCommandHandler({
          store,
          decider: tallyDecider,
          streamOf: streamOfTally,
          clock: () => new Date('2024-05-01T12:00:00.000Z'),
        });
        const lastReported = new Map<string, TallyState>();

        for (const next of commands) {
          const stream = streamOfTally(next);
          const before = await streamEvents(store, stream);
          const result = await handle(next, { actor: 'clerk' })();
          const after = await streamEvents(store, stream);

          if (before.some((r) => r.metadata.commandId === next.commandId)) {
            // A command id already in the stream is answered from the stream: nothing is decided or written.
            expect(E.isRight(result) && result.right.alreadyApplied).toBe(true);
            expect(after).toEqual(before);
          }

          if (E.isLeft(result)) {
            expect(result.left._tag).toBe('CommandRejected');
            expect(after).toEqual(before);
            continue;
          }
          const handled = result.right;
          expect(handled.state).toEqual(fold(after));
          expect(handled.revision).toEqual(after.length === 0 ? 'no_stream' : BigInt(after.length - 1));
          const written = after.slice(before.length);
          if (handled.alreadyApplied) {
            expect(written).toEqual([]);
            expect(before.some((r) => r.metadata.commandId === next.commandId)).toBe(true);
            expect(handled.events.every((e) => e.metadata.commandId === next.commandId)).toBe(true);
          } else {
            expect(written.map((r) => r.event)).toEqual(handled.events.map((e) => e.event));
            expect(written.map((r) => r.metadata.eventId)).toEqual(handled.events.map((e) => e.metadata.eventId));
            expect(written.every((r) => r.metadata.commandId === next.commandId)).toBe(true);
          }
          lastReported.set(stream, handled.state);
        }

        for (const tally of tallies) {
          const stream = `tally-${tally}`;
          const stored = await streamEvents(store, stream);
          expect(fold(stored)).toEqual(lastReported.get(stream) ?? tallyDecider.initialState);
        }
        await store.close();
      }),
    );
  });
});
