/** The limits of a command file at their edges: line length, UTF-8, file size, through `decodeCommandLines`, `readCommandFile` and `apply`. */
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeCommandLines, defaultCommandFileLimits, readCommandFile } from '../../src/cli/command-file.js';
import { main } from '../../src/main.js';
import { capturedIo } from './support/captured-io.js';

const command = (id: string): string =>
  JSON.stringify({ type: 'AttachRoleDescription', commandId: id, at: '2012-04-02', processId: 'camden-2012', version: 1 });

/** A valid command padded with spaces to exactly `bytes` bytes. */
const paddedTo = (id: string, bytes: number): string => command(id).padEnd(bytes, ' ');

describe('limits of a command file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'borough-command-file-limits-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('a line of 64 KiB is read; one byte more is refused unread as (line), in text and in bytes', () => {
    const { maxLineBytes } = defaultCommandFileLimits;
    expect(maxLineBytes).toBe(65_536);
    const text = `${paddedTo('fits', maxLineBytes)}\n${paddedTo('too-long', maxLineBytes + 1)}`;
    const refused = [{ line: 2, field: '(line)', reason: 'the line is 65537 bytes; a command line may have at most 65536 bytes' }];
    expect(decodeCommandLines(text)).toEqual(E.left(refused));
    expect(decodeCommandLines(new TextEncoder().encode(text))).toEqual(E.left(refused));
    // three-byte characters count as three bytes
    expect(decodeCommandLines(`${command('x')}${'\u5B57'.repeat(21_846)}`)).toMatchObject(E.left([{ line: 1, field: '(line)' }]));
  });

  it('bytes that are not UTF-8 are refused as (utf-8) on their own line, never replaced', () => {
    const bytes = Buffer.concat([Buffer.from(`${command('a')}\n{"type":"`), Buffer.from([0xff]), Buffer.from(`"}\n${command('b')}\n`)]);
    expect(decodeCommandLines(bytes)).toEqual(E.left([{ line: 2, field: '(utf-8)', reason: 'the line is not valid UTF-8' }]));
  });

  it('a file larger than the limit is refused before it is read, with its size', async () => {
    const file = join(dir, 'large.ndjson');
    const content = `${command('a')}\n`;
    await writeFile(file, content);
    expect(E.isRight(await readCommandFile(file))).toBe(true);
    expect(await readCommandFile(file, { ...defaultCommandFileLimits, maxFileBytes: 10 })).toEqual(
      E.left({ _tag: 'CliFailure', kind: 'input', message: `${file} is ${String(Buffer.byteLength(content))} bytes; a command file may have at most 10 bytes: split it into several files` }),
    );
  });

  it('apply refuses a file over 64 MiB with exit 2 and creates no journal', async () => {
    const file = join(dir, 'huge.ndjson');
    await writeFile(file, '');
    await truncate(file, defaultCommandFileLimits.maxFileBytes + 1);
    const { io, err } = capturedIo();
    expect(await main(['apply', file, '--journal', join(dir, 'journal.ndjson')], io)).toBe(2);
    expect(err[0]).toBe(`borough-command apply: ${file} is 67108865 bytes; a command file may have at most 67108864 bytes: split it into several files`);
  });
});
