import type { RecordedEvent } from '@borough-command/domain/eventsourcing';
import { numberedItems, type ConformanceEvent } from '../conformance-events.js';
import { conformanceCase } from '../define-case.js';
import { ensure, ensureEqual } from '../expectations.js';
import { appendOk, ensureStrictlyIncreasingPositions, idsOf, readAllOk, readStreamOk } from '../reading.js';
import { showEvents } from '../show.js';
import type { ConformanceCase } from '../subject.js';

const GROUP = 'ordering';

/** Ordering of events within a stream and across the global log. */
export const orderingCases: readonly ConformanceCase[] = [
  conformanceCase(GROUP, 'reads a stream back in append order, revisions 0, 1, 2, ...', async ({ store, stream, command }) => {
    const guarantee = 'a stream reads back in the order its events were appended';
    const name = stream('ordered');
    const batches = [numberedItems('a', 0, 1), numberedItems('a', 1, 3), numberedItems('a', 4, 2)];
    const written = [];
    let expected: 'no_stream' | bigint = 'no_stream';
    for (const batch of batches) {
      const events = command(batch);
      written.push(...events);
      expected = (await appendOk(store, name, events, expected, guarantee)).nextExpectedRevision;
    }
    const read = await readStreamOk(store, name, undefined, guarantee);
    ensureEqual(idsOf(read), idsOf(written), `${guarantee} (event ids in order)`);
    ensureEqual(
      read.map((e) => e.revision),
      written.map((_, i) => BigInt(i)),
      `${guarantee} (revisions 0..n-1)`,
    );
    ensureEqual(
      read.map((e) => e.event),
      written.map((e) => e.event),
      `${guarantee} (event data in order)`,
    );
    ensure(read.every((e) => e.stream === name), guarantee, () => `events carry another stream name: ${showEvents(read)}`);
    ensureStrictlyIncreasingPositions(read, `${guarantee} (positions grow with revisions)`);
  }),

  conformanceCase(GROUP, 'keeps the global log in append order across streams', async ({ store, stream, command, prefix }) => {
    const guarantee = 'the global log holds events in the order they were appended, across streams';
    const plan: readonly (readonly [string, readonly ConformanceEvent[]])[] = [
      ['a', numberedItems('a', 0, 2)],
      ['b', numberedItems('b', 0, 1)],
      ['a', numberedItems('a', 2, 1)],
      ['c', numberedItems('c', 0, 3)],
      ['b', numberedItems('b', 1, 2)],
      ['a', numberedItems('a', 3, 1)],
    ];
    const appended: { readonly stream: string; readonly eventId: string }[] = [];
    const lastPositions: bigint[] = [];
    for (const [key, batch] of plan) {
      const name = stream(key);
      const events = command(batch);
      const result = await appendOk(store, name, events, 'any', guarantee);
      lastPositions.push(result.position);
      appended.push(...events.map((e) => ({ stream: name, eventId: e.metadata.eventId })));
    }
    const all = await readAllOk(store, { streamPrefixes: [prefix] }, guarantee);
    ensureEqual(
      all.map((e) => ({ stream: e.stream, eventId: e.metadata.eventId })),
      appended,
      `${guarantee} (readAll filtered on this test's prefix)`,
    );
    ensureStrictlyIncreasingPositions(all, `${guarantee} (positions strictly increase along the log)`);
    // Each append's reported position is the position of its last event in the log.
    let end = 0;
    plan.forEach(([, batch], i) => {
      end += batch.length;
      const last = all[end - 1] as RecordedEvent<ConformanceEvent> | undefined;
      ensure(
        last?.position === lastPositions[i],
        'an append reports the global position of its last event',
        () => `append ${String(i)} reported position ${String(lastPositions[i])} but its last event reads back at ${String(last?.position)}`,
      );
    });
    for (const key of ['a', 'b', 'c']) {
      const inStream = await readStreamOk(store, stream(key), undefined, guarantee);
      ensureEqual(
        inStream.map((e) => [e.metadata.eventId, e.revision, e.position]),
        all.filter((e) => e.stream === stream(key)).map((e) => [e.metadata.eventId, e.revision, e.position]),
        'readStream and readAll agree on every event\'s id, revision and position',
      );
    }
  }),

  conformanceCase(GROUP, 'gives every append a strictly greater global position than the one before', async ({ store, stream, command, prefix }) => {
    const guarantee = 'global positions are strictly increasing in append order';
    let previous: bigint | undefined;
    for (let i = 0; i < 24; i++) {
      const name = stream(`s${String(i % 4)}`);
      const result = await appendOk(store, name, command(numberedItems(`p${String(i)}`, 0, 1 + (i % 3))), 'any', guarantee);
      const before = previous;
      ensure(
        before === undefined || result.position > before,
        guarantee,
        () => `append ${String(i)} to ${name} reported position ${String(result.position)}, not after the previous append's ${String(before)}`,
      );
      previous = result.position;
    }
    ensureStrictlyIncreasingPositions(await readAllOk(store, { streamPrefixes: [prefix] }, guarantee), guarantee);
  }),
];
