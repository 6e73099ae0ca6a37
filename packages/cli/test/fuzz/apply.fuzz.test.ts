/**
 * Bad command files through `borough-command apply`, run in the test process through `main`: every
 * bad line is named `file:line: field: reason`, the exit code is 2, the journal is not created or
 * is left byte for byte as it was, and no prototype changes.
 */
import { access, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFuzzTally, fuzzRuns, fuzzTimeout, prototypePollution, prototypeSnapshot, writeSampleJournal } from '@borough-command/test-machinery';
import { main } from '../../src/main.js';
import { commandFileArbitrary, fileBytes } from './support/bad-lines.js';
import { capturedIo } from './support/captured-io.js';

const RUNS = fuzzRuns(200);
const TIMEOUT = fuzzTimeout(RUNS, 5);
const tally = createFuzzTally('borough-command apply (in process), bad lines');
const files = createFuzzTally('borough-command apply (in process), files');

let dir: string;
let journal: string;
let journalBytes: Buffer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'borough-command-apply-fuzz-'));
  journal = join(dir, 'existing.ndjson');
  await writeSampleJournal(journal);
  journalBytes = await readFile(journal);
});
afterAll(async () => {
  console.log(`fuzz ${files.summary()}`);
  console.log(`fuzz ${tally.summary()}`);
  await rm(dir, { recursive: true, force: true });
});

const exists = (file: string): Promise<boolean> => access(file).then(() => true, () => false);
const REPORT = /^(.*):(\d+): (.*?): (.*)$/;

describe('fuzz: command files through borough-command apply', () => {
  it('fuzz: every bad line is named file:line: field, exit 2, and the journal is neither created nor changed', async () => {
    const commands = join(dir, 'commands.ndjson');
    await fc.assert(
      fc.asyncProperty(commandFileArbitrary, fc.boolean(), async (lines, onExisting) => {
        const before = prototypeSnapshot();
        const target = onExisting ? journal : join(dir, 'new.ndjson');
        await writeFile(commands, fileBytes(lines));
        const listing = await readdir(dir);
        const { io, out, err } = capturedIo();

        const code = await main(['apply', commands, '--journal', target, '--actor', 'fuzz'], io);
        files.count(onExisting ? 'onto an existing journal' : 'onto no journal');
        expect(code).toBe(2);
        expect(out).toEqual([]);
        const reported = err.flatMap((line) => {
          const match = REPORT.exec(line);
          return match === null || match[1] !== commands ? [] : [{ line: Number(match[2]), field: match[3] ?? '', reason: match[4] ?? '' }];
        });
        const bad = lines.flatMap((line, index) => (line.expect === undefined ? [] : [{ number: index + 1, line }]));
        expect(reported.map((report) => report.line)).toEqual(bad.map((entry) => entry.number));
        for (const [index, { line }] of bad.entries()) {
          tally.count(line.kind);
          const report = reported[index];
          expect(line.expect?.(report?.field ?? ''), `${line.kind}: field '${report?.field ?? ''}'`).toBe(true);
          expect(report?.reason.length).toBeGreaterThan(0);
        }
        expect(err.at(-1)).toContain(`in ${commands}; nothing was applied`);

        expect(await readdir(dir)).toEqual(listing);
        if (onExisting) expect((await readFile(journal)).equals(journalBytes)).toBe(true);
        else expect(await exists(target)).toBe(false);
        expect(prototypePollution(before)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});
