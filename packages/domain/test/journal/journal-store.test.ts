import { createHash } from 'node:crypto';
import { access, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, encodeJournalLine } from '../../src/eventsourcing/journal/journal-line.js';
import { createRegistry, defineEvent } from '../../src/eventsourcing/codec-registry.js';
import { defaultStoreLimits } from '../../src/eventsourcing/store-limits.js';
import { openJournalStore } from '../../src/eventsourcing/journal/journal-store.js';
import type { EventMetadata } from '../../src/eventsourcing/envelope.js';
import type { StoreError } from '../../src/eventsourcing/errors.js';
import type { TornTail } from '../../src/eventsourcing/journal/journal-reader.js';
import { leftOrThrow, metadataOf, noted, rightOrThrow, tallied } from './fixtures/journal-fixture.js';
import {
  handWrittenLines,
  journalLines,
  openJournal,
  openJournalOrThrow,
  readAllEvents,
  readJournalToEnd,
  useTempDirs,
  type HandWrittenEvent,
} from './journal-test-kit.js';

const newDir = useTempDirs('journal-store');

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

/** Five lines over two streams: a0, b0, a1, a2 (a Tallied), b1; each Noted carries non-ASCII text. */
const writeSample = async (file: string): Promise<void> => {
  const store = await openJournalOrThrow(file);
  rightOrThrow(await store.appendToStream('ledger-a', [noted('c1', 'Zoë – €1', 1)], 'no_stream')());
  rightOrThrow(await store.appendToStream('ledger-b', [noted('c2', 'naïve café', 2)], 'no_stream')());
  rightOrThrow(await store.appendToStream('ledger-a', [noted('c3', '東京 🚓', 3), tallied('c3', 4, ['ß', 'x'], 1)], 0n)());
  rightOrThrow(await store.appendToStream('ledger-b', [noted('c5', 'end', 5)], 0n)());
  await store.close();
};

const corruptionOf = (error: StoreError): { readonly file: string; readonly line: number; readonly reason: string } => {
  if (error._tag !== 'JournalCorrupt') throw new Error(`expected JournalCorrupt, got ${error._tag}`);
  return error;
};

const rewriteLines = async (file: string, change: (lines: string[]) => string[]): Promise<void> => {
  const lines = await journalLines(file);
  await writeFile(file, change(lines).map((line) => `${line}\n`).join(''));
};

