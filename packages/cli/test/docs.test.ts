import { spawn } from 'node:child_process';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
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

/** A block of sample output: the plain code block right after an `sh` block of examples, with its line in the page. */
interface Sample {
  readonly line: number;
  readonly examples: readonly string[];
  readonly text: readonly string[];
}

/** Each plain code block that follows an `sh` block of `npx borough-command` examples, with nothing but blank lines between. */
const samplesOf = (markdown: string): readonly Sample[] => {
  const lines = markdown.split('\n');
  const samples: Sample[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (lines[index] !== '```sh') continue;
    const examples: string[] = [];
    for (index++; index < lines.length && lines[index] !== '```'; index++) {
      const example = lines[index] ?? '';
      if (example.startsWith('npx borough-command ')) examples.push(example.replace(/#.*$/, '').trim());
    }
    let next = index + 1;
    while (next < lines.length && (lines[next] ?? '').trim() === '') next++;
    if (examples.length === 0 || lines[next] !== '```') continue;
    const text: string[] = [];
    for (index = next + 1; index < lines.length && lines[index] !== '```'; index++) text.push(lines[index] ?? '');
    samples.push({ line: next + 1, examples, text });
  }
  return samples;
};

/** A line as compared: trailing spaces dropped, and a time taken (`in 0.08 s`) left out, as it differs from run to run. */
const comparable = (line: string): string => line.trimEnd().replace(/\bin \d+(?:\.\d+)? s\b/g, 'in … s');

/** Whether `shown` (its `…` lines left out) are lines of `printed`, in order, trailing spaces aside. */
const isExcerptOf = (shown: readonly string[], printed: string): boolean => {
  const actual = printed.split('\n').map(comparable);
  let at = 0;
  for (const line of shown) {
    if (line.trim() === '…') continue;
    while (at < actual.length && actual[at] !== comparable(line)) at++;
    if (at === actual.length) return false;
    at++;
  }
  return true;
};

/** Set to 1, the samples test writes each sample block of docs/cli.md again from what its examples print. */
const UPDATE_VARIABLE = 'BOROUGH_COMMAND_UPDATE_DOCS';

/**
 * The page with each sample block written again: as many first lines of its example's output as
 * it showed before its first `…` (all of them when it had none), and `…` when there is more. Its
 * output is the run of its block's examples that prints the most of its lines (the first of equals).
 */
const withSamplesUpdated = (markdown: string, samples: readonly Sample[], outputs: ReadonlyMap<string, readonly string[]>): string => {
  const lines = markdown.split('\n');
  for (const sample of [...samples].reverse()) {
    const runs = sample.examples.flatMap((example) => outputs.get(example) ?? []).map((output) => output.replace(/\n$/, '').split('\n').map((line) => line.trimEnd()));
    // The run that prints the most of the sample's lines.
    const shared = (lines: readonly string[]): number => sample.text.filter((line) => lines.includes(line.trimEnd())).length;
    const output = runs.reduce<readonly string[] | undefined>((best, lines) => (best === undefined || shared(lines) > shared(best) ? lines : best), undefined) ?? [];
    const cut = sample.text.findIndex((line) => line.trim() === '…');
    const kept = cut === -1 ? output : output.slice(0, cut);
    lines.splice(sample.line, sample.text.length, ...kept, ...(kept.length < output.length ? ['…'] : []));
  }
  return lines.join('\n');
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
/** What each example printed on stdout and stderr, each time it ran. */
const printed = new Map<string, readonly string[]>();

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
        printed.set(example.line, [...(printed.get(example.line) ?? []), (run.stdout + run.stderr).replaceAll(server.connectionString, DOCUMENTED_SERVER)]);
      }
    },
    240_000,
  );

  it('shows output that the examples before it print: each sample block is an excerpt of one of their outputs, line for line', async () => {
    const samples = samplesOf(markdown);
    expect(samples.length).toBeGreaterThan(5);
    if (process.env[UPDATE_VARIABLE] === '1') {
      await writeFile(join(ROOT, 'docs', 'cli.md'), withSamplesUpdated(markdown, samples, printed));
      return;
    }
    for (const sample of samples) {
      const from = sample.examples.find((example) => (printed.get(example) ?? []).some((output) => isExcerptOf(sample.text, output)));
      expect(from, `docs/cli.md:${String(sample.line)}: the output shown is printed by none of ${sample.examples.join(' | ')}`).toBeDefined();
    }
  });
});
