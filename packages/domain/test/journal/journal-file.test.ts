/**
 * The journal store's operations on a file without a store open, through the kernel's entry:
 * `readJournalFile` (its resume point checked first, the store's limits applied) and
 * `writeJournalFile` (a new file written whole, as a store's appends write it).
 */
import { readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import * as kernel from '../../src/eventsourcing/index.js';
import {
  defaultStoreLimits,
  openJournalStore,
  readJournalFile,
  writeJournalFile,
  type EventMetadata,
  type JournalSummary,
  type ReadJournalFileOptions,
  type RecordedEvent,
  type StoreError,
} from '../../src/eventsourcing/index.js';
import { journalRegistry, leftOrThrow, metadataOf, noted, rightOrThrow, tallied, type JournalTestEvent } from './fixtures/journal-fixture.js';
import { openJournalOrThrow, readAllEvents, useTempDirs } from './journal-test-kit.js';

const newDir = useTempDirs('journal-file');

/** Everything `readJournalFile` yields for a file, in order. */
const everything = async (file: string, options: ReadJournalFileOptions = {}): Promise<E.Either<StoreError, kernel.JournalPage<JournalTestEvent>>[]> => {
  const yielded: E.Either<StoreError, kernel.JournalPage<JournalTestEvent>>[] = [];
  for await (const item of readJournalFile(journalRegistry, file, options)) yielded.push(item);
  return yielded;
};

/** The summary a whole read of the file ends with. */
const summaryOf = async (file: string): Promise<JournalSummary> => {
  const last = (await everything(file)).at(-1);
  if (last === undefined || E.isLeft(last) || last.right._tag !== 'End') throw new Error('the read did not end with a summary');
  return last.right.summary;
};

/** The same three appends, made through a store: ledger-a, two events of one command in ledger-b, ledger-a again. */
const appendThree = async (file: string): Promise<void> => {
  const store = await openJournalOrThrow(file);
  rightOrThrow(await store.appendToStream('ledger-a', [noted('c1', 'één', 1)], 'no_stream')());
  rightOrThrow(await store.appendToStream('ledger-b', [tallied('c2', 2, ['x']), tallied('c2', 3, ['y'], 1)], 'no_stream')());
  rightOrThrow(await store.appendToStream('ledger-a', [noted('c3', 'three', 3)], 0n)());
  await store.close();
};

const recorded = (stream: string, revision: bigint, position: bigint, event: JournalTestEvent, metadata: EventMetadata): RecordedEvent<JournalTestEvent> => ({
  stream,
  revision,
  position,
  event,
  metadata,
});

/** The events of `appendThree` as recorded, their positions from 10 (the writer numbers them again). */
const threeAppendsRecorded = (): RecordedEvent<JournalTestEvent>[] => [
  recorded('ledger-a', 0n, 10n, { type: 'Noted', data: { text: 'één', n: 1 } }, { ...metadataOf('c1'), schemaVersion: 1 }),
  recorded('ledger-b', 0n, 11n, { type: 'Tallied', data: { count: 2, tags: ['x'] } }, { ...metadataOf('c2'), schemaVersion: 1 }),
  recorded('ledger-b', 1n, 12n, { type: 'Tallied', data: { count: 3, tags: ['y'] } }, { ...metadataOf('c2', 1), schemaVersion: 1 }),
  recorded('ledger-a', 1n, 13n, { type: 'Noted', data: { text: 'three', n: 3 } }, { ...metadataOf('c3'), schemaVersion: 1 }),
];

describe("the kernel's entry to the journal", () => {
  it('exports the store and its file operations, and nothing of the line format, its chain or the reader inside', () => {
    for (const name of ['openJournalStore', 'readJournalFile', 'writeJournalFile']) expect(Object.keys(kernel)).toContain(name);
    for (const name of ['readJournal', 'checkJournalResumePoint', 'encodeJournalLine', 'parseJournalLine', 'GENESIS_HASH', 'createJournalChain']) {
      expect(Object.keys(kernel)).not.toContain(name);
    }
  });
});

describe('readJournalFile', () => {
  it('reads on from a point the file holds: only the events after it, and the summary of the whole file', async () => {
    const file = join(await newDir(), 'journal.ndjson');
    await appendThree(file);
    const first = await summaryOf(file);
    const store = await openJournalOrThrow(file);
    rightOrThrow(await store.appendToStream('ledger-c', [noted('c4', 'four', 4)], 'no_stream')());
    await store.close();
    const later = await everything(file, { from: first.resumeAt });
    expect(later).toHaveLength(2);
    expect(later[0]).toMatchObject(E.right({ _tag: 'Events', events: [{ stream: 'ledger-c', position: 4n }] }));
    expect(later[1]).toEqual(E.right({ _tag: 'End', summary: await summaryOf(file) }));
  });

  it('answers JournalResumePointGone, and nothing else, for a point the file no longer holds: cut short, or another journal', async () => {
    const file = join(await newDir(), 'journal.ndjson');
    await appendThree(file);
    const point = (await summaryOf(file)).resumeAt;
    await truncate(file, point.bytes - 1);
    const cut = await everything(file, { from: point });
    expect(cut).toHaveLength(1);
    const error = leftOrThrow(cut[0] as E.Either<StoreError, unknown>);
    expect(error).toMatchObject({ _tag: 'JournalResumePointGone', file, line: 4, bytes: point.bytes });
    expect(kernel.describeStoreError(error)).toContain(`${file} no longer holds the place an earlier read reached (after line 4, byte ${String(point.bytes)})`);
    expect(kernel.isRetryable(error)).toBe(false);

    // Another journal, as long, whose first event differs.
    const other = join(await newDir(), 'other.ndjson');
    const store = await openJournalOrThrow(other);
    rightOrThrow(await store.appendToStream('ledger-a', [noted('c1', 'nèé', 1)], 'no_stream')());
    rightOrThrow(await store.appendToStream('ledger-b', [tallied('c2', 2, ['x']), tallied('c2', 3, ['y'], 1)], 'no_stream')());
    rightOrThrow(await store.appendToStream('ledger-a', [noted('c3', 'three', 3)], 0n)());
    await store.close();
    const elsewhere = await everything(other, { from: point });
    expect(elsewhere).toHaveLength(1);
    const gone = leftOrThrow(elsewhere[0] as E.Either<StoreError, unknown>);
    expect(gone).toMatchObject({ _tag: 'JournalResumePointGone', file: other });
    expect(gone._tag === 'JournalResumePointGone' && gone.reason).toContain('hash differs');
  });

  it("applies the store's limits: a batch larger than its largest append is corruption at the batch's first line", async () => {
    const file = join(await newDir(), 'journal.ndjson');
    await appendThree(file);
    expect((await everything(file)).at(-1)).toMatchObject(E.right({ _tag: 'End' }));
    const limited = await everything(file, { limits: { ...defaultStoreLimits, maxEventsPerAppend: 1 } });
    expect(limited.at(-1)).toMatchObject(E.left({ _tag: 'JournalCorrupt', file, line: 2 }));
  });
});

describe('writeJournalFile', () => {
  it("writes the file a store's appends write, byte for byte, which a store opens and reads back with positions from 0", async () => {
    const dir = await newDir();
    const appended = join(dir, 'appended.ndjson');
    await appendThree(appended);
    const file = join(dir, 'written.ndjson');
    const written = rightOrThrow(await writeJournalFile(file, threeAppendsRecorded())());
    expect(await readFile(file)).toEqual(await readFile(appended));
    const store = await openJournalOrThrow(file, { readOnly: true });
    expect(written).toEqual({ file, lines: 4, batches: 3, head: store.recovery.head, bytes: (await readFile(file)).length });
    expect(await readAllEvents(store)).toEqual(threeAppendsRecorded().map((event, index) => ({ ...event, position: BigInt(index) })));
    await store.close();
  });

  it('reads an async source as a sync one', async () => {
    const dir = await newDir();
    async function* source(): AsyncGenerator<RecordedEvent<JournalTestEvent>> {
      for (const event of threeAppendsRecorded()) yield await Promise.resolve(event);
    }
    rightOrThrow(await writeJournalFile(join(dir, 'async.ndjson'), source())());
    rightOrThrow(await writeJournalFile(join(dir, 'sync.ndjson'), threeAppendsRecorded())());
    expect(await readFile(join(dir, 'async.ndjson'))).toEqual(await readFile(join(dir, 'sync.ndjson')));
  });

  it('never writes over a file, and leaves none behind when its source fails', async () => {
    const dir = await newDir();
    const taken = join(dir, 'taken.ndjson');
    await writeFile(taken, 'not a journal\n');
    expect(await writeJournalFile(taken, threeAppendsRecorded())()).toMatchObject(E.left({ _tag: 'InvalidStoreArgument', operation: `write journal ${taken}` }));
    expect(await readFile(taken, 'utf8')).toBe('not a journal\n');

    function* failing(): Generator<RecordedEvent<JournalTestEvent>> {
      yield* threeAppendsRecorded().slice(0, 2);
      throw new Error('the source broke');
    }
    const broken = join(dir, 'broken.ndjson');
    expect(await writeJournalFile(broken, failing())()).toMatchObject(E.left({ _tag: 'StoreUnavailable', reason: 'the source broke' }));
    expect(await readdir(dir)).toEqual(['taken.ndjson']);
  });

  it('writes events as given, unchecked: an event its registry refuses is found by the reader at its line', async () => {
    const file = join(await newDir(), 'bad.ndjson');
    const events = threeAppendsRecorded();
    events[2] = { ...(events[2] as RecordedEvent<JournalTestEvent>), event: { type: 'Tallied', data: { count: 'three', tags: ['y'] } } as never };
    rightOrThrow(await writeJournalFile(file, events)());
    const error = leftOrThrow(await openJournalStore(journalRegistry, { file, readOnly: true })());
    expect(error).toMatchObject({ _tag: 'JournalCorrupt', file, line: 3 });
    expect(error._tag === 'JournalCorrupt' && error.reason).toContain("is invalid at 'data.count'");
  });
});
