import { readFile, rm, writeFile } from 'node:fs/promises';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describeStoreError, writeJournalFile, type EventMetadata, type RecordedEvent } from '@borough-command/domain/eventsourcing';
import { badStoredEventArbitrary, type BadStoredEvent, type StoredEventSample } from './bad-events.js';
import type { BreakOptions } from './broken-values.js';

/** How a journal was damaged. */
export type JournalDamageKind = 'random bytes' | 'line cut short' | 'byte changed' | 'line copied' | 'line deleted' | `event: ${BadStoredEvent['kind']}`;

/** A journal file with one damage, and the first line a reader must name. */
export interface DamagedJournal {
  readonly kind: JournalDamageKind;
  /** Writes the damaged journal to `file`, in place of any file there, and answers the bytes written. */
  readonly write: (file: string) => Promise<Uint8Array>;
  /** The first bad line, from 1. */
  readonly line: number;
  /** For a line whose hash is right but whose event is bad: where its decoding error points. */
  readonly event: { readonly stream: string; readonly revision: bigint; readonly bad: BadStoredEvent } | undefined;
}

/** A journal's bytes ending in a torn tail: bytes after the last newline that no append finished. */
export interface TornJournal {
  readonly kind: 'random bytes' | 'line cut short';
  readonly bytes: Uint8Array;
  /** The line number of the torn tail: one past the journal's lines. */
  readonly line: number;
  readonly tailBytes: number;
}

interface ParsedLine {
  readonly prev: string;
  readonly stream: string;
  readonly revision: string;
  readonly position: string;
  readonly batch: readonly [number, number];
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const joinLines = (lines: readonly Uint8Array[]): Uint8Array => {
  const total = lines.reduce((sum, line) => sum + line.length + 1, 0);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const line of lines) {
    bytes.set(line, offset);
    offset += line.length;
    bytes[offset] = 0x0a;
    offset += 1;
  }
  return bytes;
};

const bytesWithoutNewline = (minLength: number, maxLength: number): fc.Arbitrary<Uint8Array> =>
  fc.uint8Array({ minLength, maxLength }).map((bytes) => bytes.map((byte) => (byte === 0x0a ? 0x0b : byte)));

/** The stored events of journal lines, as samples for `badStoredEventArbitrary`. */
export const journalLineSamples = (lines: readonly string[]): readonly StoredEventSample[] =>
  lines.map((line) => {
    const parsed = JSON.parse(line) as ParsedLine;
    return { type: parsed.type, data: parsed.data, metadata: parsed.metadata };
  });

/** The event a journal line holds, as recorded: what `writeJournalFile` writes the line from again. */
const recordedOf = (line: string): RecordedEvent => {
  const parsed = JSON.parse(line) as ParsedLine;
  return {
    stream: parsed.stream,
    revision: BigInt(parsed.revision),
    position: BigInt(parsed.position),
    event: { type: parsed.type, data: parsed.data },
    metadata: parsed.metadata,
  };
};

/** The deepest nesting of a bad event: `writeJournalFile` writes its data with `JSON.stringify`, which recurses, and stops some thousands of levels down. */
const MAX_BAD_EVENT_DEPTH = 1000;

/** Writes bytes to `file`, in place of any file there, and answers them. */
const writeBytes = async (file: string, bytes: Uint8Array): Promise<Uint8Array> => {
  await writeFile(file, bytes);
  return bytes;
};

/**
 * Writes the journal again with line `index`'s event made bad, through the journal store's
 * `writeJournalFile`: its hash, chain, position, revision and batch are right, only its event is
 * wrong. The bad data and metadata are written as their JSON text reads (`JSON.parse`), so a
 * `__proto__` key in them stays an own key.
 */
const writeWithBadEvent = async (file: string, lines: readonly string[], index: number, bad: BadStoredEvent): Promise<Uint8Array> => {
  const events = lines.map(recordedOf);
  const original = events[index] as RecordedEvent;
  events[index] = {
    ...original,
    event: { type: bad.type, data: JSON.parse(bad.dataText) as unknown },
    metadata: JSON.parse(bad.metadataText) as EventMetadata,
  };
  await rm(file, { force: true });
  const written = await writeJournalFile(file, events)();
  if (E.isLeft(written)) throw new Error(describeStoreError(written.left));
  return new Uint8Array(await readFile(file));
};

/**
 * A journal (given as its complete lines, without newlines) damaged once: random bytes inserted
 * or in place of a line, a line cut short, one byte changed, a line copied elsewhere, a line
 * deleted (not the last: a journal cut back to a batch is a shorter journal), or a line rewritten
 * with a bad event and a right hash (the journal written again with `writeJournalFile`: its
 * batches must be the events of one command in one stream, as a store and `writeJournalFile` make
 * them; a bad event nests 1,000 levels at most). Comes with the first line a reader must name;
 * `write` puts it in a file.
 */
