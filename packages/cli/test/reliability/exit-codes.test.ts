/**
 * Every row of docs/cli.md's exit-code table, produced by the command line that writes (`apply`,
 * `import`, `demo`) against the in-process EventStoreDB test server under each fault: none, a rule
 * rejection, a server gone mid-run, a server that answers nothing, a bad deadline, and a bug. The
 * unknown outcome (exit 2) is produced in unknown-outcome.test.ts, import's other history (exit 1)
 * in eventstore.test.ts, verify's findings in verify.test.ts. 1 is for findings and rule
 * rejections only; a store that stopped the work is 2, with an incomplete summary and no success line.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '@borough-command/eventstoredb/testing';
import { main } from '../../src/main.js';
import { capturedIo } from '../fuzz/support/captured-io.js';
import { CAMDEN_STORY } from '../support/paths.js';
import { camdenJournal } from '../support/camden-journal.js';
import { runCli, STACK_LINE, type CliRun } from '../support/cli.js';
import { settledSignal } from './support/held-write.js';
import { progressOf } from './support/progress-lines.js';

const DEADLINE_MS = 400;
const ENV = { BOROUGH_COMMAND_EVENTSTORE_DEADLINE_MS: String(DEADLINE_MS) };

const camden = camdenJournal();

const withServer = async (body: (server: TestServer) => Promise<void>): Promise<void> => {
  const server = await startTestServer();
  try {
    await body(server);
  } finally {
    server.resume();
    await server.stop();
  }
};

/** The commands whose events a server holds in the domain's streams. */
const commandsIn = (server: TestServer): ReadonlySet<string> =>
  new Set(
    server
      .events()
      .filter((event) => /^(appointment|posting|restructure)-/.test(event.streamName))
      .map((event) => (JSON.parse(Buffer.from(event.metadata).toString('utf8')) as { commandId: string }).commandId),
  );

/** Runs the command line and stops the server once it has taken `afterWrites` writes. */
const runStoppingServer = async (server: TestServer, args: readonly string[], afterWrites: number): Promise<CliRun> => {
  const run = runCli(args, { env: ENV });
  if (await server.whenCalls((calls) => calls.writes >= afterWrites, { signal: settledSignal(run) })) await server.stop();
  return run;
};

/** What every run a store stopped shows: exit 2, a message saying the store is unavailable or the outcome unknown, no stack trace. */
const expectStoreStop = (run: CliRun): void => {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr).toMatch(/the store is unavailable|has an unknown outcome/);
  expect(run.stderr).not.toMatch(STACK_LINE);
};

describe('exit 0: fine', () => {
  it('apply and import on a server that answers (demo: eventstore.test.ts)', async () => {
    await withServer(async (server) => {
      const applied = await runCli(['apply', CAMDEN_STORY, '--eventstore', server.connectionString, '--policy', 'record'], { env: ENV });
      expect(applied.code, applied.stderr).toBe(0);
      expect(applied.stdout).toContain(`Applied ${CAMDEN_STORY}`);
    });
    await withServer(async (server) => {
      const imported = await runCli(['import', '--eventstore', server.connectionString, camden.journal()], { env: ENV });
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stdout).toContain('Imported journal');
    });
  }, 60_000);
});

describe('exit 1: findings and rule rejections only', () => {
  it('apply stopped by a rule on EventStoreDB: exit 1, an incomplete summary naming the rule', async () => {
    await withServer(async (server) => {
      const run = await runCli(['apply', CAMDEN_STORY, '--eventstore', server.connectionString], { env: ENV });
      expect(run.code, run.stderr).toBe(1);
      expect(run.stdout).toContain(`Incomplete: ${CAMDEN_STORY} stopped early on EventStoreDB`);
      expect(run.stdout).not.toContain('Applied ');
      expect(run.stderr).toContain('was rejected by PO-3');
      expect(run.stderr).toContain('17 commands before it are in the store; it was not run.');
    });
  }, 60_000);
});

