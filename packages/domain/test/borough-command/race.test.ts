import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createBoroughCommand } from '../../src/borough-command/borough-command-service.js';
import { createInMemoryStore } from '../../src/eventsourcing/in-memory-store.js';
import { domainEventRegistry, type DomainEvent } from '../../src/borough-command/domain-events.js';
import { isoDate } from '../../src/shared/iso-date.js';
import { openJournalStore } from '../../src/eventsourcing/journal/journal-store.js';
import { postingStream, restructureStream } from '../../src/shared/streams.js';
import type { DomainCommand } from '../../src/borough-command/domain-commands.js';
import type { EventStore } from '../../src/eventsourcing/event-store.js';
import { dana, eli } from './story.js';

/**
 * A store whose stream reads wait until `readers` reads have started, so that concurrent
 * commands all decide on the same revision and race for the same append.
 */
const withReadBarrier = (store: EventStore<DomainEvent>, readers: number): EventStore<DomainEvent> => {
  let waiting: (() => void)[] = [];
  let arrived = 0;
  return {
    ...store,
    readStream: (stream, options) => async () => {
      if (arrived < readers) {
        arrived += 1;
        await new Promise<void>((release) => {
          waiting.push(release);
          if (arrived === readers) {
            for (const go of waiting) go();
            waiting = [];
          }
        });
      }
      return store.readStream(stream, options)();
    },
  };
};

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

const stores: readonly { readonly name: string; readonly open: () => Promise<EventStore<DomainEvent>> }[] = [
  { name: 'in-memory', open: () => Promise.resolve(createInMemoryStore(domainEventRegistry)) },
  {
    name: 'journal',
    open: async () => {
      const directory = mkdtempSync(join(tmpdir(), 'race-'));
      directories.push(directory);
      const opened = await openJournalStore(domainEventRegistry, { file: join(directory, 'journal.ndjson') })();
      if (E.isLeft(opened)) throw new Error(opened.left._tag);
      return opened.right;
    },
  },
];

const camden = { kind: 'borough', name: 'Camden' } as const;
const startCommand = (commandId: string, officer: typeof dana): DomainCommand => ({
  type: 'StartPosting', commandId, at: isoDate('2013-01-07'), unit: camden, postingId: commandId,
  role: 'borough-commander', officer, acting: false,
});

const proposal = (bcu: string, boroughs: string[]): DomainCommand => ({
  type: 'ProposeBcu', commandId: `propose ${bcu}`, at: isoDate('2018-02-12'), restructureId: 'met', programmeId: 'pathfinder', bcu, boroughs,
});

describe.each(stores)('races through the $name store', ({ open }) => {
  it('PO-1 two commanders racing for one borough: exactly one posting starts, the other is refused by PO-1', async () => {
    const store = await open();
    const service = createBoroughCommand({ store: withReadBarrier(store, 2) });
    const outcomes = await Promise.all([
      service.execute(startCommand('dana-camden', dana), { actor: 'desk a' })(),
      service.execute(startCommand('eli-camden', eli), { actor: 'desk b' })(),
    ]);
    expect(outcomes.filter(E.isRight)).toHaveLength(1);
    expect(outcomes.filter(E.isLeft).map((outcome) => outcome.left)).toMatchObject([
      { _tag: 'CommandRejected', rejection: { _tag: 'UnitAlreadyCommanded', rule: 'PO-1' } },
    ]);
    const read = await store.readStream(postingStream(camden))();
    expect(E.isRight(read) && read.right.map((recorded) => recorded.event.type)).toEqual(['PostingStarted']);
    await store.close();
  });

  it('RS-1 two BCUs racing for one borough: exactly one proposal stands, the other is refused by RS-1', async () => {
    const store = await open();
    const service = createBoroughCommand({ store });
    const started = await service.execute(
      { type: 'StartRestructureProgramme', commandId: 'programme', at: isoDate('2016-10-01'), restructureId: 'met', programmeId: 'pathfinder', stage: 'pathfinder', name: 'pathfinders' },
      { actor: 'test' },
    )();
    expect(E.isRight(started)).toBe(true);
    const racing = createBoroughCommand({ store: withReadBarrier(store, 2) });
    const outcomes = await Promise.all([
      racing.execute(proposal('Central North', ['Camden', 'Islington']), { actor: 'desk a' })(),
      racing.execute(proposal('North Central', ['Islington', 'Hackney']), { actor: 'desk b' })(),
    ]);
    expect(outcomes.filter(E.isRight)).toHaveLength(1);
    expect(outcomes.filter(E.isLeft).map((outcome) => outcome.left)).toMatchObject([
      { _tag: 'CommandRejected', rejection: { _tag: 'BoroughInAnotherBcu', rule: 'RS-1' } },
    ]);
    const read = await store.readStream(restructureStream('met'))();
    expect(E.isRight(read) && read.right.filter((recorded) => recorded.event.type === 'BcuProposed')).toHaveLength(1);
    await store.close();
  });
});

describe('concurrency properties', () => {
  it('PO-1 however many commanders race for one borough, at most one substantive posting is active', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 6 }), fc.boolean(), async (racers, barrier) => {
        const memory = createInMemoryStore(domainEventRegistry);
        const service = createBoroughCommand({ store: barrier ? withReadBarrier(memory, racers) : memory, maxRetries: racers });
        const officers = Array.from({ length: racers }, (_, index) => ({ id: `o-${String(index)}`, name: `Officer ${String(index)}`, rank: 'chief-superintendent' as const }));
        const outcomes = await Promise.all(officers.map((officer) => service.execute(startCommand(`start ${officer.id}`, officer), { actor: officer.id })()));
        const read = await memory.readStream(postingStream(camden))();
        const started = E.isRight(read) ? read.right.filter((recorded) => recorded.event.type === 'PostingStarted') : [];
        expect(started).toHaveLength(1);
        expect(outcomes.filter(E.isRight)).toHaveLength(1);
      }),
      { numRuns: 30 },
    );
  });

  it('RS-1 however many BCUs race for boroughs, no borough is in two proposed BCUs', async () => {
    const boroughs = ['Camden', 'Islington', 'Hackney', 'Haringey'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uniqueArray(fc.constantFrom(...boroughs), { minLength: 2, maxLength: 3 }), { minLength: 2, maxLength: 5 }),
        async (proposals) => {
          const memory = createInMemoryStore(domainEventRegistry);
          const service = createBoroughCommand({ store: memory, maxRetries: proposals.length });
          await service.execute(
            { type: 'StartRestructureProgramme', commandId: 'programme', at: isoDate('2016-10-01'), restructureId: 'met', programmeId: 'pathfinder', stage: 'pathfinder', name: 'pathfinders' },
            { actor: 'test' },
          )();
          await Promise.all(proposals.map((members, index) => service.execute(proposal(`BCU ${String(index)}`, members), { actor: 'desk' })()));
          const read = await memory.readStream(restructureStream('met'))();
          const proposed = E.isRight(read) ? read.right.flatMap((recorded) => (recorded.event.type === 'BcuProposed' ? recorded.event.data.boroughs : [])) : [];
          expect(new Set(proposed).size).toBe(proposed.length);
        },
      ),
      { numRuns: 30 },
    );
  });
});
