import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { listing, temporaryFolder } from './support/files.js';
import { CAMDEN_STORY } from './support/paths.js';

let folder: { readonly path: string; readonly remove: () => Promise<void> };
let journal: string;

beforeAll(async () => {
  folder = await temporaryFolder();
  journal = join(folder.path, 'camden.ndjson');
  expect((await runCli(['apply', CAMDEN_STORY, '--journal', journal, '--policy', 'record'])).code).toBe(0);
});
afterAll(async () => {
  await folder.remove();
});

describe('borough-command report', () => {
  it('writes the HTML report of the views, accountability as at the date given', async () => {
    const out = join(folder.path, 'camden.html');
    const run = await runCli(['report', '--journal', journal, '--out', out, '--as-at', '2013-01-01', '--title', 'Camden audit']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Wrote ${out}`);
    expect(run.stdout).toContain('accountability as at 2013-01-01, from 20 events');
    const html = await readFile(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>') || html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('Camden audit');
    expect(html).toContain('2013-01-01');
    expect(html).toContain('Ben Hale');
    // Written whole: no temporary file is left beside it.
    expect((await listing(folder.path)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('is bad input (exit 2) when the folder of --out does not exist', async () => {
    const run = await runCli(['report', '--journal', journal, '--out', join(folder.path, 'missing', 'r.html'), '--as-at', '2013-01-01']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('its directory does not exist');
  });
});
