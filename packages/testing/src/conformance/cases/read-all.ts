import { numberedItems } from '../conformance-events.js';
import type { ConformanceContext } from '../context.js';
import { conformanceCase } from '../define-case.js';
import { ensure, ensureEqual } from '../expectations.js';
import { appendOk, ensureStrictlyIncreasingPositions, idsOf, readAllOk, readAllPages } from '../reading.js';
import { show } from '../show.js';
import type { ConformanceCase } from '../subject.js';

const GROUP = 'reading the global log';

/** Writes alternating appends to `alpha-1`, `beta-1`, `alpha-2`, `gamma-1` under the test prefix; returns ids per stream, in log order. */
const writeCategories = async (context: ConformanceContext): Promise<readonly { readonly stream: string; readonly eventId: string }[]> => {
  const written: { readonly stream: string; readonly eventId: string }[] = [];
  const streams = ['alpha-1', 'beta-1', 'alpha-2', 'gamma-1'];
  for (let round = 0; round < 3; round++) {
    for (const key of streams) {
      const name = context.stream(key);
      const events = context.command(numberedItems(key, round * 2, 1 + (round % 2)));
      await appendOk(context.store, name, events, 'any', 'writing streams of three categories');
      written.push(...events.map((e) => ({ stream: name, eventId: e.metadata.eventId })));
    }
  }
  return written;
};

/** readAll: prefix filters, pages and exclusive checkpoints. */
export const readAllCases: readonly ConformanceCase[] = [
  conformanceCase(GROUP, 'readAll keeps only streams starting with the prefix', async (context) => {
    const written = await writeCategories(context);
    const alpha = context.stream('alpha-');
    const guarantee = `readAll with prefix ${alpha} returns exactly the events of streams starting with it, in log order`;
    const read = await readAllOk(context.store, { streamPrefixes: [alpha] }, guarantee);
    ensureEqual(
      read.map((e) => ({ stream: e.stream, eventId: e.metadata.eventId })),
      written.filter((w) => w.stream.startsWith(alpha)),
      guarantee,
    );
    const none = await readAllOk(context.store, { streamPrefixes: [context.stream('delta-')] }, guarantee);
    ensureEqual(none.length, 0, 'readAll with a prefix no stream has returns nothing');
  }),
  conformanceCase(GROUP, 'readAll with several prefixes keeps streams starting with any of them', async (context) => {
    const written = await writeCategories(context);
    const prefixes = [context.stream('gamma-'), context.stream('alpha-2')];
    const guarantee = `readAll with prefixes ${show(prefixes)} returns the events of streams starting with any of them, in log order`;
    const read = await readAllOk(context.store, { streamPrefixes: prefixes }, guarantee);
    ensureEqual(
      read.map((e) => ({ stream: e.stream, eventId: e.metadata.eventId })),
      written.filter((w) => prefixes.some((p) => w.stream.startsWith(p))),
      guarantee,
    );
    ensureStrictlyIncreasingPositions(read, guarantee);
  }),
  conformanceCase(GROUP, 'readAll returns pages of at most pageSize events that join up into the whole log', async (context) => {
    const written = await writeCategories(context);
    for (const pageSize of [1, 3, 7, 1000]) {
      const guarantee = `readAll with pageSize ${String(pageSize)} returns pages of at most ${String(pageSize)} events, joining into the whole log`;
      const pages = await readAllPages(context.store, { streamPrefixes: [context.prefix], pageSize }, guarantee);
      ensure(pages.every((p) => p.length <= pageSize), guarantee, () => `page sizes ${show(pages.map((p) => p.length))}`);
      ensure(
        pages.length >= Math.ceil(written.length / pageSize),
        guarantee,
        () => `${String(written.length)} events came in only ${String(pages.length)} pages`,
      );
      ensureEqual(idsOf(pages.flat()), written.map((w) => w.eventId), guarantee);
    }
  }),
  conformanceCase(GROUP, 'readAll after a checkpoint starts strictly after it', async (context) => {
    const written = await writeCategories(context);
    const all = await readAllOk(context.store, { streamPrefixes: [context.prefix] }, 'reading the whole log');
    for (const index of [0, 4, all.length - 2, all.length - 1]) {
      const checkpoint = all[index]?.position ?? -1n;
      const guarantee = `readAll after position ${String(checkpoint)} (event ${String(index)} of this test) returns only the events after it`;
      const after = await readAllOk(context.store, { streamPrefixes: [context.prefix], after: checkpoint }, guarantee);
      ensureEqual(idsOf(after), written.slice(index + 1).map((w) => w.eventId), guarantee);
      const paged = await readAllOk(context.store, { streamPrefixes: [context.prefix], after: checkpoint, pageSize: 2 }, guarantee);
      ensureEqual(idsOf(paged), written.slice(index + 1).map((w) => w.eventId), `${guarantee}, also in pages of 2`);
    }
  }),
];
