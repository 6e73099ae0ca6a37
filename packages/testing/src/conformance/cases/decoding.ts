import type { EventMetadata, NewEvent, RecordedEvent } from '@borough-command/domain/eventsourcing';
import { conformanceRegistry, itemAdded, itemRemoved, noteAttached, type ConformanceEvent } from '../conformance-events.js';
import { conformanceCase } from '../define-case.js';
import { ensure, ensureEqual } from '../expectations.js';
import { appendOk, readAllOk, readStreamOk } from '../reading.js';
import { show } from '../show.js';
import type { ConformanceCase } from '../subject.js';
import { isCaughtUp, eventsOf, readSubscription } from '../subscription-reader.js';

const GROUP = 'decoding and metadata';

/** What a read event must look like: the written event, decoded, with full metadata and its place. */
const expectedRecord = (written: NewEvent<ConformanceEvent>, stream: string, revision: bigint) => ({
  event: written.event,
  metadata: { ...written.metadata, schemaVersion: conformanceRegistry.versionOf(written.event.type) } as EventMetadata,
  stream,
  revision,
});

/** Strips the position, which only the store knows. */
const placeless = (e: RecordedEvent<ConformanceEvent>) => ({ event: e.event, metadata: e.metadata, stream: e.stream, revision: e.revision });

/** Read events are decoded and carry full metadata, through every read path. */
export const decodingCases: readonly ConformanceCase[] = [
  conformanceCase(GROUP, 'read events are decoded, deep-equal what was written, and carry full metadata incl. schemaVersion', async (context) => {
    const guarantee = 'events read back are decoded, equal to what was written, with full metadata';
    const stream = context.stream('decoded');
    const written = context.command([
      itemAdded('sku-ünï-✓', 0),
      itemAdded('negative', -2.5),
      itemRemoved('gone', 'damaged in transit', new Date('2024-02-29T23:59:59.123Z')),
      noteAttached('a "quoted"\nline', ['x', '', 'z'], [{ sku: 'a', quantity: 1 }, { sku: 'b', quantity: 1e9 }]),
      noteAttached('', [], []),
    ]);
    await appendOk(context.store, stream, written, 'no_stream', guarantee);
    const expected = written.map((w, i) => expectedRecord(w, stream, BigInt(i)));
    const read = await readStreamOk(context.store, stream, undefined, guarantee);
    ensureEqual(read.map(placeless), expected, `${guarantee} (readStream)`);
    const removed = read[2]?.event;
    ensure(removed?.type === 'ItemRemoved' && removed.data.removedAt instanceof Date, `${guarantee}: data is decoded through its codec`, () => `removedAt (a Date stored as a string) read back as ${show(removed)}`);
    ensureEqual(read.map((e) => e.metadata.schemaVersion), [1, 1, 2, 1, 1], `${guarantee}: schemaVersion is the codec's current version (ItemRemoved is at 2)`);
    const all = await readAllOk(context.store, { streamPrefixes: [context.prefix] }, guarantee);
    ensureEqual(all, read, `${guarantee} (readAll gives the same records as readStream)`);
    const reader = readSubscription(context.store.subscribeToAll({ streamPrefixes: [context.prefix] }), context.timeoutMs, guarantee);
    try {
      const delivered = eventsOf(await reader.until(isCaughtUp, 'CaughtUp'));
      ensureEqual(delivered, read, `${guarantee} (a subscription gives the same records as readStream)`);
    } finally {
      await reader.close();
    }
  }),
];
