import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../src/eventsourcing/journal/journal-line.js';
import { readJournal } from '../../src/eventsourcing/journal/journal-reader.js';
import { journalRegistry, noted, rightOrThrow, tallied } from './fixtures/journal-fixture.js';
import { journalLines, openJournalOrThrow, readAllEvents, readJournalToEnd, useTempDirs } from './journal-test-kit.js';

const newDir = useTempDirs('journal-reader');

const STREAMS = ['ledger-a', 'ledger-b', 'ledger-ж', 'ledger-🚓'] as const;

/** Writes `count` events in batches of 1 to 5 over four streams, with multi-byte text. */
const writeMany = async (file: string, count: number): Promise<void> => {
  const store = await openJournalOrThrow(file);
  let written = 0;
  for (let command = 0; written < count; command++) {
    const size = Math.min(1 + (command % 5), count - written);
    const batch = Array.from({ length: size }, (_, i) =>
      (written + i) % 3 === 0
        ? tallied(`c${String(command)}`, written + i, ['€', 'ß'.repeat(i)], i)
        : noted(`c${String(command)}`, `Nº ${String(written + i)} – 東京 ${'é'.repeat(i)}`, written + i, i),
    );
    rightOrThrow(await store.appendToStream(STREAMS[command % STREAMS.length]!, batch, 'any')());
    written += size;
  }
  await store.close();
};

describe('readJournal, the streaming reader', () => {
  it('yields the events the store holds, page by page, on a file read in small chunks', async () => {
    const file = join(await newDir(), 'journal.ndjson');
    await writeMany(file, 250);
    const store = await openJournalOrThrow(file, { readOnly: true });
    const fromStore = await readAllEvents(store);
    await store.close();
    expect(fromStore).toHaveLength(250);

    // 61-byte chunks split lines and multi-byte characters between reads
    const paged = rightOrThrow(await readJournalToEnd(file, { pageSize: 7, chunkBytes: 61 }));
    expect(paged.events).toEqual(fromStore);
    expect(paged.pages).toBe(Math.ceil(250 / 7));
    const lastLine = (await journalLines(file)).at(-1)!;
    const head = (JSON.parse(lastLine) as { readonly hash: string }).hash;
    const completeBytes = (await readFile(file)).length;
    expect(paged.summary).toEqual({ lines: 250, head, completeBytes, tornTail: undefined, resumeAt: expect.objectContaining({ count: 250, head: head, bytes: completeBytes }) as never });
    expect(paged.summary.head).toBe(store.recovery.head);

    const whole = rightOrThrow(await readJournalToEnd(file));
    expect(whole.events).toEqual(fromStore);
    expect(whole.pages).toBe(1);
    expect(whole.summary).toEqual(paged.summary);
  });

  it('reads a missing file as an empty journal', async () => {
    const file = join(await newDir(), 'missing.ndjson');
    expect(rightOrThrow(await readJournalToEnd(file))).toEqual({
      events: [],
      pages: 0,
      summary: { lines: 0, head: GENESIS_HASH, completeBytes: 0, tornTail: undefined, resumeAt: { count: 0, head: GENESIS_HASH, bytes: 0, revisions: new Map() } },
    });
  });

  it('stops at the first bad line, after yielding the events of the complete batches before it', async () => {
    const file = join(await newDir(), 'journal.ndjson');
    await writeMany(file, 30);
    const lines = await journalLines(file);
    lines[20] = lines[20]!.replace('東京', '京都');
    await writeFile(file, lines.map((line) => `${line}\n`).join(''));
    const seen: string[] = [];
    for await (const page of readJournal(journalRegistry, file, { pageSize: 4, chunkBytes: 100 })) {
      if (E.isLeft(page)) {
        seen.push(page.left._tag === 'JournalCorrupt' ? `corrupt at ${String(page.left.line)}` : page.left._tag);
      } else if (page.right._tag === 'Events') {
        seen.push(...page.right.events.map((event) => String(event.position)));
      } else {
        seen.push('end');
      }
    }
    // batches of 1 to 5 lines: lines 19 to 21 are one append of three, so the two events before the
    // bad line in its batch are never yielded
    expect(seen).toEqual([...Array.from({ length: 18 }, (_, i) => String(i)), 'corrupt at 21']);
  });
});