describe('journal store: append and reopen', () => {
  it('gives back the same events, metadata, revisions and positions after reopening', async () => {
    const file = join(await newDir(), 'journal.ndjson');
    await writeSample(file);
    const first = await openJournalOrThrow(file, { readOnly: true });
    const before = await readAllEvents(first);
    await first.close();

    expect(before.map((e) => [e.stream, e.revision, e.position])).toEqual([
      ['ledger-a', 0n, 0n],
      ['ledger-b', 0n, 1n],
      ['ledger-a', 1n, 2n],
      ['ledger-a', 2n, 3n],
      ['ledger-b', 1n, 4n],
    ]);
    expect(before[2]?.event).toEqual({ type: 'Noted', data: { text: '東京 🚓', n: 3 } });
    expect(before[3]?.event).toEqual({ type: 'Tallied', data: { count: 4, tags: ['ß', 'x'] } });
    expect(before[3]?.metadata).toEqual({ ...metadataOf('c3', 1), schemaVersion: 1 });

    const store = await openJournalOrThrow(file);
    expect(store.recovery).toMatchObject({ lines: 5, tornTail: undefined, tornTailSavedTo: undefined });
    expect(await readAllEvents(store, 2)).toEqual(before);
    expect(rightOrThrow(await store.readStream('ledger-b')())).toEqual([before[1], before[4]]);
    expect(rightOrThrow(await store.readStream('ledger-a', { direction: 'backwards', maxCount: 1 })())).toEqual([before[3]]);

    // appends continue the chain, the positions and the revisions of the reopened journal
    expect(rightOrThrow(await store.appendToStream('ledger-a', [noted('c6', 'more', 6)], 2n)())).toEqual({
      nextExpectedRevision: 3n,
      position: 5n,
      written: 1,
    });
    // a retried append of events already in the file is recognised and writes nothing
    expect(rightOrThrow(await store.appendToStream('ledger-b', [noted('c5', 'end', 5)], 0n)())).toEqual({
      nextExpectedRevision: 1n,
      position: 4n,
      written: 0,
    });
    await store.close();
    expect(await journalLines(file)).toHaveLength(6);
    const again = await openJournalOrThrow(file, { readOnly: true });
    expect((await readAllEvents(again)).slice(0, 5)).toEqual(before);
    await again.close();
  });

  it('opens a missing file as an empty journal and creates it on the first append', async () => {
    const file = join(await newDir(), 'journal.ndjson');
    const reader = await openJournalOrThrow(file, { readOnly: true });
    expect(reader.recovery).toMatchObject({ lines: 0, head: GENESIS_HASH, completeBytes: 0, tornTail: undefined });
    await reader.close();

    const store = await openJournalOrThrow(file);
    expect(store.recovery).toMatchObject({ lines: 0, head: GENESIS_HASH, tornTail: undefined });
    expect(await readAllEvents(store)).toEqual([]);
    expect(leftOrThrow(await store.readStream('ledger-a')())).toEqual({ _tag: 'StreamNotFound', stream: 'ledger-a' });
    expect(await exists(file)).toBe(false);

    rightOrThrow(await store.appendToStream('ledger-a', [noted('c1', 'first', 1)], 'no_stream')());
    expect(await journalLines(file)).toHaveLength(1);
    await store.close();
    const reopened = await openJournalOrThrow(file, { readOnly: true });
    expect((await readAllEvents(reopened)).map((e) => e.event)).toEqual([{ type: 'Noted', data: { text: 'first', n: 1 } }]);
    await reopened.close();
  });

  it('refuses reads and appends once closed', async () => {
    const file = join(await newDir(), 'journal.ndjson');
    const store = await openJournalOrThrow(file);
    await store.close();
    expect(leftOrThrow(await store.appendToStream('ledger-a', [noted('c1', 'late', 1)], 'any')())._tag).toBe('StoreClosed');
    expect(leftOrThrow(await store.readStream('ledger-a')())._tag).toBe('StoreClosed');
    expect(await exists(file)).toBe(false);
  });

  it('a read-only store refuses appends with a typed error and leaves the file as it was', async () => {
    const file = join(await newDir(), 'journal.ndjson');
    await writeSample(file);
    const bytes = await readFile(file);
    const reader = await openJournalOrThrow(file, { readOnly: true });
    const refused = leftOrThrow(await reader.appendToStream('ledger-a', [noted('c9', 'no', 9)], 'any')());
    expect(refused).toMatchObject({ _tag: 'InvalidStoreArgument', operation: "append to stream 'ledger-a'" });
    expect(refused._tag === 'InvalidStoreArgument' && refused.reason).toContain('read-only');
    expect(rightOrThrow(await reader.readStream('ledger-a')())).toHaveLength(3);
    await reader.close();
    expect(await readFile(file)).toEqual(bytes);
  });
});

