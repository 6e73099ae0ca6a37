/**
 * docs/index.md stays true: its TypeScript blocks are excerpts of example files that run in the
 * tests, it links every other page of docs/, its links lead somewhere, and the command lines it
 * shows name real files, subcommands and options.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { subcommands } from '@borough-command/cli';

const root = resolve(import.meta.dirname, '..');
const docs = join(root, 'docs');
const page = await readFile(join(docs, 'index.md'), 'utf8');

/** Lines trimmed, blank lines dropped: an excerpt may be indented differently from its file. */
const normalise = (text: string): string =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');

const blocks = (language: string): readonly string[] =>
  [...page.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((match) => match[1] ?? '');

/** Every markdown file under a folder, as paths relative to docs/. */
const markdownUnder = async (folder: string): Promise<readonly string[]> => {
  const entries = await readdir(folder, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? markdownUnder(join(folder, entry.name)) : Promise.resolve(entry.name.endsWith('.md') ? [relative(docs, join(folder, entry.name))] : []),
    ),
  );
  return nested.flat();
};

/** The relative link targets of the page, without their anchors. */
const links = [...page.matchAll(/\]\(([^)#\s]+)(#[^)\s]*)?\)/g)]
  .map((match) => match[1] ?? '')
  .filter((target) => !/^[a-z]+:/.test(target));

describe('docs/index.md', () => {
  it('every TypeScript block is an excerpt of the example file its first line names', async () => {
    const excerpts = blocks('ts');
    expect(excerpts.length).toBeGreaterThanOrEqual(10);
    for (const block of excerpts) {
      const [first = '', ...rest] = block.split('\n');
      const file = /^\/\/ (examples\/\S+\.ts)$/.exec(first.trim())?.[1];
      expect(file, `a block must start with the path of its example file: ${first}`).toBeDefined();
      const source = await readFile(join(root, file ?? ''), 'utf8');
      expect(normalise(source), `the excerpt of ${file ?? ''} no longer matches it`).toContain(normalise(rest.join('\n')));
    }
  });

  it('links every other page of docs/, ADRs included', async () => {
    const pages = (await markdownUnder(docs)).filter((path) => path !== 'index.md');
    expect(pages.length).toBeGreaterThan(5);
    const linked = new Set(links.map((target) => relative(docs, resolve(docs, target))));
    expect(pages.filter((path) => !linked.has(path))).toEqual([]);
  });

  it('every relative link leads to a file or folder that exists', () => {
    expect(links.length).toBeGreaterThan(10);
    expect(links.filter((target) => !existsSync(resolve(docs, target)))).toEqual([]);
  });

  it('every example its command lines run exists', () => {
    const named = blocks('sh').flatMap((block) => [...block.matchAll(/\bexamples\/\S+\.ts\b/g)].map((match) => match[0]));
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((file) => !existsSync(join(root, file)))).toEqual([]);
  });

  it('every borough-command line names a subcommand of the command line and only its options', () => {
    const lines = blocks('sh').flatMap((block) => block.split('\n').filter((line) => line.startsWith('borough-command ')));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const [, name = ''] = line.split(/\s+/);
      const subcommand = subcommands.find((candidate) => candidate.name === name);
      expect(subcommand, `no subcommand '${name}'`).toBeDefined();
      const options = [...line.matchAll(/\s--([a-z-]+)/g)].map((match) => match[1] ?? '');
      expect(options.filter((option) => subcommand?.options[option] === undefined), line).toEqual([]);
    }
  });

  it('links each example folder and file it describes', () => {
    for (const example of ['../examples/embed-in-service/', '../examples/audit-replay.ts', '../examples/property-testing.test.ts']) {
      expect(links).toContain(example);
      expect(existsSync(resolve(docs, example)), example).toBe(true);
    }
    expect(dirname(resolve(docs, '../examples/audit-replay.ts'))).toBe(join(root, 'examples'));
  });
});
