import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '@borough-command/eventstoredb/testing';
import { runCli, STACK_LINE } from './support/cli.js';
import { fileHash, journalLines, temporaryFolder } from './support/files.js';
import { CAMDEN_STORY } from './support/paths.js';

let folder: { readonly path: string; readonly remove: () => Promise<void> };
let server: TestServer;
let journal: string;

beforeAll(async () => {
  folder = await temporaryFolder();
  server = await startTestServer();
  journal = join(folder.path, 'camden.ndjson');
  expect((await runCli(['apply', CAMDEN_STORY, '--journal', journal, '--policy', 'record'])).code).toBe(0);
});
afterAll(async () => {
  await server.stop();
  await folder.remove();
});

/** The events of the domain's streams the server holds, by event id. */
const domainEventIds = (): readonly string[] =>
  server
    .events()
    .filter((event) => /^(appointment|posting|restructure)-/.test(event.streamName))
    .map((event) => event.id);

describe('borough-command with --eventstore (EventStoreDB)', () => {
  it("import copies a journal's events into EventStoreDB, and importing again writes nothing (idempotent by event id)", async () => {
    const hash = await fileHash(journal);
    const first = await runCli(['import', '--eventstore', server.connectionString, journal]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/events read\s+20\n/);
    expect(first.stdout).toMatch(/written\s+20\n/);
    const ids = (await journalLines(journal)).map((line) => (JSON.parse(line) as { metadata: { eventId: string } }).metadata.eventId);
    expect(domainEventIds()).toEqual(ids);

    const again = await runCli(['import', '--eventstore', server.connectionString, journal]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/written\s+0\n/);
    expect(again.stdout).toMatch(/already there\s+20 /);
    expect(domainEventIds()).toEqual(ids);
    // The journal is only read.
    expect(await fileHash(journal)).toBe(hash);
  });

  it('answers the views from EventStoreDB as from the journal', async () => {
    for (const args of [['tenure', 'Camden', '--json'], ['continuity', '--json'], ['accountability', 'Camden', '--as-at', '2013-01-01', '--json'], ['trail', 'camden-2012', '--json']]) {
      const fromServer = await runCli([...args, '--eventstore', server.connectionString]);
      const fromJournal = await runCli([...args, '--journal', journal]);
      expect(fromServer.code, fromServer.stderr).toBe(0);
      const strip = (text: string): unknown => JSON.parse(text.replace(/"position": "\d+"/g, '"position": "?"'));
      expect(strip(fromServer.stdout)).toEqual(strip(fromJournal.stdout));
    }
  });

  it('export writes the events of EventStoreDB into a hash-chained journal that verifies, the same events again', async () => {
    const exported = join(folder.path, 'exported.ndjson');
    const run = await runCli(['export', '--eventstore', server.connectionString, '--out', exported]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/written\s+20\n/);
    expect((await runCli(['verify', exported])).code).toBe(0);
    // The same events, each in the same stream at the same revision, with the same data and metadata.
    const strip = (line: string): unknown => {
      const { stream, revision, type, data, metadata } = JSON.parse(line) as Record<string, unknown>;
      return { stream, revision, type, data, metadata };
    };
    expect((await journalLines(exported)).map(strip)).toEqual((await journalLines(journal)).map(strip));
    const hash = await fileHash(exported);
    const again = await runCli(['export', '--eventstore', server.connectionString, '--out', exported]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/written\s+0\n/);
    expect(await fileHash(exported)).toBe(hash);
  });

  it('import stops with exit 1 when EventStoreDB holds another history in a stream of the journal', async () => {
    const { readFile, writeFile } = await import('node:fs/promises');
    const otherCommands = join(folder.path, 'other-story.ndjson');
    await writeFile(otherCommands, (await readFile(CAMDEN_STORY, 'utf8')).replace('"camden/ada/start"', '"camden/ada/started"'));
    const other = join(folder.path, 'other.ndjson');
    expect((await runCli(['apply', otherCommands, '--journal', other, '--policy', 'record'])).code).toBe(0);
    const run = await runCli(['import', '--eventstore', server.connectionString, other]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("stream 'posting-borough-camden' in the target does not hold the source's events before revision 0");
    expect(run.stderr).toContain('The two stores hold different histories');
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('apply writes commands to EventStoreDB, idempotent by command id', async () => {
    const other = await startTestServer();
    try {
      const run = await runCli(['apply', CAMDEN_STORY, '--eventstore', other.connectionString, '--policy', 'record']);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('18 applied');
      const again = await runCli(['apply', CAMDEN_STORY, '--eventstore', other.connectionString, '--policy', 'record']);
      expect(again.stdout).toContain('0 applied, 18 already in the store');
    } finally {
      await other.stop();
    }
  });

  it('demo writes London into an empty EventStoreDB and refuses one that holds events', async () => {
    const empty = await startTestServer();
    try {
      const run = await runCli(['demo', '--eventstore', empty.connectionString]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/BCUs\s+12 went live/);
      const again = await runCli(['demo', '--eventstore', empty.connectionString]);
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('is not empty');
    } finally {
      await empty.stop();
    }
  });

  it('says so (exit 2, no stack trace) when EventStoreDB cannot be reached', async () => {
    const gone = await startTestServer();
    const connectionString = gone.connectionString;
    await gone.stop();
    const run = await runCli(['replay', '--eventstore', connectionString]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('borough-command replay:');
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});