describe('journal store: tampering is a JournalCorrupt naming file and line', () => {
  const modes = [{ readOnly: false }, { readOnly: true }] as const;

  it.each(modes)('an edited data value in a middle line (readOnly: $readOnly)', async ({ readOnly }) => {
    const file = join(await newDir(), 'journal.ndjson');
    await writeSample(file);
    await rewriteLines(file, (lines) => lines.map((line, i) => (i === 2 ? line.replace('"n":3', '"n":30') : line)));
    const bytes = await readFile(file);
    const error = corruptionOf(leftOrThrow(await openJournal(file, { readOnly })));
    expect(error).toMatchObject({ file, line: 3 });
    expect(error.reason).toContain('altered');
    expect(await readFile(file)).toEqual(bytes);
    // a writer that failed to open let go of the lock
    expect(await exists(`${file}.lock`)).toBe(false);
  });

  it('an edited last line is caught by its own hash', async () => {
    const file = join(await newDir(), 'journal.ndjson');
    await writeSample(file);
    await rewriteLines(file, (lines) => lines.map((line, i) => (i === 4 ? line.replace('"text":"end"', '"text":"End"') : line)));
    const error = corruptionOf(leftOrThrow(await openJournal(file)));
    expect(error).toMatchObject({ file, line: 5 });
    expect(error.reason).toContain('altered');
  });

  it('an edited metadata field is caught', async () => {
    const file = join(await newDir(), 'journal.ndjson');
    await writeSample(file);
    await rewriteLines(file, (lines) => lines.map((line, i) => (i === 1 ? line.replace('Inspector Ødegård', 'Inspector Odegard') : line)));
    expect(corruptionOf(leftOrThrow(await openJournal(file)))).toMatchObject({ file, line: 2 });
  });

  it('a deleted middle line is reported at the line that followed it', async () => {
    const file = join(await newDir(), 'journal.ndjson');
    await writeSample(file);
    await rewriteLines(file, (lines) => lines.filter((_, i) => i !== 2));
    const error = corruptionOf(leftOrThrow(await openJournal(file)));
    expect(error).toMatchObject({ file, line: 3 });
    expect(error.reason).toContain('deleted');
  });

  it('a deleted first line is reported at line 1', async () => {
    const file = join(await newDir(), 'journal.ndjson');
    await writeSample(file);
    await rewriteLines(file, (lines) => lines.slice(1));
    const error = corruptionOf(leftOrThrow(await openJournal(file)));
    expect(error).toMatchObject({ file, line: 1 });
    expect(error.reason).toContain('first line');
  });

  it('two swapped lines are reported at the first of them', async () => {
    const file = join(await newDir(), 'journal.ndjson');
    await writeSample(file);
    await rewriteLines(file, (lines) => [lines[0]!, lines[2]!, lines[1]!, lines[3]!, lines[4]!]);
    const error = corruptionOf(leftOrThrow(await openJournal(file)));
    expect(error).toMatchObject({ file, line: 2 });
    expect(error.reason).toContain('moved');
  });

  it('a copied line (a replayed event) is reported', async () => {
    const file = join(await newDir(), 'journal.ndjson');
    await writeSample(file);
    await rewriteLines(file, (lines) => [...lines.slice(0, 3), lines[2]!, ...lines.slice(3)]);
    expect(corruptionOf(leftOrThrow(await openJournal(file)))).toMatchObject({ file, line: 4 });
  });

  it.each([
    ['text that is not JSON', 'not json at all'],
    ['an empty line', ''],
    ['a JSON object without a hash', '{"prev":"0","stream":"ledger-a"}'],
    ['control characters', '\u0000\u0001'],
  ])('garbage in the middle: %s', async (_name, garbage) => {
    const file = join(await newDir(), 'journal.ndjson');
    await writeSample(file);
    await rewriteLines(file, (lines) => [...lines.slice(0, 2), garbage, ...lines.slice(2)]);
    expect(corruptionOf(leftOrThrow(await openJournal(file)))).toMatchObject({ file, line: 3 });
  });

  it('invalid UTF-8 inside a complete line is corruption, not a torn tail', async () => {
    const file = join(await newDir(), 'journal.ndjson');
    await writeSample(file);
    const bytes = await readFile(file);
    const lines = await journalLines(file);
    const third = Buffer.byteLength(`${lines[0]!}\n${lines[1]!}\n`);
    // 0xff never appears in UTF-8: overwrite the first byte of line 3's text with it
    const at = bytes.indexOf(Buffer.from('東京'), third);
    bytes[at] = 0xff;
    await writeFile(file, bytes);
    const error = corruptionOf(leftOrThrow(await openJournal(file)));
    expect(error).toMatchObject({ file, line: 3 });
    expect(error.reason).toContain('not valid UTF-8');
  });
});

