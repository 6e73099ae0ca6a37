/**
 * The limits on input, at their edges: text and id lengths and characters, stream names, metadata
 * fields, journal lines (the longest line a store can write is one a reader accepts).
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRegistry, defineEvent } from '../../src/eventsourcing/codec-registry.js';
import { decodeCommand } from '../../src/borough-command/domain-commands.js';
import { defaultStoreLimits, journalLineLimit, MAX_METADATA_FIELD_LENGTH } from '../../src/eventsourcing/store-limits.js';
import { deriveEventId } from '../../src/eventsourcing/event-id.js';
import { IdCodec, TextCodec } from '../../src/shared/text.js';
import { openJournalStore } from '../../src/eventsourcing/journal/journal-store.js';
import { readJournal } from '../../src/eventsourcing/journal/journal-reader.js';
import type { StoreError } from '../../src/eventsourcing/errors.js';

const reasonOf = (codec: t.Decoder<unknown, unknown>, value: unknown): string | undefined => {
  const decoded = codec.decode(value);
  return E.isLeft(decoded) ? (decoded.left[0]?.message ?? 'refused') : undefined;
};

describe('limits of text and ids', () => {
  it('text holds 1 to 2000 characters, tabs and line breaks included, and says why it refuses the rest', () => {
    expect(reasonOf(TextCodec, 'x'.repeat(2000))).toBeUndefined();
    expect(reasonOf(TextCodec, 'first line\n\tsecond line\r\n')).toBeUndefined();
    expect(reasonOf(TextCodec, 'Sa\u00EFd \uD83D\uDE00')).toBeUndefined();
    expect(reasonOf(TextCodec, 'x'.repeat(2001))).toBe('is 2001 characters long; text may have at most 2000');
    expect(reasonOf(TextCodec, ' \u3000 ')).toBe('is empty or only white space; text needs at least one visible character');
    expect(reasonOf(TextCodec, 'abc\u0000def')).toBe('has the control character U+0000 at character 4; text may hold no control character but tab and line breaks');
    expect(reasonOf(TextCodec, 'red \u001B[31m')).toContain('U+001B at character 5');
    expect(reasonOf(TextCodec, 'half \uD800 pair')).toContain('has a lone surrogate U+D800 at character 6: it is not valid Unicode');
  });

  it('an id holds 1 to 200 characters counted as code points, none a control character, no white space around it', () => {
    expect(reasonOf(IdCodec, '\uD83D\uDE00'.repeat(200))).toBeUndefined();
    expect(reasonOf(IdCodec, '\uD83D\uDE00'.repeat(201))).toBe('is longer than 200 characters, the most an id may have');
    expect(reasonOf(IdCodec, '')).toBe('is empty; an id needs 1 to 200 characters');
    expect(reasonOf(IdCodec, 'a\tb')).toBe('has the control character U+0009 at character 2; an id may hold no control character');
    expect(reasonOf(IdCodec, '\uDFFFid')).toContain('lone surrogate U+DFFF at character 1');
    expect(reasonOf(IdCodec, ' camden')).toBe('starts or ends with white space; an id may not');
  });

  it('an id that makes its stream name longer than the stores take is refused at decoding, naming the field', () => {
    const open = (processId: string): unknown => ({
      type: 'OpenAppointmentProcess', commandId: 'c', at: '2012-03-01', processId,
      unit: { kind: 'borough', name: 'Camden' }, role: 'borough-commander', areaCommander: 'Cdr',
    });
    const longest = 'p'.repeat(defaultStoreLimits.maxStreamNameLength - 'appointment-'.length);
    expect(E.isRight(decodeCommand(open(longest)))).toBe(true);
    expect(decodeCommand(open(`${longest}p`))).toMatchObject(
      E.left({ _tag: 'InvalidCommand', path: 'processId', reason: 'makes the stream name 201 characters long; a stream name may have at most 200' }),
    );
  });
});

const Note = t.type({ text: t.string });
const registry = createRegistry([defineEvent('Noted', Note)]);
const metadata = (command: string, extra: Record<string, string> = {}) => ({
  eventId: deriveEventId(command, 0),
  commandId: command,
  correlationId: command,
  causationId: command,
  actor: 'limits',
  recordedAt: '2020-01-01T00:00:00.000Z',
  ...extra,
});

describe('limits of journal lines and metadata', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'borough-command-limits-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('the journal line limit is 3 bytes per unit of event data, 6 per character of stream name, and 1 MiB more', () => {
    expect(journalLineLimit(defaultStoreLimits)).toBe(3 * 1_048_576 + 6 * 200 + 1_048_576);
    expect(journalLineLimit({ ...defaultStoreLimits, maxEventBytes: 10 })).toBe(30 + 1200 + 1_048_576);
  });

  it('the longest line a journal store writes, event data of 3-byte characters at its limit and metadata fields escaped at theirs, reads back', async () => {
    const file = join(dir, 'largest.ndjson');
    const opened = await openJournalStore(registry, { file })();
    if (E.isLeft(opened)) throw new Error(opened.left._tag);
    const text = '\u5B57'.repeat(defaultStoreLimits.maxEventBytes - JSON.stringify({ text: '' }).length);
    const escaped = '\u0001'.repeat(MAX_METADATA_FIELD_LENGTH);
    const appended = await opened.right.appendToStream(
      's'.repeat(defaultStoreLimits.maxStreamNameLength),
      [{ event: { type: 'Noted', data: { text } }, metadata: metadata('largest', { actor: escaped, correlationId: escaped, causationId: escaped }) }],
      'no_stream',
    )();
    expect(E.isRight(appended)).toBe(true);
    await opened.right.close();
    const reopened = await openJournalStore(registry, { file, readOnly: true })();
    expect(E.isRight(reopened) && reopened.right.recovery.lines).toBe(1);
  });

  it('a metadata field longer than 1000 characters is refused before anything is written', async () => {
    const file = join(dir, 'actor.ndjson');
    const opened = await openJournalStore(registry, { file })();
    if (E.isLeft(opened)) throw new Error(opened.left._tag);
    const appended = await opened.right.appendToStream('notes', [{ event: { type: 'Noted', data: { text: 'x' } }, metadata: metadata('long-actor', { actor: 'a'.repeat(1001) }) }], 'no_stream')();
    await opened.right.close();
    expect(appended).toMatchObject(E.left({ _tag: 'EventDecodeFailed', stream: 'notes', path: 'metadata.actor' }));
    expect(await readdir(dir)).toEqual([]);
  });

  const firstError = async (file: string, chunkBytes?: number): Promise<StoreError | undefined> => {
    for await (const page of readJournal(registry, file, chunkBytes === undefined ? {} : { chunkBytes })) if (E.isLeft(page)) return page.left;
    return undefined;
  };

  it('a line longer than the limit is corrupt, named by number, whether it ends with a newline or is the unfinished last one', async () => {
    const limit = journalLineLimit(defaultStoreLimits);
    const tooLong = 'x'.repeat(limit + 1);
    const reason = `the line is longer than ${String(limit)} bytes, the longest a journal store writes`;
    const middle = join(dir, 'middle.ndjson');
    await writeFile(middle, `${tooLong}\nsecond\n`);
    expect(await firstError(middle)).toEqual({ _tag: 'JournalCorrupt', file: middle, line: 1, reason });
    const last = join(dir, 'last.ndjson');
    await writeFile(last, tooLong);
    // read in small chunks, the line is refused once the part held passes the limit, not at the end of the file
    expect(await firstError(last, 65_536)).toEqual({ _tag: 'JournalCorrupt', file: last, line: 1, reason });
    const opened = await openJournalStore(registry, { file: last })();
    expect(opened).toMatchObject(E.left({ _tag: 'JournalCorrupt', line: 1 }));
  });
});
