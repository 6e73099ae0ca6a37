/**
 * Damaged journals through `readJournalFile` and `openJournalStore`: a bad line in the middle is a
 * `JournalCorrupt` naming the file and line (an event that does not decode also names its stream,
 * revision and field), the file and its folder are left as they were, no prototype changes; bytes
 * after the last newline are a torn tail.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFuzzTally,
  damagedJournalArbitrary,
  fuzzRuns,
  fuzzTimeout,
  namesBrokenField,
  prototypePollution,
  prototypeSnapshot,
  tornJournalArbitrary,
  writeSampleJournal,
  type DamagedJournal,
} from '@borough-command/test-machinery';
import { domainEventRegistry } from '../../src/borough-command/domain-events.js';
import { openJournalStore, readJournalFile, type JournalSummary } from '../../src/eventsourcing/journal/journal-store.js';
import type { StoreError } from '../../src/eventsourcing/errors.js';

const RUNS = fuzzRuns(150);
const TIMEOUT = fuzzTimeout(RUNS, 10);
/** A writer that recovers a torn tail syncs the file and the copy twice: a tenth of the runs. */
const WRITER_RUNS = Math.max(15, Math.ceil(RUNS / 10));
const tallies = {
  reader: createFuzzTally('readJournalFile'),
  readOnly: createFuzzTally('openJournalStore read-only'),
  writer: createFuzzTally('openJournalStore writer'),
  torn: createFuzzTally('torn tails, readJournalFile and openJournalStore read-only'),
  tornWriter: createFuzzTally('torn tails, openJournalStore writer'),
};

let dir: string;
let lines: readonly string[];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'borough-command-journal-fuzz-'));
  lines = await writeSampleJournal(join(dir, 'sample.ndjson'));
});
afterAll(async () => {
  for (const tally of Object.values(tallies)) console.log(`fuzz ${tally.summary()}`);
  await rm(dir, { recursive: true, force: true });
});

/** Whether a file holds exactly these bytes (compared as buffers: a deep equality of typed arrays is slow). */
const holds = async (file: string, bytes: Uint8Array): Promise<boolean> => (await readFile(file)).equals(bytes);

/** What reading a journal to its end gave: the events of complete batches, then the summary or the error. */
const readToEnd = async (file: string): Promise<{ readonly events: number; readonly end: E.Either<StoreError, JournalSummary> }> => {
  let events = 0;
  for await (const page of readJournalFile(domainEventRegistry, file)) {
    if (E.isLeft(page)) return { events, end: page };
    if (page.right._tag === 'End') return { events, end: E.right(page.right.summary) };
    events += page.right.events.length;
  }
  throw new Error('readJournalFile ended without a summary');
};

/** Checks an error is a `JournalCorrupt` of the damaged line, naming the bad event's stream, revision and field when there is one. */
const expectCorruptAt = (error: StoreError, file: string, damaged: DamagedJournal): void => {
  expect(error).toMatchObject({ _tag: 'JournalCorrupt', file, line: damaged.line });
  if (error._tag !== 'JournalCorrupt' || damaged.event === undefined) return;
  const { stream, revision, bad } = damaged.event;
  if (bad.field === undefined) {
    expect(error.reason).toContain(`unknown event type '${bad.type}' in stream '${stream}' at revision ${revision.toString()}`);
    return;
  }
  expect(error.reason).toContain(`in stream '${stream}' at revision ${revision.toString()} is invalid at '`);
  const path = /is invalid at '([^']*)'/.exec(error.reason)?.[1] ?? '';
  expect(namesBrokenField({ field: bad.field, within: bad.within }, path), `'${path}' for '${bad.field}'`).toBe(true);
};

describe('fuzz: damaged journals', () => {
  it('fuzz: a bad line anywhere is JournalCorrupt naming the file and line, for the reader and both kinds of store, and nothing is written', async () => {
    const file = join(dir, 'damaged.ndjson');
    await fc.assert(
      fc.asyncProperty(damagedJournalArbitrary(lines, { maxDepth: 1000 }), async (damaged) => {
        const before = prototypeSnapshot();
        const bytes = await damaged.write(file);
        const listing = await readdir(dir);

        const read = await readToEnd(file);
        tallies.reader.count(damaged.kind);
        expect(E.isLeft(read.end)).toBe(true);
        if (E.isLeft(read.end)) expectCorruptAt(read.end.left, file, damaged);
        expect(read.events).toBeLessThan(damaged.line);

        const readOnly = await openJournalStore(domainEventRegistry, { file, readOnly: true })();
        tallies.readOnly.count(damaged.kind);
        expect(E.isLeft(readOnly)).toBe(true);
        if (E.isLeft(readOnly)) expectCorruptAt(readOnly.left, file, damaged);

        const writer = await openJournalStore(domainEventRegistry, { file })();
        tallies.writer.count(damaged.kind);
        expect(E.isLeft(writer)).toBe(true);
        if (E.isLeft(writer)) expectCorruptAt(writer.left, file, damaged);

        expect(await holds(file, bytes)).toBe(true);
        expect(await readdir(dir)).toEqual(listing);
        expect(prototypePollution(before)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('fuzz: bytes after the last newline are a torn tail the reader and a read-only store report, changing nothing', async () => {
    const file = join(dir, 'torn.ndjson');
    await fc.assert(
      fc.asyncProperty(tornJournalArbitrary(lines), async (torn) => {
        const before = prototypeSnapshot();
        await writeFile(file, torn.bytes);
        tallies.torn.count(torn.kind);
        const expected = { line: torn.line, bytes: torn.tailBytes, batchLines: 0, batchBytes: 0, partialBytes: torn.tailBytes };

        const read = await readToEnd(file);
        expect(read.end).toMatchObject(E.right({ lines: lines.length, tornTail: expected }));
        expect(read.events).toBe(lines.length);

        const readOnly = await openJournalStore(domainEventRegistry, { file, readOnly: true })();
        expect(E.isRight(readOnly) && readOnly.right.recovery.tornTail).toEqual(expected);
        if (E.isRight(readOnly)) await readOnly.right.close();
        expect(await holds(file, torn.bytes)).toBe(true);
        expect(prototypePollution(before)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('fuzz: a writer saves a torn tail aside, byte for byte, and cuts it off, leaving the complete lines as they were', async () => {
    const file = join(dir, 'torn-writer.ndjson');
    await fc.assert(
      fc.asyncProperty(tornJournalArbitrary(lines), async (torn) => {
        const before = prototypeSnapshot();
        await writeFile(file, torn.bytes);
        tallies.tornWriter.count(torn.kind);
        const writer = await openJournalStore(domainEventRegistry, { file })();
        expect(E.isRight(writer)).toBe(true);
        if (E.isRight(writer)) {
          await writer.right.close();
          const savedTo = writer.right.recovery.tornTailSavedTo ?? '';
          expect(await holds(savedTo, torn.bytes.subarray(torn.bytes.length - torn.tailBytes))).toBe(true);
          await rm(savedTo);
        }
        expect((await readFile(file, 'utf8')).split('\n').slice(0, -1)).toEqual(lines);
        expect(prototypePollution(before)).toEqual([]);
      }),
      { numRuns: WRITER_RUNS },
    );
  }, TIMEOUT);
});