describe('journal store: lines that are intact but do not decode', () => {
  it('an unknown event type names the stream, revision and type', async () => {
    const file = join(await newDir(), 'journal.ndjson');
    await writeSample(file);
    const notedOnly = createRegistry([defineEvent('Noted', t.type({ text: t.string, n: t.number }))]);
    const error = corruptionOf(leftOrThrow(await openJournalStore(notedOnly, { file })()));
    expect(error).toMatchObject({ file, line: 4 });
    expect(error.reason).toContain("unknown event type 'Tallied'");
    expect(error.reason).toContain("stream 'ledger-a' at revision 2");
  });

  it('bad data names the stream, revision and the path inside the event', async () => {
    const file = join(await newDir(), 'journal.ndjson');
    await writeSample(file);
    const stricter = createRegistry([
      defineEvent('Noted', t.type({ text: t.string, n: t.number })),
      defineEvent('Tallied', t.type({ count: t.number, tags: t.array(t.number) })),
    ]);
    const error = corruptionOf(leftOrThrow(await openJournalStore(stricter, { file, readOnly: true })()));
    expect(error).toMatchObject({ file, line: 4 });
    expect(error.reason).toContain("stream 'ledger-a' at revision 2");
    expect(error.reason).toContain("'data.tags[0]'");
  });

  it('bad metadata names the stream, revision and the metadata field', async () => {
    const file = join(await newDir(), 'journal.ndjson');
    const { actor: _actor, ...withoutActor } = { ...metadataOf('c1'), schemaVersion: 1 };
    const { line } = encodeJournalLine(GENESIS_HASH, {
      stream: 'ledger-z',
      revision: 0n,
      position: 0n,
      batch: { index: 0, size: 1 },
      type: 'Noted',
      json: '{"text":"x","n":1}',
      metadata: withoutActor as unknown as EventMetadata,
    });
    await writeFile(file, `${line}\n`);
    const error = corruptionOf(leftOrThrow(await openJournal(file)));
    expect(error).toMatchObject({ file, line: 1 });
    expect(error.reason).toContain("stream 'ledger-z' at revision 0");
    expect(error.reason).toContain("'metadata.actor'");
  });

  it('a hand-written line in the wrong place in its stream is reported', async () => {
    const file = join(await newDir(), 'journal.ndjson');
    const { line } = encodeJournalLine(GENESIS_HASH, {
      stream: 'ledger-z',
      revision: 1n,
      position: 0n,
      batch: { index: 0, size: 1 },
      type: 'Noted',
      json: '{"text":"x","n":1}',
      metadata: { ...metadataOf('c1'), schemaVersion: 1 },
    });
    await writeFile(file, `${line}\n`);
    const error = corruptionOf(leftOrThrow(await openJournal(file)));
    expect(error).toMatchObject({ file, line: 1 });
    expect(error.reason).toContain("stream 'ledger-z' revision 1 where 0 was expected");
  });
});

