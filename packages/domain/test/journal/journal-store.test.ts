import { access, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import {
  GENESIS_HASH,
  createRegistry,
  defineEvent,
  encodeJournalLine,
  openJournalStore,
  type EventMetadata,
  type StoreError,
} from '../../src/eventsourcing/index.js';
import { leftOrThrow, metadataOf, noted, rightOrThrow, tallied } from './fixtures/journal-fixture.js';
import { journalLines, openJournal, openJournalOrThrow, readAllEvents, readJournalFile, useTempDirs } from './journal-test-kit.js';

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
    expect(store.recovery.tornTail).toEqual({ line: 5, bytes: torn.length });
    expect(store.recovery).toMatchObject({ lines: 4, completeBytes: complete.length });
    expect((await readAllEvents(store)).map((e) => e.metadata.commandId)).toEqual(['c1', 'c2', 'c3', 'c3']);
    const savedTo = store.recovery.tornTailSavedTo;
    expect(savedTo).toBeDefined();
    expect(await readFile(savedTo!)).toEqual(torn);
    expect(await readFile(file)).toEqual(complete);

    // the stream revision the torn line would have taken is free again
    rightOrThrow(await store.appendToStream('ledger-b', [noted('c7', 'after the cut ✓', 7)], 0n)());
    await store.close();
    const checked = rightOrThrow(await readJournalFile(file));
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
    expect(store.recovery.tornTail).toEqual({ line: 5, bytes: torn.length });
    expect(await readFile(store.recovery.tornTailSavedTo!)).toEqual(torn);
    await store.close();
  });

  it('a whole line without its newline is still a torn line', async () => {
    const { file, torn } = await tornSample((line) => line.length - 1);
    const store = await openJournalOrThrow(file);
    expect(store.recovery.tornTail).toEqual({ line: 5, bytes: torn.length });
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
      tornTail: { line: 5, bytes: torn.length },
      tornTailSavedTo: undefined,
    });
    expect(await readAllEvents(reader)).toHaveLength(4);
    await reader.close();
    expect(await readFile(file)).toEqual(before);
    expect(await readdir(dir)).toEqual(entries);
  });
});
