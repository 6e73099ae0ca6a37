import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIGEST_CHUNK, journalDigests, sameDigests } from '../../src/cli/journal-digest.js';

const MIB = 1 << 20;
let folder = '';
let file = '';
let bytes = Buffer.alloc(0);

/** The SHA-256 of bytes `from` to `to` of the file. */
const sha256Of = (from: number, to: number): string => createHash('sha256').update(bytes.subarray(from, to)).digest('hex');

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'journal-digest-'));
  file = join(folder, 'journal.ndjson');
  bytes = randomBytes(20 * MIB + 123);
  await writeFile(file, bytes);
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the digests of a journal\'s bytes before a place', () => {
  it('are the SHA-256 of each 8 MiB from the start, the last one of what is left', () => {
    expect(DIGEST_CHUNK).toBe(8 * MIB);
    const place = 20 * MIB + 100;
    expect(journalDigests(file, place)).toEqual([sha256Of(0, 8 * MIB), sha256Of(8 * MIB, 16 * MIB), sha256Of(16 * MIB, place)]);
    expect(journalDigests(file, 8 * MIB)).toEqual([sha256Of(0, 8 * MIB)]);
    expect(journalDigests(file, 5)).toEqual([sha256Of(0, 5)]);
    expect(journalDigests(file, 0)).toEqual([]);
  });

  it('keep the digests given of the whole chunks of a shorter prefix, and read only from the end of the last of them', () => {
    const known = ['a'.repeat(64), 'b'.repeat(64), 'c'.repeat(64)];
    // A prefix of 17 MiB has two whole chunks: their digests are kept as given (not read), the rest is hashed.
    expect(journalDigests(file, 20 * MIB, known, 17 * MIB)).toEqual([known[0], known[1], sha256Of(16 * MIB, 20 * MIB)]);
    // A prefix shorter than a chunk keeps nothing.
    expect(journalDigests(file, 9 * MIB, known, 7 * MIB)).toEqual([sha256Of(0, 8 * MIB), sha256Of(8 * MIB, 9 * MIB)]);
    // A place before the prefix's end keeps only the whole chunks below the place.
    expect(journalDigests(file, 8 * MIB + 7, known, 17 * MIB)).toEqual([known[0], sha256Of(8 * MIB, 8 * MIB + 7)]);
  });

  it('refuse a file shorter than the place, naming where it ends', () => {
    expect(() => journalDigests(file, bytes.length + 10)).toThrow(`ends at byte ${String(bytes.length)}, before byte ${String(bytes.length + 10)}`);
  });

  it('compare as lists', () => {
    expect(sameDigests(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameDigests(['a', 'b'], ['a'])).toBe(false);
    expect(sameDigests(['a', 'b'], ['a', 'c'])).toBe(false);
  });
});
