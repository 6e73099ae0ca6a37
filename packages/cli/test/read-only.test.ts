import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { fileHash, listing, temporaryFolder } from './support/files.js';
import { CAMDEN_STORY } from './support/paths.js';

let folder: { readonly path: string; readonly remove: () => Promise<void> };
let reports: { readonly path: string; readonly remove: () => Promise<void> };
let journal: string;

beforeAll(async () => {
  folder = await temporaryFolder();
  reports = await temporaryFolder();
  journal = join(folder.path, 'camden.ndjson');
  expect((await runCli(['apply', CAMDEN_STORY, '--journal', journal, '--policy', 'record'])).code).toBe(0);
});
afterAll(async () => {
  await folder.remove();
  await reports.remove();
});

/** The files of the folder but the views snapshot beside a journal, the one folder a question may write (views-snapshot.test.ts). */
const filesBesideSnapshots = async (path: string): Promise<readonly string[]> => (await listing(path)).filter((name) => !name.endsWith('.ndjson.views'));

/** Every command that only reads, with its arguments around the journal. */
const readers = (file: string): readonly (readonly string[])[] => [
  ['verify', file],
  ['replay', '--journal', file],
  ['tenure', 'Camden', '--journal', file, '--explain'],
  ['timeline', 'Camden', '--journal', file],
  ['continuity', '--journal', file, '--breaches'],
  ['accountability', 'Camden', '--as-at', '2013-01-01', '--journal', file, '--json'],
  ['compliance', '--journal', file, '--appointment', 'camden-2012'],
  ['trail', 'camden-2012', '--journal', file],
  ['report', '--journal', file, '--out', join(reports.path, 'report.html'), '--as-at', '2013-01-01'],
];

describe('the commands that only read', () => {
  it('leave the journal byte for byte as it was and take no lock: they run while another process holds the writer lock; they write nothing but the views snapshot', async () => {
    const lock = `${journal}.lock`;
    const holder = `${String(process.pid)}\n${hostname()}\n`;
    await writeFile(lock, holder);
    const hash = await fileHash(journal);
    const names = await filesBesideSnapshots(folder.path);
    for (const args of readers(journal)) {
      const run = await runCli(args);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
      expect(await fileHash(journal), args[0]).toBe(hash);
      expect(await filesBesideSnapshots(folder.path), args[0]).toEqual(names);
      expect(await readFile(lock, 'utf8'), args[0]).toBe(holder);
    }
    // The lock is real: a writer is refused while it is held.
    expect((await runCli(['apply', CAMDEN_STORY, '--journal', journal])).code).toBe(2);
  });

  it('leave a torn tail where it is (only a writer cuts it), warning that the views leave it out', async () => {
    const torn = join(folder.path, 'torn.ndjson');
    const text = await readFile(journal, 'utf8');
    await writeFile(torn, text.slice(0, text.length - 25));
    const hash = await fileHash(torn);
    const names = await listing(folder.path);
    for (const args of readers(torn)) {
      const run = await runCli(args);
      expect(run.code, args[0]).toBe(args[0] === 'verify' ? 1 : 0);
      if (args[0] !== 'verify') expect(run.stderr, args[0]).toContain('ends with a torn tail from line 19');
      expect(await fileHash(torn), args[0]).toBe(hash);
      expect(await filesBesideSnapshots(folder.path), args[0]).toEqual(names.filter((name) => !name.endsWith('.ndjson.views')));
    }
  });
});
