/**
 * Damaged journals through `borough-command verify`, run in the test process through `main`: a
 * bad line is a finding (exit 1) naming `file:line`, a torn tail too, and the file is left as it was.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFuzzTally,
  damagedJournalArbitrary,
  fuzzRuns,
  fuzzTimeout,
  prototypePollution,
  prototypeSnapshot,
  tornJournalArbitrary,
  writeSampleJournal,
} from '@borough-command/test-machinery';
import { main } from '../../src/main.js';
import { capturedIo } from './support/captured-io.js';

const RUNS = fuzzRuns(150);
const TIMEOUT = fuzzTimeout(RUNS, 10);
const damagedTally = createFuzzTally('borough-command verify (in process), damaged lines');
const tornTally = createFuzzTally('borough-command verify (in process), torn tails');

let dir: string;
let lines: readonly string[];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'borough-command-verify-fuzz-'));
  lines = await writeSampleJournal(join(dir, 'sample.ndjson'));
});
afterAll(async () => {
  console.log(`fuzz ${damagedTally.summary()}`);
  console.log(`fuzz ${tornTally.summary()}`);
  await rm(dir, { recursive: true, force: true });
});

describe('fuzz: damaged journals through borough-command verify', () => {
  it('fuzz: a bad line is a finding (exit 1) naming file:line, in text and in JSON, and the file is unchanged', async () => {
    const file = join(dir, 'damaged.ndjson');
    await fc.assert(
      fc.asyncProperty(damagedJournalArbitrary(lines, { maxDepth: 1000 }), fc.boolean(), async (damaged, json) => {
        const before = prototypeSnapshot();
        const bytes = await damaged.write(file);
        const { io, out } = capturedIo();
        const code = await main(json ? ['verify', file, '--json'] : ['verify', file], io);
        damagedTally.count(damaged.kind);
        expect(code).toBe(1);
        if (json) {
          expect(JSON.parse(out.join('\n'))).toMatchObject({ file, ok: false, problem: { line: damaged.line } });
        } else {
          expect(out.some((line) => line.startsWith(`FAILED: ${file}:${String(damaged.line)}: `))).toBe(true);
        }
        expect((await readFile(file)).equals(bytes)).toBe(true);
        expect(prototypePollution(before)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('fuzz: a torn tail is a finding (exit 1) naming the line after the last and its bytes, and the file is unchanged', async () => {
    const file = join(dir, 'torn.ndjson');
    await fc.assert(
      fc.asyncProperty(tornJournalArbitrary(lines), async (torn) => {
        const before = prototypeSnapshot();
        await writeFile(file, torn.bytes);
        const { io, out } = capturedIo();
        const code = await main(['verify', file], io);
        tornTally.count(torn.kind);
        expect(code).toBe(1);
        expect(out.some((line) => line.startsWith(`FAILED: ${file}:${String(torn.line)}: the journal ends with a torn tail of ${String(torn.tailBytes)} bytes`))).toBe(true);
        expect((await readFile(file)).equals(torn.bytes)).toBe(true);
        expect(prototypePollution(before)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});
