import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, STACK_LINE } from './support/cli.js';
import { temporaryFolder } from './support/files.js';
import { CAMDEN_STORY } from './support/paths.js';

const SUBCOMMANDS = ['apply', 'demo', 'verify', 'replay', 'tenure', 'timeline', 'continuity', 'accountability', 'compliance', 'trail', 'report', 'export', 'import'];
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[`);

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

describe.concurrent('help', () => {
  it.each(SUBCOMMANDS)('%s --help prints its usage, options and an example, exit 0', async (name) => {
    const run = await runCli([name, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: borough-command ${name}`);
    expect(run.stdout).toContain('Options:');
    expect(run.stdout).toMatch(/Examples?:\n {2}borough-command /);
    expect(run.stdout).toContain('-h, --help');
    expect(run.stderr).toBe('');
    // `help <command>` says the same.
    expect((await runCli(['help', name])).stdout).toBe(run.stdout);
  });

  it('--help of the program lists every subcommand and the exit codes', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const name of SUBCOMMANDS) expect(run.stdout).toMatch(new RegExp(`^ {2}${name} +\\S`, 'm'));
    expect(run.stdout).toContain('2  bad usage or bad input');
  });

  it('--help of the program names each view by its rule: tenure and timeline TE-1, continuity TE-2', async () => {
    const run = await runCli(['--help']);
    expect(run.stdout).toMatch(/^ {2}tenure +[^\n]*\(TE-1\)$/m);
    expect(run.stdout).toMatch(/^ {2}timeline +another name of tenure[^\n]*\(TE-1\)$/m);
    expect(run.stdout).toMatch(/^ {2}continuity +[^\n]*\(TE-2\)$/m);
  });

  it('tenure --help shows the command unit form and points to continuity, without the options of the old form', async () => {
    const run = await runCli(['tenure', '--help']);
    expect(run.stdout).toContain('Usage: borough-command tenure <command unit>');
    expect(run.stdout).toContain('borough-command continuity');
    expect(run.stdout).not.toMatch(/--unit|--breaches/);
    const continuity = await runCli(['continuity', '--help']);
    expect(continuity.stdout).toMatch(/^ +--unit <command unit> /m);
    expect(continuity.stdout).toMatch(/^ +--breaches /m);
  });

  it('--help wins over anything else on the line', async () => {
    const run = await runCli(['timeline', '--no-such-option', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: borough-command timeline');
  });
});

describe.concurrent('usage errors', () => {
  const cases: readonly (readonly [string, readonly string[], string])[] = [
    ['no command', [], 'Usage: borough-command <command>'],
    ['an unknown command', ['frobnicate'], "unknown command 'frobnicate'"],
    ['an unknown option', ['replay', '--journal', 'x.ndjson', '--verbose'], "unknown option '--verbose'"],
    ['a missing option value', ['continuity', '--journal', 'x.ndjson', '--unit'], "option '--unit <value>' argument missing"],
    ['a stray argument', ['replay', 'extra', '--journal', 'x.ndjson'], "unexpected argument 'extra'"],
    ['no store', ['continuity'], 'say where the events are: --journal <file> or --eventstore <connection string>'],
    ['no store, tenure used the old way', ['tenure'], 'say where the events are: --journal <file> or --eventstore <connection string>'],
    ['two stores', ['continuity', '--journal', 'a', '--eventstore', 'esdb://localhost:2113'], 'give either --journal or --eventstore, not both'],
    ['a missing argument', ['trail', '--journal', 'x.ndjson'], 'missing <appointment id>'],
    ['a bad date', ['report', '--journal', 'x.ndjson', '--out', 'r.html', '--as-at', '31/12/2019'], "--as-at: '31/12/2019' is not a calendar date"],
    ['a bad policy', ['apply', 'c.ndjson', '--journal', 'x.ndjson', '--policy', 'lenient'], "--policy: 'lenient' is neither 'enforce' nor 'record'"],
    ['a bad seed', ['demo', '--journal', 'x.ndjson', '--seed', 'many'], "--seed: 'many' is not a whole number"],
    ['a missing journal', ['tenure', 'Camden', '--journal', 'no-such-journal.ndjson'], 'no journal at no-such-journal.ndjson'],
    ['a missing command file', ['apply', 'no-such-commands.ndjson', '--journal', 'x.ndjson'], 'no command file at no-such-commands.ndjson'],
    ['a connection string that cannot be parsed', ['replay', '--eventstore', 'http://admin:secret@example'], 'the connection string is not valid'],
  ];

  it.each(cases)('%s: exit 2, a message on stderr, no stack trace', async (_name, args, message) => {
    const run = await runCli(args, { cwd: folder.path });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.stdout).toBe('');
  });

  it('masks the password of a connection string in messages', async () => {
    const run = await runCli(['replay', '--eventstore', 'http://admin:hunter2@example']);
    expect(run.stderr).not.toContain('hunter2');
  });

  it('names a corrupt journal and its bad line, exit 2, no stack trace', async () => {
    const { readFile, writeFile } = await import('node:fs/promises');
    const corrupt = join(folder.path, 'corrupt.ndjson');
    await writeFile(corrupt, (await readFile(journal, 'utf8')).replace('"Ada Stone"', '"Ada Stane"'));
    const run = await runCli(['continuity', '--journal', corrupt]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${corrupt}:1: the line was altered`);
    expect(run.stderr).toContain(`borough-command verify ${corrupt}`);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});

describe('colour', () => {
  it('is off when stdout is not a terminal', async () => {
    const run = await runCli(['continuity', '--journal', journal]);
    expect(run.stdout).not.toMatch(ANSI);
  });

  it('is on when forced with FORCE_COLOR, and NO_COLOR turns it off again', async () => {
    const forced = await runCli(['continuity', '--journal', journal], { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(ANSI);
    const refused = await runCli(['continuity', '--journal', journal], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(refused.code).toBe(0);
    expect(refused.stdout).not.toMatch(ANSI);
    expect(refused.stderr).not.toMatch(ANSI);
    // Same answer, without the colour codes.
    expect(refused.stdout).toBe(forced.stdout.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), ''));
  });
});
