/**
 * Unknown outcomes through the command line: `apply`, `import` and `demo` against the in-process
 * EventStoreDB test server, one of whose writes is held past the client's deadline
 * (BOROUGH_COMMAND_EVENTSTORE_DEADLINE_MS) and then committed by `resume()`. Whether the server
 * comes back while the command reads the stream back or only after the process has exited, what
 * the process reports is what the server holds: nothing counted as not written is in the store,
 * and the same command run again leaves one copy of everything.
 */
import { describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '@borough-command/eventstoredb/testing';
import { CAMDEN_STORY } from '../support/paths.js';
import { camdenJournal } from '../support/camden-journal.js';
import { runCli, STACK_LINE, type CliRun } from '../support/cli.js';
import { journalLines } from '../support/files.js';
import { holdNextWrite, nextRead, resumeServer } from './support/held-write.js';
import { commandLinesOf, progressOf } from './support/progress-lines.js';

/** The client's deadline: short, so a held write outlasts it quickly. */
const DEADLINE_MS = 400;
const ENV = { BOROUGH_COMMAND_EVENTSTORE_DEADLINE_MS: String(DEADLINE_MS) };

const camden = camdenJournal();

/** The events of the domain's streams a server holds: their ids and the commands that wrote them. */
const domainEvents = (server: TestServer): readonly { readonly eventId: string; readonly commandId: string }[] =>
  server
    .events()
    .filter((event) => /^(appointment|posting|restructure)-/.test(event.streamName))
    .map((event) => ({ eventId: event.id, commandId: (JSON.parse(Buffer.from(event.metadata).toString('utf8')) as { commandId: string }).commandId }));

/** Runs the command line while the server holds its first write after `afterWrites` writes; `whileHeld` runs once one is held. */
const runHoldingWrite = async (
  server: TestServer,
  args: readonly string[],
  afterWrites: number,
  whileHeld: () => Promise<void>,
): Promise<{ readonly run: CliRun; readonly held: boolean }> => {
  const run = runCli(args, { env: ENV });
  const held = await holdNextWrite(server, afterWrites, run);
  if (held) await whileHeld();
  return { run: await run, held };
};

/** A number a label-value line of the output shows, e.g. `written  20`. */
const shown = (stdout: string, pattern: RegExp): number => Number((pattern.exec(stdout)?.[1] ?? 'NaN').replaceAll(',', ''));

const withServer = async (body: (server: TestServer) => Promise<void>, options: { readonly deduplicateEventIds?: boolean } = {}): Promise<void> => {
  const server = await startTestServer(options);
  try {
    await body(server);
  } finally {
    server.resume();
    await server.stop();
  }
};

describe('unknown outcomes through the command line (EventStoreDB paused past the deadline, then resumed)', () => {
  it('apply: the server resumed while the command reads the stream back: every command applied, exit 0, one copy', async () => {
    await withServer(async (server) => {
      const args = ['apply', CAMDEN_STORY, '--eventstore', server.connectionString, '--policy', 'record', '--progress'];
      const { run, held } = await runHoldingWrite(server, args, 5, async () => {
        await nextRead(server);
        server.resume();
      });
      expect(held).toBe(true);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(`Applied ${CAMDEN_STORY} to EventStoreDB`);
      expect(run.stdout).toMatch(/commands\s+18 applied, 0 already in the store, of 18/);
      const acknowledged = progressOf(run.stdout);
      const events = domainEvents(server);
      const reported = acknowledged.flatMap((line) => [...line.eventIds, ...line.reactions.flatMap((reaction) => reaction.eventIds)]);
      expect(new Set(events.map((event) => event.eventId))).toEqual(new Set(reported));
      expect(events).toHaveLength(reported.length);
    });
  }, 60_000);

  it('apply: the server resumed after the process exited: exit 2, the outcome unknown and the same file to run again, nothing counted as not run in the store; run again, one copy', async () => {
    await withServer(async (server) => {
      const args = ['apply', CAMDEN_STORY, '--eventstore', server.connectionString, '--policy', 'record', '--progress'];
      const { run, held } = await runHoldingWrite(server, args, 5, () => Promise.resolve());
      await resumeServer(server);
      expect(held).toBe(true);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).not.toMatch(STACK_LINE);
      expect(run.stdout).toContain(`Incomplete: ${CAMDEN_STORY} stopped early on EventStoreDB`);
      expect(run.stdout).not.toContain('Applied ');
      expect(run.stderr).toContain('has an unknown outcome');
      expect(run.stderr).toContain('Run the same command file again');
      const acknowledged = progressOf(run.stdout);
      const lines = await commandLinesOf(CAMDEN_STORY);
      const unknown = lines[acknowledged.length];
      expect(unknown).toBeDefined();
      expect(run.stderr).toContain(`${CAMDEN_STORY}:${String(unknown?.line)}:`);
      expect(run.stderr).toContain(`whether the store holds this one is unknown; the ${String(lines.length - acknowledged.length - 1)} after it were not run`);
      expect(run.stdout).toMatch(new RegExp(`commands\\s+${String(acknowledged.length)} applied, 0 already in the store, of 18`));
      // Once resumed, the server holds what was acknowledged and the command of unknown outcome: the commands reported as not run are not there.
      const inStore = new Set(domainEvents(server).map((event) => event.commandId));
      const reported = new Set(acknowledged.flatMap((line) => [line.commandId, ...line.reactions.map((reaction) => reaction.commandId)]));
      expect(inStore).toEqual(new Set([...reported, unknown?.commandId]));

      const again = await runCli(args, { env: ENV });
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toMatch(new RegExp(`commands\\s+${String(17 - acknowledged.length)} applied, ${String(acknowledged.length + 1)} already in the store, of 18`));
      const events = domainEvents(server);
      expect(new Set(events.map((event) => event.eventId)).size).toBe(events.length);
      expect(events.length).toBe((await journalLines(camden.journal())).length);
    });
  }, 60_000);

  it('import: the server resumed while the batch is read back: exit 0, every event counted as written, one copy', async () => {
    await withServer(async (server) => {
      const { run, held } = await runHoldingWrite(server, ['import', '--eventstore', server.connectionString, camden.journal()], 2, async () => {
        await nextRead(server);
        server.resume();
      });
      expect(held).toBe(true);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/written\s+20\n/);
      expect(run.stdout).toMatch(/already there\s+0 /);
      expect(domainEvents(server).map((event) => event.eventId)).toEqual((await journalLines(camden.journal())).map((line) => (JSON.parse(line) as { metadata: { eventId: string } }).metadata.eventId));
    });
  }, 60_000);

  it('import: the server resumed after the process exited: exit 2 with an incomplete summary; what it counted as written and the held batch are in the store; run again, the rest written once', async () => {
    await withServer(async (server) => {
      const args = ['import', '--eventstore', server.connectionString, camden.journal()];
      const { run, held } = await runHoldingWrite(server, args, 2, () => Promise.resolve());
      await resumeServer(server);
      expect(held).toBe(true);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).not.toMatch(STACK_LINE);
      expect(run.stdout).toContain('Incomplete: stopped early importing');
      expect(run.stderr).toContain('has an unknown outcome');
      expect(run.stderr).toContain('Run the same command again');
      const written = shown(run.stdout, /written\s+([\d,]+)\n/);
      const inStore = domainEvents(server).length;
      // The held batch was committed on resume: more is in the store than was counted, nothing less.
      expect(inStore).toBeGreaterThan(written);

      const again = await runCli(args, { env: ENV });
      expect(again.code, again.stderr).toBe(0);
      expect(shown(again.stdout, /already there\s+([\d,]+) /)).toBe(inStore);
      expect(shown(again.stdout, /written\s+([\d,]+)\n/)).toBe(20 - inStore);
      expect(domainEvents(server).map((event) => event.eventId)).toEqual((await journalLines(camden.journal())).map((line) => (JSON.parse(line) as { metadata: { eventId: string } }).metadata.eventId));
    });
  }, 60_000);

  it('demo: the server resumed while the command reads the stream back: exit 0, the success line, every command counted as applied', async () => {
    await withServer(async (server) => {
      const { run, held } = await runHoldingWrite(server, ['demo', '--eventstore', server.connectionString], 30, async () => {
        await nextRead(server);
        server.resume();
      });
      expect(held).toBe(true);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('London 2009-2019 (seed 2009) written to EventStoreDB');
      expect(run.stdout).toContain('Go-live days');
      const commands = shown(run.stdout, /commands\s+([\d,]+):/);
      expect(shown(run.stdout, /commands\s+[\d,]+: ([\d,]+) applied, 0 already there/)).toBe(commands);
      // Every event the server holds outside its own system streams was counted as written, once.
      const written = server.events().filter((event) => !event.streamName.startsWith('$'));
      expect(shown(run.stdout, /events\s+([\d,]+) written/)).toBe(written.length);
      expect(new Set(written.map((event) => event.id)).size).toBe(written.length);
    });
  }, 120_000);

  it('demo: the server resumed after the process exited: exit 2, an incomplete summary without the success line or the go-live table; --force then finds the command of unknown outcome in the store', async () => {
    await withServer(async (server) => {
      const { run, held } = await runHoldingWrite(server, ['demo', '--eventstore', server.connectionString], 30, () => Promise.resolve());
      await resumeServer(server);
      expect(held).toBe(true);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).not.toMatch(STACK_LINE);
      expect(run.stdout).toContain('Incomplete: London 2009-2019 (seed 2009) stopped early');
      expect(run.stdout).not.toContain('written to EventStoreDB');
      expect(run.stdout).not.toContain('Go-live days');
      expect(run.stderr).toContain('has an unknown outcome');
      expect(run.stderr).toContain('Run the same demo again with --force');
      const applied = shown(run.stdout, /commands\s+[\d,]+: ([\d,]+) applied/);
      expect(applied).toBeGreaterThan(0);
      const again = await runCli(['demo', '--eventstore', server.connectionString, '--force'], { env: ENV });
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toContain('written to EventStoreDB');
      // The commands the store held: those counted, and the one of unknown outcome, committed on resume.
      expect(shown(again.stdout, /commands\s+[\d,]+: [\d,]+ applied, ([\d,]+) already there/)).toBe(applied + 1);
      const events = domainEvents(server);
      expect(new Set(events.map((event) => event.eventId)).size).toBe(events.length);
    });
  }, 120_000);
});

describe('import on a server that does not de-duplicate event ids', () => {
  it('importing the same camden.journal() again writes nothing: exit 0, written 0, one copy of every event', async () => {
    await withServer(
      async (server) => {
        const first = await runCli(['import', '--eventstore', server.connectionString, camden.journal()]);
        expect(first.code, first.stderr).toBe(0);
        expect(first.stdout).toMatch(/written\s+20\n/);
        const again = await runCli(['import', '--eventstore', server.connectionString, camden.journal()]);
        expect(again.code, again.stderr).toBe(0);
        expect(again.stdout).toMatch(/written\s+0\n/);
        expect(again.stdout).toMatch(/already there\s+20 /);
        expect(domainEvents(server)).toHaveLength(20);
      },
      { deduplicateEventIds: false },
    );
  }, 60_000);
});