export const damagedJournalArbitrary = (lines: readonly string[], options: BreakOptions = {}): fc.Arbitrary<DamagedJournal> => {
  if (lines.length < 2) throw new Error('damagedJournalArbitrary needs a journal of two lines or more');
  const encoded = lines.map(utf8);
  const index = fc.integer({ min: 0, max: lines.length - 1 });
  const plain = (kind: JournalDamageKind, bytes: readonly Uint8Array[], line: number): DamagedJournal => {
    const joined = joinLines(bytes);
    return { kind, write: (file) => writeBytes(file, joined), line, event: undefined };
  };
  const randomBytes = fc
    .tuple(fc.integer({ min: 0, max: lines.length }), bytesWithoutNewline(0, 400), fc.boolean())
    .map(([at, junk, replace]) => plain('random bytes', [...encoded.slice(0, at), junk, ...encoded.slice(replace && at < lines.length ? at + 1 : at)], at + 1));
  const cutShort = index.chain((at) =>
    fc.integer({ min: 0, max: (encoded[at] as Uint8Array).length - 1 }).map((length) =>
      plain('line cut short', [...encoded.slice(0, at), (encoded[at] as Uint8Array).subarray(0, length), ...encoded.slice(at + 1)], at + 1),
    ),
  );
  const byteChanged = index.chain((at) =>
    fc.tuple(fc.integer({ min: 0, max: (encoded[at] as Uint8Array).length - 1 }), fc.integer({ min: 1, max: 254 })).map(([offset, shift]) => {
      const changed = Uint8Array.from(encoded[at] as Uint8Array);
      let byte = ((changed[offset] as number) + shift) % 256;
      if (byte === 0x0a) byte = (byte + 1) % 256;
      if (byte === changed[offset]) byte = (byte + 1) % 256;
      changed[offset] = byte;
      return plain('byte changed', [...encoded.slice(0, at), changed, ...encoded.slice(at + 1)], at + 1);
    }),
  );
  const copied = fc
    .tuple(fc.integer({ min: 0, max: lines.length }), index)
    .filter(([at, from]) => at !== from)
    .map(([at, from]) => plain('line copied', [...encoded.slice(0, at), encoded[from] as Uint8Array, ...encoded.slice(at)], at + 1));
  const deleted = fc.integer({ min: 0, max: lines.length - 2 }).map((at) => plain('line deleted', [...encoded.slice(0, at), ...encoded.slice(at + 1)], at + 1));
  const badEvent = index.chain((at) => {
    const parsed = JSON.parse(lines[at] as string) as ParsedLine;
    const eventOptions = { ...options, maxDepth: Math.min(options.maxDepth ?? MAX_BAD_EVENT_DEPTH, MAX_BAD_EVENT_DEPTH) };
    return badStoredEventArbitrary(journalLineSamples([lines[at] as string]), eventOptions).map(
      (bad): DamagedJournal => ({
        kind: `event: ${bad.kind}`,
        write: (file) => writeWithBadEvent(file, lines, at, bad),
        line: at + 1,
        event: { stream: parsed.stream, revision: BigInt(parsed.revision), bad },
      }),
    );
  });
  return fc.oneof(
    { arbitrary: randomBytes, weight: 1 },
    { arbitrary: cutShort, weight: 1 },
    { arbitrary: byteChanged, weight: 1 },
    { arbitrary: copied, weight: 1 },
    { arbitrary: deleted, weight: 1 },
    { arbitrary: badEvent, weight: 5 },
  );
};

/** A whole journal (given as its complete lines) followed by a torn tail: random bytes or the start of a line, with no newline. */
export const tornJournalArbitrary = (lines: readonly string[]): fc.Arbitrary<TornJournal> => {
  const whole = joinLines(lines.map(utf8));
  const withTail = (kind: TornJournal['kind'], tail: Uint8Array): TornJournal => {
    const bytes = new Uint8Array(whole.length + tail.length);
    bytes.set(whole);
    bytes.set(tail, whole.length);
    return { kind, bytes, line: lines.length + 1, tailBytes: tail.length };
  };
  return fc.oneof(
    bytesWithoutNewline(1, 400).map((tail) => withTail('random bytes', tail)),
    fc.constantFrom(...lines.map(utf8)).chain((line) => fc.integer({ min: 1, max: line.length - 1 }).map((length) => withTail('line cut short', line.subarray(0, length)))),
  );
};
