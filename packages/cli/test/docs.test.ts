import { spawn } from 'node:child_process';
import { mkdir, readFile, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '@borough-command/eventstoredb/testing';
import { subcommands } from '../src/commands/index.js';
import { OLD_TENURE_NOTE } from '../src/commands/old-tenure.js';
import { runCli, STACK_LINE } from './support/cli.js';
import { temporaryFolder } from './support/files.js';
import { ROOT } from './support/paths.js';

/** An example of docs/cli.md: the command line and the exit code it is said to have (`# exit N`, else 0). */
interface Example {
  readonly line: string;
  readonly exit: number;
}

const DOCUMENTED_SERVER = 'esdb://localhost:2113?tls=false';

/** The `npx borough-command ...` lines of the `sh` blocks of a Markdown page, in order. */
const examplesOf = (markdown: string): readonly Example[] => {
  const examples: Example[] = [];
  let inShell = false;
  for (const raw of markdown.split('\n')) {
    if (raw.startsWith('```')) {
      inShell = raw === '```sh';
      continue;
    }
    if (!inShell || !raw.startsWith('npx borough-command ')) continue;
    const exit = /#\s*exit (\d)\s*$/.exec(raw);
    examples.push({ line: raw.replace(/#.*$/, '').trim(), exit: exit === null ? 0 : Number(exit[1]) });
  }
  return examples;
};

/** An example's words after `npx borough-command`, split as sh splits them: plain words and "..." (no $, ` or \\ inside); nothing else a shell treats specially. */
const wordsOf = (line: string): readonly string[] => {
  const rest = line.replace(/^npx borough-command /, '');
  const tokens = [...rest.matchAll(/\s*(?:"([^"$`\\]*)"|([^\s"'\\$`|&;<>*?()[\]{}~#]+))/gy)];
  if (tokens.map((token) => token[0]).join('') !== rest) {
    throw new Error(`${line}: holds what the examples' word splitter does not take; use plain words and "..." only`);
  }
  return tokens.map((token) => token[1] ?? token[2] ?? '');
};

/** Each line's words as sh itself splits them, in one run of sh for all of them. */
const shellWordsOf = (lines: readonly string[]): Promise<readonly (readonly string[])[]> =>
  new Promise((resolve, reject) => {
    const script = lines.map((line) => `set -- ${line.replace(/^npx borough-command /, '')}; printf '%s\\0' "$@"; printf '\\1'`).join('\n');
    const child = spawn('sh', ['-c', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', () => {
      resolve(stdout.split('\u0001').slice(0, lines.length).map((words) => words.split('\u0000').slice(0, -1)));
    });
  });

let folder: { readonly path: string; readonly remove: () => Promise<void> };
let server: TestServer;
let markdown: string;

beforeAll(async () => {
  folder = await temporaryFolder();
  server = await startTestServer();
  markdown = await readFile(join(ROOT, 'docs', 'cli.md'), 'utf8');
  await mkdir(join(folder.path, 'out'));
  await symlink(join(ROOT, 'packages'), join(folder.path, 'packages'));
});
afterAll(async () => {
  await server.stop();
  await folder.remove();
});

describe('docs/cli.md', () => {
  it('holds every example of every subcommand\'s --help', () => {
    const documented = examplesOf(markdown).map((example) => example.line);
    for (const subcommand of subcommands) {
      for (const example of subcommand.examples) expect(documented, subcommand.name).toContain(`npx ${example}`);
    }
  });

  it('quotes the note the old form of tenure prints on stderr, word for word', () => {
    expect(markdown.split('\n')).toContain(`note: ${OLD_TENURE_NOTE}`);
  });

  it('splits every example into the words sh gives the executable', async () => {
    const lines = examplesOf(markdown).map((example) => example.line);
    expect(lines.map(wordsOf)).toEqual(await shellWordsOf(lines));
  });

  it(
    'has examples that run as written, in order, each with the exit code it is said to have',
    async () => {
      const examples = examplesOf(markdown);
      expect(examples.length).toBeGreaterThan(20);
      for (const example of examples) {
        const run = await runCli(wordsOf(example.line.replaceAll(DOCUMENTED_SERVER, server.connectionString)), { cwd: folder.path });
        expect(run.code, `${example.line}\n${run.stderr}`).toBe(example.exit);
        expect(run.stderr, example.line).not.toMatch(STACK_LINE);
      }
    },
    240_000,
  );
});
