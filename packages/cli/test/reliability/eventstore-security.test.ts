/**
 * The command line and EventStoreDB credentials, and the subcommands that only read: a password
 * in `--eventstore` never shows on stdout or stderr of any subcommand, whether the server answers,
 * refuses every call, is gone, or the string does not parse; and `replay`, the views, `report` and
 * `export` send EventStoreDB no write call (counted by the test server, which ignores credentials).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '@borough-command/eventstoredb/testing';
import { runCli, STACK_LINE } from '../support/cli.js';
import { temporaryFolder } from '../support/files.js';
import { CAMDEN_STORY } from '../support/paths.js';

const USER = 'ops-auditor';
const PASSWORD = 'S3cr3t%40pw-9f2c';
/** Every form the password may take: as written, percent-decoded, and inside the Basic authorization header. */
const SECRETS = [PASSWORD, 'S3cr3t@pw-9f2c', Buffer.from(`${USER}:S3cr3t@pw-9f2c`).toString('base64'), `${USER}:S3cr3t`];

let folder: { readonly path: string; readonly remove: () => Promise<void> };
let server: TestServer;
let journal: string;

beforeAll(async () => {
  folder = await temporaryFolder();
  server = await startTestServer();
  journal = join(folder.path, 'camden.ndjson');
  expect((await runCli(['apply', CAMDEN_STORY, '--journal', journal, '--policy', 'record'])).code).toBe(0);
  expect((await runCli(['import', '--eventstore', server.connectionString, journal])).code).toBe(0);
});
afterAll(async () => {
  await server.stop();
  await folder.remove();
});

const withCredentials = (connectionString: string): string => connectionString.replace('esdb://', `esdb://${USER}:${PASSWORD}@`);

/** Every subcommand that takes `--eventstore`, with its other arguments. */
const subcommands = (eventstore: string, out: string): readonly (readonly string[])[] => [
  ['apply', CAMDEN_STORY, '--eventstore', eventstore, '--policy', 'record', '--progress'],
  ['demo', '--eventstore', eventstore],
  ['import', '--eventstore', eventstore, journal],
  ['export', '--eventstore', eventstore, '--out', join(out, 'exported.ndjson')],
  ['replay', '--eventstore', eventstore],
  ['tenure', 'Camden', '--eventstore', eventstore, '--explain'],
  ['timeline', 'Camden', '--eventstore', eventstore],
  ['continuity', '--eventstore', eventstore],
  ['accountability', 'Camden', '--as-at', '2013-01-01', '--eventstore', eventstore],
  ['compliance', '--eventstore', eventstore, '--appointment', 'camden-2012'],
  ['trail', 'camden-2012', '--eventstore', eventstore],
  ['report', '--eventstore', eventstore, '--out', join(out, 'report.html'), '--as-at', '2013-01-01'],
];

/** The subcommands that only read the store. */
const READERS = new Set(['replay', 'tenure', 'timeline', 'continuity', 'accountability', 'compliance', 'trail', 'report', 'export']);

const expectNoSecret = (args: readonly string[], run: { readonly stdout: string; readonly stderr: string }): void => {
  for (const secret of SECRETS) {
    expect(run.stdout, `${args[0] ?? ''}: stdout`).not.toContain(secret);
    expect(run.stderr, `${args[0] ?? ''}: stderr`).not.toContain(secret);
  }
};

describe('borough-command and EventStoreDB credentials', () => {
  it('never prints the password of --eventstore, on stdout or stderr, for any subcommand, when the server answers', async () => {
    const out = await temporaryFolder();
    try {
      for (const args of subcommands(withCredentials(server.connectionString), out.path)) {
        const run = await runCli(args);
        // demo refuses a store that holds events; everything else succeeds
        expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(args[0] === 'demo' ? 2 : 0);
        expectNoSecret(args, run);
      }
    } finally {
      await out.remove();
    }
  });

  it('never prints the password when EventStoreDB refuses every call, is gone, or the connection string does not parse: exit 2, no stack trace', async () => {
    const out = await temporaryFolder();
    const gone = await startTestServer();
    const goneAt = gone.connectionString;
    await gone.stop();
    try {
      const cases = [
        { name: 'refusing', eventstore: withCredentials(server.connectionString), before: () => {
          server.refuseNextCalls(1_000);
        } },
        { name: 'gone', eventstore: withCredentials(goneAt), before: () => undefined },
        // the host left out: the client reads the password as the port, and its own message quotes it
        { name: 'unparsable', eventstore: `esdb://${USER}:${PASSWORD}`, before: () => undefined },
      ];
      for (const { name, eventstore, before } of cases) {
        before();
        // the subcommands of a case run side by side: they only fail
        const runs = await Promise.all(subcommands(eventstore, out.path).map(async (args) => ({ args, run: await runCli(args) })));
        for (const { args, run } of runs) {
          expect(run.code, `${name} ${args[0] ?? ''}: ${run.stdout}${run.stderr}`).toBe(2);
          expect(run.stderr.trim(), `${name} ${args[0] ?? ''}`).not.toBe('');
          expect(run.stderr, `${name} ${args[0] ?? ''}`).not.toMatch(STACK_LINE);
          expectNoSecret(args, run);
        }
      }
    } finally {
      server.refuseNextCalls(0);
      await out.remove();
    }
  });

  it('replay, the views, report and export make no write call to EventStoreDB (the test server counts them)', async () => {
    const out = await temporaryFolder();
    try {
      for (const args of subcommands(server.connectionString, out.path).filter((candidate) => READERS.has(candidate[0] ?? ''))) {
        server.resetCalls();
        const run = await runCli(args);
        expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
        expect(server.calls().read, args[0]).toBeGreaterThan(0);
        expect(server.calls().writes, args[0]).toBe(0);
      }
      // The count is real: a writer is counted.
      server.resetCalls();
      expect((await runCli(['apply', CAMDEN_STORY, '--eventstore', server.connectionString, '--policy', 'record'])).code).toBe(0);
      expect(server.calls().read).toBeGreaterThan(0);
      const applyCalls = server.calls();
      expect(applyCalls.writes).toBe(0);
      const fresh = join(out.path, 'fresh-commands.ndjson');
      const { writeFile, readFile } = await import('node:fs/promises');
      await writeFile(fresh, (await readFile(CAMDEN_STORY, 'utf8')).replaceAll('camden-2012', 'camden-2012-again').split('\n').slice(1, 3).join('\n'));
      expect((await runCli(['apply', fresh, '--eventstore', server.connectionString])).code).toBe(0);
      expect(server.calls().writes).toBeGreaterThan(0);
    } finally {
      await out.remove();
    }
  });
});
