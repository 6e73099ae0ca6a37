import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { listing, temporaryFolder } from './support/files.js';
import { ROOT } from './support/paths.js';

let folder: { readonly path: string; readonly remove: () => Promise<void> };

beforeAll(async () => {
  folder = await temporaryFolder();
});
afterAll(async () => {
  await folder.remove();
});

/** Runs the root `start` script as `npm start` does, writing into `BOROUGH_COMMAND_OUT`. */
const npmStart = (out: string): Promise<{ readonly code: number | null; readonly stdout: string; readonly stderr: string }> =>
  new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, BOROUGH_COMMAND_OUT: out };
    delete env['FORCE_COLOR'];
    const child = spawn('npm', ['start', '--silent'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });

describe('npm start', () => {
  it(
    "writes London's journal and the HTML report into BOROUGH_COMMAND_OUT, prints the continuity figures and accountability, and says where the files are",
    async () => {
      const out = join(folder.path, 'out');
      const run = await npmStart(out);
      expect(run.code, run.stderr).toBe(0);
      const journal = join(out, 'london-2009-2019.ndjson');
      const report = join(out, 'london-report.html');
      expect(await listing(out)).toEqual(['london-2009-2019.ndjson', 'london-report.html']);
      expect(run.stdout).toContain('London-wide continuity of command (TE-2)');
      expect(run.stdout).toContain('Accountability the day before and the day each BCU went live (AC-1)');
      // Camden is a borough the day before Central North went live, and in the BCU on the day.
      expect(run.stdout).toMatch(/^Camden\s+2016-12-31\s+Camden \(borough\)/m);
      expect(run.stdout).toMatch(/^Camden\s+2017-01-01\s+Central North \(BCU\)/m);
      expect(run.stdout).toMatch(/^Westminster\s+2019-02-01\s+Central West \(BCU\)/m);
      expect(run.stdout).toContain(`journal  ${journal}`);
      expect(run.stdout).toContain(`report   ${report}`);
      expect((await runCli(['verify', journal])).code).toBe(0);
      // The commands it suggests run as shown: tenure prints a unit's postings (TE-1), continuity its figures (TE-2), no note.
      const suggested = run.stdout.split('\n').flatMap((line) => /^(?:Try: | {5})npx borough-command (.+)$/.exec(line)?.[1] ?? []);
      expect(suggested.map((line) => line.split(' ')[0])).toEqual(['tenure', 'continuity']);
      const tried = await Promise.all(suggested.map((line) => runCli(line.split(' '))));
      expect(tried.map((answer) => [answer.code, answer.stderr])).toEqual([[0, ''], [0, '']]);
      expect(tried[0]?.stdout).toContain('Camden (borough): postings and the periods between them (TE-1)');
      expect(tried[1]?.stdout).toMatch(/mean tenure\s+[\d,.]+ days/);
      expect(await readFile(report, 'utf8')).toContain('synthetic');

      // Run again: the journal is replaced, not appended to.
      const again = await npmStart(out);
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/commands\s+([\d,]+): \1 applied, 0 already there/);
    },
    180_000,
  );
});
