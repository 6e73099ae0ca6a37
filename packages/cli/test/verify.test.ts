import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, STACK_LINE } from './support/cli.js';
import { journalLines, temporaryFolder } from './support/files.js';
import { CAMDEN_STORY } from './support/paths.js';

let folder: { readonly path: string; readonly remove: () => Promise<void> };
let original: string[];

beforeAll(async () => {
  folder = await temporaryFolder();
  const journal = join(folder.path, 'original.ndjson');
  const applied = await runCli(['apply', CAMDEN_STORY, '--journal', journal, '--policy', 'record']);
  expect(applied.code).toBe(0);
  original = await journalLines(journal);
});
afterAll(async () => {
  await folder.remove();
});

/** Writes a journal made of these lines. */
const journalOf = async (name: string, lines: readonly string[], ending = '\n'): Promise<string> => {
  const file = join(folder.path, name);
  await writeFile(file, lines.join('\n') + ending);
  return file;
};

const hashOf = (line: string | undefined): string => (JSON.parse(line ?? '{}') as { hash: string }).hash;

describe('borough-command verify', () => {
  it('passes an intact journal, exit 0, and prints the head hash: the hash of its last line', async () => {
    const file = await journalOf('intact.ndjson', original);
    const run = await runCli(['verify', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('20, each intact');
    expect(run.stdout).toContain(`head    ${hashOf(original.at(-1))}`);
    expect(run.stdout).toContain('OK: the journal is intact.');
    expect(run.stderr).toBe('');
  });

  it('names an edited line: its content no longer matches its hash', async () => {
    const edited = [...original];
    const at = edited.findIndex((line) => line.includes('"Ben Hale"'));
    expect(at).toBeGreaterThan(0);
    edited[at] = (edited[at] ?? '').replace('"Ben Hale"', '"Ben Hole"');
    const file = await journalOf('edited.ndjson', edited);
    const run = await runCli(['verify', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`FAILED: ${file}:${String(at + 1)}: the line was altered: its content does not match its hash`);
    expect(run.stdout).toContain(`Lines 1 to ${String(at)} passed every check.`);
    expect(run.stdout).not.toContain('OK');
  });

  it('names the line after a deleted one: it no longer follows the line before it', async () => {
    const deleted = original.filter((_, index) => index !== 4);
    const file = await journalOf('deleted.ndjson', deleted);
    const run = await runCli(['verify', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`FAILED: ${file}:5: the line does not follow the line before it: a line was deleted, inserted or moved`);
  });

  it('names the first of two lines swapped', async () => {
    const reordered = [...original];
    [reordered[6], reordered[7]] = [original[7] ?? '', original[6] ?? ''];
    const file = await journalOf('reordered.ndjson', reordered);
    const run = await runCli(['verify', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`FAILED: ${file}:7: the line does not follow the line before it`);
  });

  it('names a deleted first line', async () => {
    const file = await journalOf('headless.ndjson', original.slice(1));
    const run = await runCli(['verify', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${file}:1: the first line does not start the chain`);
  });

  it('answers in JSON with --json, naming the bad line', async () => {
    const edited = original.map((line, index) => (index === 2 ? line.replace('"version":1', '"version":2') : line));
    const file = await journalOf('edited-json.ndjson', edited);
    const run = await runCli(['verify', file, '--json']);
    expect(run.code).toBe(1);
    const answer = JSON.parse(run.stdout) as { ok: boolean; problem: { line: number; reason: string } };
    expect(answer.ok).toBe(false);
    expect(answer.problem.line).toBe(3);
    expect(answer.problem.reason).toContain('altered');
  });

  it('reports a torn tail as a finding with how to recover, and the advised command recovers it', async () => {
    // The last append wrote two lines (the early end and its breach): cut the second one short.
    const text = `${original.join('\n')}\n`;
    const file = join(folder.path, 'torn.ndjson');
    await writeFile(file, text.slice(0, text.length - 40));
    const run = await runCli(['verify', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`FAILED: ${file}:19: the journal ends with a torn tail`);
    expect(run.stdout).toContain('1 complete line of an unfinished batch');
    expect(run.stdout).toContain(`  borough-command apply --journal ${file} /dev/null`);
    expect(run.stdout).toContain(`head    ${hashOf(original[17])}`);
    expect(run.stderr).not.toMatch(STACK_LINE);

    const recovered = await runCli(['apply', '--journal', file, '/dev/null']);
    expect(recovered.code).toBe(0);
    expect(recovered.stderr).toContain('torn tail');
    expect((await readdir(folder.path)).some((name) => name.startsWith('torn.ndjson.torn-line-19-'))).toBe(true);
    const after = await runCli(['verify', file]);
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('18, each intact');
  });

  it('is bad input (exit 2, no stack trace) for a journal that is not there', async () => {
    const run = await runCli(['verify', join(folder.path, 'missing.ndjson')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no journal at');
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});