describe('journal store: a torn last line', () => {
  /** The torn tail of the sample cut inside line 5, a batch of one: a partial line and no unfinished batch. */
  const partialLine5 = (torn: Buffer): TornTail => ({ line: 5, bytes: torn.length, batchLines: 0, batchBytes: 0, partialBytes: torn.length });

  /** Writes the sample and cuts the file `keep` bytes into line 5. */
  const tornSample = async (keep: (line5: Buffer) => number): Promise<{ file: string; complete: Buffer; torn: Buffer }> => {
    const file = join(await newDir(), 'journal.ndjson');
    await writeSample(file);
    const bytes = await readFile(file);
    const line5Start = bytes.lastIndexOf(0x0a, bytes.length - 2) + 1;
    const cut = line5Start + keep(bytes.subarray(line5Start));
    await writeFile(file, bytes.subarray(0, cut));
    return { file, complete: bytes.subarray(0, line5Start), torn: bytes.subarray(line5Start, cut) };
  };

  it('a writer recovers the complete lines, saves the torn bytes aside, cuts them off, and appends cleanly after', async () => {
    const { file, complete, torn } = await tornSample((line) => Math.floor(line.length / 2));
    const store = await openJournalOrThrow(file);
    expect(store.recovery.tornTail).toEqual(partialLine5(torn));
    expect(store.recovery).toMatchObject({ lines: 4, completeBytes: complete.length });
    expect((await readAllEvents(store)).map((e) => e.metadata.commandId)).toEqual(['c1', 'c2', 'c3', 'c3']);
    const savedTo = store.recovery.tornTailSavedTo;
    expect(savedTo).toBeDefined();
    expect(await readFile(savedTo!)).toEqual(torn);
    expect(await readFile(file)).toEqual(complete);

    // the stream revision the torn line would have taken is free again
    rightOrThrow(await store.appendToStream('ledger-b', [noted('c7', 'after the cut ✓', 7)], 0n)());
    await store.close();
    const checked = rightOrThrow(await readJournalToEnd(file));
    expect(checked.summary).toMatchObject({ lines: 5, tornTail: undefined });
    expect(checked.events.map((e) => [e.metadata.commandId, e.stream, e.revision, e.position])).toEqual([
      ['c1', 'ledger-a', 0n, 0n],
      ['c2', 'ledger-b', 0n, 1n],
      ['c3', 'ledger-a', 1n, 2n],
      ['c3', 'ledger-a', 2n, 3n],
      ['c7', 'ledger-b', 1n, 4n],
    ]);
  });

  it('counts the bytes of a line cut inside a multi-byte character', async () => {
    // line 5 is the Noted 'end' of ledger-b; the actor's 'Ø' is two bytes: keep only the first
    const { file, torn } = await tornSample((line) => line.indexOf(Buffer.from('Ø')) + 1);
    expect(torn[torn.length - 1]).toBe(0xc3);
    const store = await openJournalOrThrow(file);
    expect(store.recovery.tornTail).toEqual(partialLine5(torn));
    expect(await readFile(store.recovery.tornTailSavedTo!)).toEqual(torn);
    await store.close();
  });

  it('a whole line without its newline is still a torn line', async () => {
    const { file, torn } = await tornSample((line) => line.length - 1);
    const store = await openJournalOrThrow(file);
    expect(store.recovery.tornTail).toEqual(partialLine5(torn));
    expect(store.recovery.lines).toBe(4);
    await store.close();
  });

  it('a read-only open reports the torn line and changes nothing', async () => {
    const { file, complete, torn } = await tornSample(() => 10);
    const dir = join(file, '..');
    const before = await readFile(file);
    const entries = await readdir(dir);
    const reader = await openJournalOrThrow(file, { readOnly: true });
    expect(reader.recovery).toMatchObject({
      lines: 4,
      completeBytes: complete.length,
      tornTail: partialLine5(torn),
      tornTailSavedTo: undefined,
    });
    expect(await readAllEvents(reader)).toHaveLength(4);
    await reader.close();
    expect(await readFile(file)).toEqual(before);
    expect(await readdir(dir)).toEqual(entries);
  });
});

