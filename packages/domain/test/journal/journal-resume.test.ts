/**
 * Reading a journal on from where an earlier read ended: the summary's `resumeAt`,
 * `checkJournalResumePoint` against the file as it is now (`readJournalFile` runs it first), and
 * `readJournal` with `from`.
 */
import { readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { checkJournalResumePoint } from '../../src/eventsourcing/journal/journal-resume.js';
import { noted, rightOrThrow, tallied } from './fixtures/journal-fixture.js';
import { journalLines, openJournalOrThrow, readJournalToEnd, useTempDirs } from './journal-test-kit.js';

const newDir = useTempDirs('journal-resume');

/** A journal of three appends (one of two events), and where a read of it ends; `firstText` changes its first event. */
const journalOfThreeAppends = async (firstText = 'one') => {
  const file = join(await newDir(), 'journal.ndjson');
  const store = await openJournalOrThrow(file);
  rightOrThrow(await store.appendToStream('ledger-a', [noted('c1', firstText, 1)], 'no_stream')());
  rightOrThrow(await store.appendToStream('ledger-b', [tallied('c2', 2, ['x']), tallied('c2', 3, ['y'], 1)], 'no_stream')());
  rightOrThrow(await store.appendToStream('ledger-a', [noted('c3', 'three', 3)], 0n)());
  await store.close();
  const first = rightOrThrow(await readJournalToEnd(file));
  return { file, first };
};

const appendTwoMore = async (file: string): Promise<void> => {
  const store = await openJournalOrThrow(file);
  rightOrThrow(await store.appendToStream('ledger-b', [tallied('c4', 4, [])], 1n)());
  rightOrThrow(await store.appendToStream('ledger-c', [noted('c5', 'five', 5)], 'no_stream')());
  await store.close();
};

describe('reading a journal on from a resume point', () => {
  it('reads only what was appended after the point, checked as chained to it, with the summary of the whole journal', async () => {
    const { file, first } = await journalOfThreeAppends();
    expect(first.summary.resumeAt).toMatchObject({ count: 4, head: first.summary.head, bytes: first.summary.completeBytes });
    expect(first.summary.resumeAt.revisions).toEqual(new Map([['ledger-a', 1n], ['ledger-b', 1n]]));
    await appendTwoMore(file);
    expect(await checkJournalResumePoint(file, first.summary.resumeAt)).toEqual(E.right(undefined));
    const later = rightOrThrow(await readJournalToEnd(file, { from: first.summary.resumeAt }));
    const whole = rightOrThrow(await readJournalToEnd(file));
    expect(later.events).toEqual(whole.events.slice(4));
    expect(later.events.map((event) => event.position)).toEqual([4n, 5n]);
    expect(later.summary).toEqual(whole.summary);
  });

  it('reads nothing more from a point at the end of an unchanged journal', async () => {
    const { file, first } = await journalOfThreeAppends();
    const again = rightOrThrow(await readJournalToEnd(file, { from: first.summary.resumeAt }));
    expect(again.events).toEqual([]);
    expect(again.summary).toEqual(first.summary);
  });

  it('a revision that does not follow the point\'s is corruption at its line', async () => {
    const { file, first } = await journalOfThreeAppends();
    await appendTwoMore(file);
    // The point forgets ledger-b's revisions: line 5 (ledger-b at revision 2) no longer follows.
    const forgetful = { ...first.summary.resumeAt, revisions: new Map([['ledger-a', 1n]]) };
    expect(await readJournalToEnd(file, { from: forgetful })).toMatchObject(E.left({ _tag: 'JournalCorrupt', line: 5 }));
  });
});

describe('checkJournalResumePoint: whether the file still holds the point', () => {
  it('refuses a truncated journal', async () => {
    const { file, first } = await journalOfThreeAppends();
    await truncate(file, first.summary.completeBytes - 10);
    expect(await checkJournalResumePoint(file, first.summary.resumeAt)).toMatchObject(E.left(expect.stringContaining('shorter than')));
  });

  it('refuses an edited journal: the line at the point altered, or rewritten with a new chain', async () => {
    const { file, first } = await journalOfThreeAppends();
    const lines = await journalLines(file);
    await writeFile(file, `${[...lines.slice(0, 3), (lines[3] as string).replace('three', 'thre3')].join('\n')}\n`);
    expect(await checkJournalResumePoint(file, first.summary.resumeAt)).toMatchObject(E.left(expect.stringContaining('not intact')));
  });

  it('refuses another journal of the same length, and a journal whose lines were reordered', async () => {
    const { file, first } = await journalOfThreeAppends();
    // One word of its first event differs, as long as the other's: another chain, the same length.
    const other = await journalOfThreeAppends('eno');
    expect((await readFile(other.file)).length).toBe(first.summary.completeBytes);
    expect(await checkJournalResumePoint(other.file, first.summary.resumeAt)).toMatchObject(E.left(expect.stringContaining('hash differs')));
    const lines = await journalLines(file);
    await writeFile(file, `${[lines[0], lines[3], lines[1], lines[2]].join('\n')}\n`);
    expect(E.isLeft(await checkJournalResumePoint(file, first.summary.resumeAt))).toBe(true);
  });

  it('refuses a point that is not at the end of a batch, and a missing journal', async () => {
    const { file, first } = await journalOfThreeAppends();
    const lines = await journalLines(file);
    const insideBatch = { ...first.summary.resumeAt, count: 2, bytes: Buffer.byteLength(`${lines.slice(0, 2).join('\n')}\n`), head: (JSON.parse(lines[1] as string) as { readonly hash: string }).hash };
    expect(await checkJournalResumePoint(file, insideBatch)).toMatchObject(E.left(expect.stringContaining('does not end its batch')));
    expect(await checkJournalResumePoint(join(file, '..', 'missing.ndjson'), first.summary.resumeAt)).toEqual(E.left('the journal is gone'));
  });
});
