import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { createInMemoryStore, createRegistry, defineEvent, deriveEventId, openJournalStore } from '../src/eventsourcing/index.js';

const registry = createRegistry([defineEvent('Added', t.type({ n: t.number }))]);
const meta = (c: string, i: number) => ({ eventId: deriveEventId(c, i), commandId: c, correlationId: c, causationId: c, actor: 'a', recordedAt: '2020-01-01T00:00:00.000Z' });

describe('smoke', () => {
  it('appends and reads', async () => {
    const store = createInMemoryStore(registry);
    const r = await store.appendToStream('s-1', [{ event: { type: 'Added', data: { n: 1 } }, metadata: meta('c1', 0) }], 'no_stream')();
    expect(E.isRight(r)).toBe(true);
    const again = await store.appendToStream('s-1', [{ event: { type: 'Added', data: { n: 1 } }, metadata: meta('c1', 0) }], 'no_stream')();
    expect(again).toEqual(E.right({ nextExpectedRevision: 0n, position: 0n, written: 0 }));
    const read = await store.readStream('s-1')();
    expect(E.isRight(read) && read.right.length).toBe(1);
  });
  it('journal', async () => {
    const file = `/tmp/smoke/j-${Date.now()}.ndjson`;
    const s = await openJournalStore(registry, { file })();
    if (E.isLeft(s)) throw new Error(s.left._tag);
    await s.right.appendToStream('s-1', [{ event: { type: 'Added', data: { n: 1 } }, metadata: meta('c1', 0) }], 'no_stream')();
    await s.right.appendToStream('s-1', [{ event: { type: 'Added', data: { n: 2 } }, metadata: meta('c2', 0) }], 0n)();
    await s.right.close();
    const s2 = await openJournalStore(registry, { file })();
    if (E.isLeft(s2)) throw new Error(s2.left._tag);
    const read = await s2.right.readStream('s-1')();
    expect(E.isRight(read) && read.right.map((x) => x.event.data.n)).toEqual([1, 2]);
    await s2.right.close();
  });
});