describe('journal store: an append is all or nothing across a crash', () => {
  /** Line 1: ledger-a's c1, a batch of one. Lines 2 to 4: ledger-b's c2, one append of three events. */
  const writeBatchSample = async (file: string): Promise<void> => {
    const store = await openJournalOrThrow(file);
    rightOrThrow(await store.appendToStream('ledger-a', [noted('c1', 'avant – 前', 1)], 'no_stream')());
    rightOrThrow(await store.appendToStream('ledger-b', commandC2, 'no_stream')());
    await store.close();
  };
  const commandC2 = [noted('c2', 'un', 2, 0), tallied('c2', 3, ['deux'], 1), noted('c2', 'trois – 三', 4, 2)];

  it.each([
    { cut: 'after its first complete line', partial: 0 },
    { cut: 'after its first complete line and inside its second', partial: 0.5 },
  ])('a journal cut $cut of a 3-event batch recovers without any event of that batch and reports it', async ({ partial }) => {
    const file = join(await newDir(), 'journal.ndjson');
    await writeBatchSample(file);
    const bytes = await readFile(file);
    const [line1, line2, line3] = (await journalLines(file)).map((line) => Buffer.byteLength(`${line}\n`));
    const partialBytes = Math.floor(line3! * partial);
    const cut = line1! + line2! + partialBytes;
    await writeFile(file, bytes.subarray(0, cut));
    const tornTail: TornTail = { line: 2, bytes: line2! + partialBytes, batchLines: 1, batchBytes: line2!, partialBytes };

    // a reader: the batch is not there at all, and reported; the file is left as it is
    const reader = await openJournalOrThrow(file, { readOnly: true });
    expect(reader.recovery).toEqual({ lines: 1, head: expect.any(String) as string, completeBytes: line1, tornTail, tornTailSavedTo: undefined, resumeAt: expect.objectContaining({ count: 1, head: expect.any(String) as string, bytes: line1 }) as never });
    expect((await readAllEvents(reader)).map((e) => e.metadata.commandId)).toEqual(['c1']);
    expect(leftOrThrow(await reader.readStream('ledger-b')())).toEqual({ _tag: 'StreamNotFound', stream: 'ledger-b' });
    await reader.close();
    expect(await readFile(file)).toEqual(bytes.subarray(0, cut));
    const streamed = rightOrThrow(await readJournalToEnd(file, { chunkBytes: 17, pageSize: 1 }));
    expect(streamed.events.map((e) => e.metadata.commandId)).toEqual(['c1']);
    expect(streamed.summary).toEqual({ lines: 1, head: reader.recovery.head, completeBytes: line1, tornTail, resumeAt: expect.objectContaining({ count: 1, head: reader.recovery.head, bytes: line1 }) as never });

    // a writer: the batch's bytes saved aside and cut off together with the partial line
    const store = await openJournalOrThrow(file);
    expect(store.recovery).toMatchObject({ lines: 1, completeBytes: line1, tornTail });
    expect(await readFile(store.recovery.tornTailSavedTo!)).toEqual(bytes.subarray(line1, cut));
    expect(await readFile(file)).toEqual(bytes.subarray(0, line1));
    // the command, retried, is written whole: no part of it stands in its way
    expect(rightOrThrow(await store.appendToStream('ledger-b', commandC2, 'no_stream')())).toEqual({
      nextExpectedRevision: 2n,
      position: 3n,
      written: 3,
    });
    await store.close();
    expect(await readFile(file)).toEqual(bytes);
    const checked = rightOrThrow(await readJournalToEnd(file));
    expect(checked.summary).toMatchObject({ lines: 4, completeBytes: bytes.length, tornTail: undefined });
  });

  it('a batch the file ends inside of, without a partial line, is cut whatever its size', async () => {
    // the first two lines of a batch of five, with valid hashes: only the end of the append is missing
    const file = join(await newDir(), 'journal.ndjson');
    const lines = handWrittenLines([
      { stream: 'ledger-a', revision: 0n, batch: [0, 1], command: 'h1' },
      { stream: 'ledger-b', revision: 0n, batch: [0, 5], command: 'h2' },
      { stream: 'ledger-b', revision: 1n, batch: [1, 5], command: 'h2' },
    ]);
    await writeFile(file, lines.map((line) => `${line}\n`).join(''));
    const batchBytes = Buffer.byteLength(`${lines[1]!}\n${lines[2]!}\n`);
    const store = await openJournalOrThrow(file);
    expect(store.recovery.tornTail).toEqual({ line: 2, bytes: batchBytes, batchLines: 2, batchBytes, partialBytes: 0 });
    expect(store.recovery.lines).toBe(1);
    expect((await readAllEvents(store)).map((e) => e.metadata.commandId)).toEqual(['h1']);
    await store.close();
    expect(await journalLines(file)).toEqual([lines[0]]);
  });

  it.each([{ readOnly: false }, { readOnly: true }])(
    'an unfinished batch followed by another batch in the middle of the journal is corruption (readOnly: $readOnly)',
    async ({ readOnly }) => {
      const file = join(await newDir(), 'journal.ndjson');
      const lines = handWrittenLines([
        { stream: 'ledger-a', revision: 0n, batch: [0, 1], command: 'h1' },
        { stream: 'ledger-b', revision: 0n, batch: [0, 3], command: 'h2' },
        { stream: 'ledger-b', revision: 1n, batch: [1, 3], command: 'h2' },
        { stream: 'ledger-a', revision: 1n, batch: [0, 1], command: 'h3' },
        { stream: 'ledger-a', revision: 2n, batch: [0, 1], command: 'h4' },
      ]);
      await writeFile(file, lines.map((line) => `${line}\n`).join(''));
      const bytes = await readFile(file);
      const error = corruptionOf(leftOrThrow(await openJournal(file, { readOnly })));
      expect(error).toMatchObject({ file, line: 4 });
      expect(error.reason).toContain('the batch starting at line 2 has only 2 of its 3 lines');
      expect(await readFile(file)).toEqual(bytes);
      expect(await exists(`${file}.lock`)).toBe(false);
      expect(leftOrThrow(await readJournalToEnd(file, { chunkBytes: 64 }))).toEqual(error);
    },
  );

  const ledgerA0: HandWrittenEvent = { stream: 'ledger-a', revision: 0n, batch: [0, 1], command: 'h1' };
  it.each<[string, readonly HandWrittenEvent[], number, string]>([
    [
      'an index past the end of its batch',
      [ledgerA0, { stream: 'ledger-b', revision: 0n, batch: [3, 3], command: 'h2' }],
      2,
      'at index 3 of a batch of 3',
    ],
    ['a batch of no events', [{ stream: 'ledger-b', revision: 0n, batch: [0, 0], command: 'h2' }, ledgerA0], 1, 'a batch of no events'],
    ['a batch starting at index 1', [ledgerA0, { stream: 'ledger-b', revision: 0n, batch: [1, 2], command: 'h2' }], 2, 'no batch is open'],
    [
      'a size that changes within the batch',
      [
        { stream: 'ledger-b', revision: 0n, batch: [0, 3], command: 'h2' },
        { stream: 'ledger-b', revision: 1n, batch: [1, 2], command: 'h2' },
      ],
      2,
      'batch size 2 where 3 was expected',
    ],
    [
      'an index that skips',
      [
        { stream: 'ledger-b', revision: 0n, batch: [0, 3], command: 'h2' },
        { stream: 'ledger-b', revision: 1n, batch: [2, 3], command: 'h2' },
        { stream: 'ledger-b', revision: 2n, batch: [2, 3], command: 'h2' },
      ],
      2,
      'batch index 2 where 1 was expected',
    ],
  ])('inconsistent batch fields are corruption, even on the last line: %s', async (_name, events, line, reason) => {
    const file = join(await newDir(), 'journal.ndjson');
    await writeFile(file, handWrittenLines(events).map((text) => `${text}\n`).join(''));
    const error = corruptionOf(leftOrThrow(await openJournal(file)));
    expect(error).toMatchObject({ file, line });
    expect(error.reason).toContain(reason);
  });

  it('a line without its batch field is corruption, even with a matching hash', async () => {
    const file = join(await newDir(), 'journal.ndjson');
    const [line] = handWrittenLines([ledgerA0]);
    const body = `${line!.replace('"batch":[0,1],', '').replace(/,"hash":"[0-9a-f]{64}"\}$/, '')}}`;
    expect(body).not.toContain('batch');
    const sealed = `${body.slice(0, -1)},"hash":"${createHash('sha256').update(body, 'utf8').digest('hex')}"}`;
    await writeFile(file, `${sealed}\n`);
    const error = corruptionOf(leftOrThrow(await openJournal(file)));
    expect(error).toMatchObject({ file, line: 1 });
    expect(error.reason).toContain("field 'batch'");
  });

  it('a batch larger than the store limit on events per append is corruption', async () => {
    const file = join(await newDir(), 'journal.ndjson');
    await writeBatchSample(file);
    const limits = { ...defaultStoreLimits, maxEventsPerAppend: 2 };
    const error = corruptionOf(leftOrThrow(await openJournal(file, { limits, readOnly: true })));
    expect(error).toMatchObject({ file, line: 2 });
    expect(error.reason).toContain('a batch of 3 lines is larger than the 2 events an append may hold');
    expect(leftOrThrow(await readJournalToEnd(file, { maxBatchSize: 2 }))).toEqual(error);
  });
});
