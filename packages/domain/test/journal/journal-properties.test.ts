import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NewEvent, RecordedEvent } from '../../src/eventsourcing/envelope.js';
import { noted, rightOrThrow, tallied, type JournalTestEvent } from './fixtures/journal-fixture.js';
import { countNewlines, inTempDir, openJournalOrThrow, readAllEvents, readJournalToEnd, type TestJournal } from './journal-test-kit.js';

const STREAMS = ['alpha-1', 'alpha-2', 'beta-1', 'γάμμα-1'] as const;

/** Text that is mostly outside ASCII: two-, three- and four-byte UTF-8 characters, and some ASCII. */
const textArb = fc.string({
  unit: fc.oneof(
    fc.constantFrom('a', 'Z', ' ', '"', '\\', '\n'),
    fc.constantFrom('é', 'ß', 'Ø', 'ж'),
    fc.constantFrom('€', '東', '京', '–'),
    fc.constantFrom('🚓', '𝄞'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 24,
});

type EventDraft = { readonly kind: 'noted'; readonly text: string; readonly n: number } | { readonly kind: 'tallied'; readonly count: number; readonly tags: readonly string[] };

const eventArb: fc.Arbitrary<EventDraft> = fc.oneof(
  fc.record({ kind: fc.constant('noted' as const), text: textArb, n: fc.integer() }),
  fc.record({ kind: fc.constant('tallied' as const), count: fc.nat(), tags: fc.array(textArb, { maxLength: 3 }) }),
);

interface AppendDraft {
  readonly stream: (typeof STREAMS)[number];
  readonly events: readonly EventDraft[];
  /** Append with the exact expected revision, or with `any`. */
  readonly exact: boolean;
}

const appendArb: fc.Arbitrary<AppendDraft> = fc.record({
  stream: fc.constantFrom(...STREAMS),
  events: fc.array(eventArb, { minLength: 1, maxLength: 5 }),
  exact: fc.boolean(),
});

const toNewEvents = (draft: AppendDraft, command: string): NewEvent<JournalTestEvent>[] =>
  draft.events.map((event, i) => (event.kind === 'noted' ? noted(command, event.text, event.n, i) : tallied(command, event.count, event.tags, i)));

/**
 * Appends the drafts in order (all at once when `together`, so they queue inside the store) with
 * expected revisions from a model, checks each result against the model, and returns every
 * event appended, in order.
 */
const appendAll = async (store: TestJournal, drafts: readonly AppendDraft[], together: boolean, tag: string): Promise<NewEvent<JournalTestEvent>[]> => {
  const revisions = new Map<string, bigint>();
  const appended: NewEvent<JournalTestEvent>[] = [];
  const pending: Promise<void>[] = [];
  let position = -1n;
  for (const [index, draft] of drafts.entries()) {
    const events = toNewEvents(draft, `${tag}-${String(index)}`);
    const current = revisions.get(draft.stream);
    const expected = draft.exact ? (current ?? 'no_stream') : 'any';
    const next = (current ?? -1n) + BigInt(events.length);
    revisions.set(draft.stream, next);
    position += BigInt(events.length);
    appended.push(...events);
    const want = { nextExpectedRevision: next, position, written: events.length };
    const append = store
      .appendToStream(draft.stream, events, expected)()
      .then((result) => {
        expect(rightOrThrow(result)).toEqual(want);
      });
    if (together) pending.push(append);
    else await append;
  }
  await Promise.all(pending);
  return appended;
};

const streamsOf = async (store: TestJournal): Promise<Record<string, readonly RecordedEvent<JournalTestEvent>[]>> => {
  const streams: Record<string, readonly RecordedEvent<JournalTestEvent>[]> = {};
  for (const stream of STREAMS) {
    const read = await store.readStream(stream)();
    streams[stream] = read._tag === 'Right' ? read.right : [];
  }
  return streams;
};

describe('journal properties', () => {
  it('closing and reopening a journal gives back every appended event, in every stream and in the global log', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(appendArb, { minLength: 1, maxLength: 10 }),
        fc.boolean(),
        fc.boolean(),
        async (drafts, together, reopenReadOnly) =>
          inTempDir('journal-prop-reopen', async (dir) => {
            const file = join(dir, 'journal.ndjson');
            const store = await openJournalOrThrow(file);
            const appended = await appendAll(store, drafts, together, 'c');
            const all = await readAllEvents(store);
            const streams = await streamsOf(store);
            await store.close();

            expect(all.map((e) => [e.event, e.metadata.eventId])).toEqual(appended.map((e) => [e.event, e.metadata.eventId]));
            expect(all.map((e) => e.position)).toEqual(all.map((_, i) => BigInt(i)));

            const reopened = await openJournalOrThrow(file, { readOnly: reopenReadOnly });
            expect(reopened.recovery).toMatchObject({ lines: appended.length, tornTail: undefined, tornTailSavedTo: undefined });
            expect(await readAllEvents(reopened, 3)).toEqual(all);
            expect(await streamsOf(reopened)).toEqual(streams);
            await reopened.close();
          }),
      ),
      { numRuns: 30 },
    );
  }, 30_000);

  it('a journal cut at any byte recovers exactly the complete batches before the cut and reports the rest as a torn tail', async () => {
    // where to cut: anywhere, next to a line boundary, inside a multi-byte character, or inside a
    // batch of several events (at one of its inner line boundaries, or at any byte of it)
    const cutArb = fc.oneof(
      fc.record({ kind: fc.constant('anywhere' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
      fc.record({ kind: fc.constant('nearNewline' as const), at: fc.nat(), shift: fc.integer({ min: -1, max: 1 }) }),
      fc.record({ kind: fc.constant('insideCharacter' as const), at: fc.nat() }),
      fc.record({
        kind: fc.constant('insideBatch' as const),
        at: fc.nat(),
        atLineBoundary: fc.boolean(),
        within: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(appendArb, { minLength: 1, maxLength: 6 }),
        cutArb,
        fc.integer({ min: 1, max: 64 }),
        async (drafts, cut, chunkBytes) =>
          inTempDir('journal-prop-cut', async (dir) => {
            const file = join(dir, 'journal.ndjson');
            const writer = await openJournalOrThrow(file);
            await appendAll(writer, drafts, false, 'c');
            const full = await readAllEvents(writer);
            await writer.close();
            const bytes = await readFile(file);
            const layout = layoutOf(bytes, drafts);

            // what should be recovered, from the appends made, not from what the lines say of themselves
            const offset = cutOffset(bytes, layout, cut);
            const prefix = bytes.subarray(0, offset);
            const lines = countNewlines(prefix);
            const batchesKept = layout.batchEndLines.filter((end) => end <= lines).length;
            const recovered = batchesKept === 0 ? 0 : layout.batchEndLines[batchesKept - 1]!;
            const completeBytes = recovered === 0 ? 0 : layout.lineEnds[recovered - 1]!;
            const lastNewline = prefix.lastIndexOf(0x0a) + 1;
            const torn = prefix.subarray(completeBytes);
            const tornTail =
              torn.length === 0
                ? undefined
                : {
                    line: recovered + 1,
                    bytes: torn.length,
                    batchLines: lines - recovered,
                    batchBytes: lastNewline - completeBytes,
                    partialBytes: offset - lastNewline,
                  };
            const cutFile = join(dir, 'cut.ndjson');
            await writeFile(cutFile, prefix);

            /** No event of an append is recovered unless every event of it is. */
            const expectWholeAppends = (events: readonly RecordedEvent<JournalTestEvent>[]): void => {
              const counts = new Map<string, number>();
              for (const event of events) counts.set(event.metadata.commandId, (counts.get(event.metadata.commandId) ?? 0) + 1);
              const sizeOf = (command: string): number => drafts[Number(command.slice('c-'.length))]!.events.length;
              expect([...counts].filter(([command, count]) => count !== sizeOf(command))).toEqual([]);
            };

            // a reader: exactly the complete batches, the torn tail reported, the file untouched
            const reader = await openJournalOrThrow(cutFile, { readOnly: true });
            expect(reader.recovery).toMatchObject({ lines: recovered, completeBytes, tornTail, tornTailSavedTo: undefined });
            const read = await readAllEvents(reader);
            expect(read).toEqual(full.slice(0, recovered));
            expectWholeAppends(read);
            await reader.close();
            expect(await readFile(cutFile)).toEqual(prefix);

            const streamed = rightOrThrow(await readJournalToEnd(cutFile, { chunkBytes, pageSize: 2 }));
            expect(streamed.events).toEqual(full.slice(0, recovered));
            expect(streamed.summary).toEqual({ lines: recovered, head: reader.recovery.head, completeBytes, tornTail, resumeAt: expect.objectContaining({ count: recovered, head: reader.recovery.head, bytes: completeBytes }) as never });

            // a writer: the same, the torn tail saved aside and cut off, and the journal good to append to
            const store = await openJournalOrThrow(cutFile);
            expect(store.recovery).toMatchObject({ lines: recovered, completeBytes, tornTail });
            expect(await readAllEvents(store)).toEqual(full.slice(0, recovered));
            if (tornTail === undefined) expect(store.recovery.tornTailSavedTo).toBeUndefined();
            else expect(await readFile(store.recovery.tornTailSavedTo!)).toEqual(torn);
            expect(await readFile(cutFile)).toEqual(prefix.subarray(0, completeBytes));
            const more = [noted('after', 'après – 後', 1, 0), tallied('after', 2, ['後'], 1)];
            rightOrThrow(await store.appendToStream('after-cut', more, 'no_stream')());
            await store.close();

            const after = rightOrThrow(await readJournalToEnd(cutFile));
            expect(after.summary).toMatchObject({ lines: recovered + 2, tornTail: undefined });
            expect(after.events.slice(0, recovered)).toEqual(full.slice(0, recovered));
            expect(after.events.slice(recovered)).toMatchObject([
              { stream: 'after-cut', revision: 0n, position: BigInt(recovered) },
              { stream: 'after-cut', revision: 1n, position: BigInt(recovered + 1) },
            ]);
            expect((await readdir(dir)).filter((name) => name.endsWith('.lock'))).toEqual([]);
          }),
      ),
      { numRuns: 80 },
    );
  }, 30_000);
});

/** Where the lines and batches of a journal written by `appendAll` end: byte offsets after each line, and line counts after each append. */
interface Layout {
  readonly lineEnds: readonly number[];
  readonly batchEndLines: readonly number[];
}

const layoutOf = (bytes: Buffer, drafts: readonly AppendDraft[]): Layout => {
  const lineEnds: number[] = [];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) lineEnds.push(i + 1);
  const batchEndLines: number[] = [];
  let lines = 0;
  for (const draft of drafts) {
    lines += draft.events.length;
    batchEndLines.push(lines);
  }
  expect(lineEnds).toHaveLength(lines);
  return { lineEnds, batchEndLines };
};

type Cut =
  | { readonly kind: 'anywhere'; readonly at: number }
  | { readonly kind: 'nearNewline'; readonly at: number; readonly shift: number }
  | { readonly kind: 'insideCharacter'; readonly at: number }
  | { readonly kind: 'insideBatch'; readonly at: number; readonly atLineBoundary: boolean; readonly within: number };

/** Turns a drawn cut into a byte offset in [0, bytes.length]. */
const cutOffset = (bytes: Buffer, layout: Layout, cut: Cut): number => {
  const clamp = (offset: number): number => Math.max(0, Math.min(bytes.length, offset));
  if (cut.kind === 'anywhere') return clamp(Math.round(cut.at * bytes.length));
  if (cut.kind === 'insideBatch') {
    // the byte ranges of the batches of several lines, and their inner line boundaries
    const batches: { readonly start: number; readonly end: number; readonly inner: readonly number[] }[] = [];
    let firstLine = 0;
    for (const endLine of layout.batchEndLines) {
      const start = firstLine === 0 ? 0 : layout.lineEnds[firstLine - 1]!;
      if (endLine - firstLine > 1) {
        batches.push({ start, end: layout.lineEnds[endLine - 1]!, inner: layout.lineEnds.slice(firstLine, endLine - 1) });
      }
      firstLine = endLine;
    }
    const batch = batches[cut.at % Math.max(1, batches.length)];
    if (batch === undefined) return clamp(Math.floor(bytes.length / 2));
    if (cut.atLineBoundary) return batch.inner[Math.floor(cut.within * batch.inner.length)]!;
    return batch.start + 1 + Math.floor(cut.within * (batch.end - batch.start - 1));
  }
  const candidates: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    // after a newline; or after a byte that is followed by a UTF-8 continuation byte (10xxxxxx)
    if (cut.kind === 'nearNewline' ? byte === 0x0a : byte >= 0x80 && (bytes[i + 1]! & 0xc0) === 0x80) candidates.push(i + 1);
  }
  if (candidates.length === 0) return clamp(Math.floor(bytes.length / 2));
  const base = candidates[cut.at % candidates.length]!;
  return clamp(cut.kind === 'nearNewline' ? base + cut.shift : base);
};
