/**
 * A fixed sample of the fuzz cases through the real executable, as a child process: the same
 * answers as in the test process, exit codes included, and no stack trace.
 */
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFuzzTally, damagedJournalArbitrary, tornJournalArbitrary, writeSampleJournal } from '@borough-command/test-machinery';
import { runExecutable as runCli, STACK_LINE } from '../support/cli.js';
import { commandFileArbitrary, fileBytes } from './support/bad-lines.js';

/** Child processes cost a Node start each: the sample is fixed, whatever the fuzz runs. */
const SAMPLE = { numRuns: 6, seed: 20_250_101 };
const tally = createFuzzTally('borough-command as a child process');

let dir: string;
let lines: readonly string[];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'borough-command-child-fuzz-'));
  lines = await writeSampleJournal(join(dir, 'sample.ndjson'));
});
afterAll(async () => {
  console.log(`fuzz ${tally.summary()}`);
  await rm(dir, { recursive: true, force: true });
});

const exists = (file: string): Promise<boolean> => access(file).then(() => true, () => false);

describe('fuzz: a fixed sample through the borough-command executable', () => {
  it('fuzz: apply names every bad line of each sampled file and exits 2, creating no journal', async () => {
    for (const [index, fileLines] of fc.sample(commandFileArbitrary, SAMPLE).entries()) {
      const commands = join(dir, `commands-${String(index)}.ndjson`);
      const journal = join(dir, `journal-${String(index)}.ndjson`);
      await writeFile(commands, fileBytes(fileLines));
      const run = await runCli(['apply', commands, '--journal', journal, '--actor', 'fuzz']);
      tally.count('apply');
      expect(run.code).toBe(2);
      expect(run.stderr).not.toMatch(STACK_LINE);
      const named = [...run.stderr.matchAll(new RegExp(`^${commands.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+): `, 'gm'))].map((match) => Number(match[1]));
      expect(named).toEqual(fileLines.flatMap((line, at) => (line.expect === undefined ? [] : [at + 1])));
      expect(await exists(journal)).toBe(false);
    }
  });

  it('fuzz: verify exits 1 naming the first bad line of each sampled damaged journal, and the torn tail of each torn one', async () => {
    for (const [index, damaged] of fc.sample(damagedJournalArbitrary(lines, { maxDepth: 1000 }), SAMPLE).entries()) {
      const file = join(dir, `damaged-${String(index)}.ndjson`);
      const bytes = await damaged.write(file);
      const run = await runCli(['verify', file]);
      tally.count('verify, damaged');
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(`FAILED: ${file}:${String(damaged.line)}: `);
      expect(run.stderr).not.toMatch(STACK_LINE);
      expect((await readFile(file)).equals(bytes)).toBe(true);
    }
    for (const [index, torn] of fc.sample(tornJournalArbitrary(lines), { ...SAMPLE, numRuns: 2 }).entries()) {
      const file = join(dir, `torn-${String(index)}.ndjson`);
      await writeFile(file, torn.bytes);
      const run = await runCli(['verify', file]);
      tally.count('verify, torn tail');
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(`FAILED: ${file}:${String(torn.line)}: the journal ends with a torn tail of ${String(torn.tailBytes)} bytes`);
      expect((await readFile(file)).equals(torn.bytes)).toBe(true);
    }
  });
});
