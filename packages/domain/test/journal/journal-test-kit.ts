/** Helpers of the journal tests: temporary directories, opening journals, collecting what they hold. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { afterEach } from 'vitest';
import { GENESIS_HASH, encodeJournalLine } from '../../src/eventsourcing/journal/journal-line.js';
import { openJournalStore, type JournalStore, type JournalStoreOptions } from '../../src/eventsourcing/journal/journal-store.js';
import { readJournal, type JournalSummary, type ReadJournalOptions } from '../../src/eventsourcing/journal/journal-reader.js';
import type { RecordedEvent } from '../../src/eventsourcing/envelope.js';
import type { StoreError } from '../../src/eventsourcing/errors.js';
import { journalRegistry, metadataOf, rightOrThrow, type JournalTestEvent } from './fixtures/journal-fixture.js';

/** A journal store of the test model. */
export type TestJournal = JournalStore<JournalTestEvent>;

/** Registers cleanup after each test and returns a maker of fresh temporary directories under `os.tmpdir()`. */
export const useTempDirs = (prefix: string): (() => Promise<string>) => {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), `${prefix}-`));
    made.push(dir);
    return dir;
  };
};

/** Makes a temporary directory, runs `work` with it and removes it, whatever happens. */
export const inTempDir = async <A>(prefix: string, work: (dir: string) => Promise<A>): Promise<A> => {
  const dir = await mkdtemp(join(tmpdir(), `${prefix}-`));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

/** Opens a journal of the test model. */
export const openJournal = (
  file: string,
  options: Omit<JournalStoreOptions, 'file'> = {},
): Promise<E.Either<StoreError, TestJournal>> => openJournalStore(journalRegistry, { ...options, file })();

/** Opens a journal of the test model, throwing when it cannot be opened. */
export const openJournalOrThrow = async (file: string, options: Omit<JournalStoreOptions, 'file'> = {}): Promise<TestJournal> =>
  rightOrThrow(await openJournal(file, options));

/** Every event of a store's global log, read page by page. */
export const readAllEvents = async (store: TestJournal, pageSize?: number): Promise<RecordedEvent<JournalTestEvent>[]> => {
  const events: RecordedEvent<JournalTestEvent>[] = [];
  for await (const page of store.readAll(pageSize === undefined ? {} : { pageSize })) events.push(...rightOrThrow(page));
  return events;
};

/** What `readJournal` yields for a file: its events and summary, or the error that ended it. */
export const readJournalToEnd = async (
  file: string,
  options: ReadJournalOptions = {},
): Promise<E.Either<StoreError, { readonly events: RecordedEvent<JournalTestEvent>[]; readonly pages: number; readonly summary: JournalSummary }>> => {
  const events: RecordedEvent<JournalTestEvent>[] = [];
  let pages = 0;
  for await (const page of readJournal(journalRegistry, file, options)) {
    if (E.isLeft(page)) return page;
    if (page.right._tag === 'End') return E.right({ events, pages, summary: page.right.summary });
    pages += 1;
    events.push(...page.right.events);
  }
  throw new Error('readJournal ended without a summary');
};

/** The complete lines of a journal file, without their newlines. */
export const journalLines = async (file: string): Promise<string[]> => {
  const text = await readFile(file, 'utf8');
  const lines = text.split('\n');
  lines.pop();
  return lines;
};

/** How many complete lines (newline-terminated) a run of bytes holds. */
export const countNewlines = (bytes: Uint8Array): number => {
  let count = 0;
  for (const byte of bytes) if (byte === 0x0a) count += 1;
  return count;
};

/** An event written into a journal by hand, past the store's checks: a `Noted` of command `command`. */
export interface HandWrittenEvent {
  readonly stream: string;
  readonly revision: bigint;
  /** Where the line says it stands in its batch: `[index, size]`. */
  readonly batch: readonly [number, number];
  readonly command: string;
}

/**
 * Journal lines (without newlines) written by hand for `events`, each chained to the one before
 * and numbered from `from` (the start of an empty journal by default), with valid hashes: only the
 * fields the test chose can be wrong. Event `i` of a command is its `i`-th event id.
 */
export const handWrittenLines = (
  events: readonly HandWrittenEvent[],
  from: { readonly prev: string; readonly position: bigint } = { prev: GENESIS_HASH, position: 0n },
): string[] => {
  let prev = from.prev;
  return events.map((event, i) => {
    const { line, hash } = encodeJournalLine(prev, {
      stream: event.stream,
      revision: event.revision,
      position: from.position + BigInt(i),
      batch: { index: event.batch[0], size: event.batch[1] },
      type: 'Noted',
      json: JSON.stringify({ text: `à la main – ${event.command}`, n: i }),
      metadata: { ...metadataOf(event.command, event.batch[0]), schemaVersion: 1 },
    });
    prev = hash;
    return line;
  });
};
