/** Helpers of the journal tests: temporary directories, opening journals, collecting what they hold. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { afterEach } from 'vitest';
import {
  openJournalStore,
  readJournal,
  type JournalStore,
  type JournalStoreOptions,
  type JournalSummary,
  type ReadJournalOptions,
  type RecordedEvent,
  type StoreError,
} from '../../src/eventsourcing/index.js';
import { journalRegistry, rightOrThrow, type JournalTestEvent } from './fixtures/journal-fixture.js';

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
export const readJournalFile = async (
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