describe('exit 2: a store that stopped the work', () => {
  it('apply: the server gone mid-run: exit 2, an incomplete summary; what it reported as acknowledged is in the store, what it did not run is not', async () => {
    await withServer(async (server) => {
      const run = await runStoppingServer(server, ['apply', CAMDEN_STORY, '--eventstore', server.connectionString, '--policy', 'record', '--progress'], 6);
      expectStoreStop(run);
      expect(run.stdout).toContain(`Incomplete: ${CAMDEN_STORY} stopped early on EventStoreDB`);
      expect(run.stdout).not.toContain('Applied ');
      const acknowledged = progressOf(run.stdout).flatMap((line) => [line.commandId, ...line.reactions.map((reaction) => reaction.commandId)]);
      const held = commandsIn(server);
      for (const commandId of acknowledged) expect(held).toContain(commandId);
      // At most the command it stopped at is there besides them, as an unknown outcome says.
      expect(held.size - acknowledged.length).toBeLessThanOrEqual(1);
      if (held.size > acknowledged.length) expect(run.stderr).toContain('unknown outcome');
    });
  }, 60_000);

  it('demo --force: the server gone mid-run: exit 2, an incomplete summary, no success line and no go-live table', async () => {
    await withServer(async (server) => {
      const run = await runStoppingServer(server, ['demo', '--eventstore', server.connectionString, '--force'], 20);
      expectStoreStop(run);
      expect(run.stdout).toContain('Incomplete: London 2009-2019');
      expect(run.stdout).not.toContain('written to EventStoreDB');
      expect(run.stdout).not.toContain('Go-live days');
      expect(run.stderr).toContain('the demo stopped at');
    });
  }, 60_000);

  it('import: the server gone mid-run: exit 2, an incomplete summary', async () => {
    await withServer(async (server) => {
      const run = await runStoppingServer(server, ['import', '--eventstore', server.connectionString, camden.journal()], 2);
      expectStoreStop(run);
      expect(run.stdout).toContain('Incomplete: stopped early importing');
      expect(run.stdout).not.toContain('Imported ');
    });
  }, 60_000);

  it('apply, import and demo against a server that answers nothing: exit 2 within a few deadlines, nothing reported as written', async () => {
    await withServer(async (server) => {
      server.pause();
      for (const args of [
        ['apply', CAMDEN_STORY, '--eventstore', server.connectionString, '--policy', 'record'],
        ['import', '--eventstore', server.connectionString, camden.journal()],
        ['demo', '--eventstore', server.connectionString, '--force'],
      ]) {
        const started = Date.now();
        const run = await runCli(args, { env: ENV });
        expectStoreStop(run);
        expect(run.stderr).toContain(`the server sent nothing for ${String(DEADLINE_MS)} ms`);
        expect(run.stdout).not.toMatch(/^(Applied|Imported) |written to EventStoreDB/m);
        expect(Date.now() - started).toBeLessThan(15_000);
      }
      expect(server.calls().writes).toBe(0);
    });
  }, 90_000);

  it('a deadline that is not a whole number of milliseconds: exit 2 naming the variable, before anything is sent', async () => {
    await withServer(async (server) => {
      const run = await runCli(['apply', CAMDEN_STORY, '--eventstore', server.connectionString], { env: { BOROUGH_COMMAND_EVENTSTORE_DEADLINE_MS: '1.5s' } });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("BOROUGH_COMMAND_EVENTSTORE_DEADLINE_MS: '1.5s' is not a whole number of milliseconds");
      expect(server.calls().read + server.calls().writes).toBe(0);
    });
  }, 30_000);

  it('a server that cannot be reached at all: apply, import and demo exit 2', async () => {
    const gone = await startTestServer();
    const connectionString = gone.connectionString;
    await gone.stop();
    for (const args of [
      ['apply', CAMDEN_STORY, '--eventstore', connectionString, '--policy', 'record'],
      ['import', '--eventstore', connectionString, camden.journal()],
      ['demo', '--eventstore', connectionString],
    ]) {
      const run = await runCli(args, { env: ENV });
      expectStoreStop(run);
      expect(run.stdout).not.toMatch(/^(Applied|Imported) |written to EventStoreDB/m);
    }
  }, 60_000);
});

describe('exit 3: a bug', () => {
  it('an error borough-command did not expect (here: writing its output fails) is reported as a bug with its stack, exit 3', async () => {
    const captured = capturedIo();
    const io = {
      ...captured.io,
      out: () => {
        throw new Error('the output cannot be written');
      },
    };
    const code = await main(['apply', '/dev/null', '--journal', join(camden.folder(), 'bug.ndjson')], io);
    expect(code).toBe(3);
    expect(captured.err.join('\n')).toContain('borough-command apply: unexpected error: the output cannot be written');
    expect(captured.err.join('\n')).toContain('This is a bug in borough-command');
    expect(captured.err.join('\n')).toMatch(STACK_LINE);
  });
});
