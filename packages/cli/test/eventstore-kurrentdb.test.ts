/**
 * `export` and `import` over `@kurrent/kurrentdb-client`: the executable, given a `kurrentdb://`
 * connection string, opens the store with the KurrentDB client (the client installed for that
 * scheme), in a process of its own, against the test server of this process (which speaks to
 * either client over the wire). An `esdb://` string opens it with `@eventstore/db-client`. The
 * clients are told apart by what the server sees: the KurrentDB client's reads go through a native
 * bridge that asks the server's features before its first read; 6.2.1's reads ask nothing.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '@borough-command/eventstoredb/testing';
import { runCli, runExecutable } from './support/cli.js';
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

/** The server's connection string in the `kurrentdb://` scheme. */
const kurrentDbString = (): string => server.connectionString.replace(/^esdb:\/\//, 'kurrentdb://');

/** A journal line's event without its place in the hash chain. */
const eventOf = (line: string): unknown => {
  const { stream, revision, type, data, metadata } = JSON.parse(line) as Record<string, unknown>;
  return { stream, revision, type, data, metadata };
};

describe('borough-command with --eventstore kurrentdb:// (KurrentDB client)', () => {
  it("import copies a journal's events through the KurrentDB client, and importing again writes nothing", async () => {
    const first = await runExecutable(['import', '--eventstore', kurrentDbString(), journal]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/written\s+20\n/);
    const again = await runExecutable(['import', '--eventstore', kurrentDbString(), journal]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/written\s+0\n/);
    expect(again.stdout).toMatch(/already there\s+20 /);
  });

  it('export writes the same events into a journal that verifies, reading through the KurrentDB client', async () => {
    const exported = join(folder.path, 'exported-kurrentdb.ndjson');
    const features = server.calls().serverFeatures;
    const run = await runExecutable(['export', '--eventstore', kurrentDbString(), '--out', exported]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/written\s+20\n/);
    // a read-only run: only the KurrentDB client's bridge asks for the features
    expect(server.calls().serverFeatures).toBeGreaterThan(features);
    expect((await runCli(['verify', exported])).code).toBe(0);
    expect((await journalLines(exported)).map(eventOf)).toEqual((await journalLines(journal)).map(eventOf));
  });

  it('the same export with an esdb:// string reads through @eventstore/db-client, into the same journal', async () => {
    const viaKurrentDb = join(folder.path, 'exported-kurrentdb.ndjson');
    const exported = join(folder.path, 'exported-esdb.ndjson');
    const features = server.calls().serverFeatures;
    const run = await runExecutable(['export', '--eventstore', server.connectionString, '--out', exported]);
    expect(run.code, run.stderr).toBe(0);
    expect(server.calls().serverFeatures).toBe(features);
    expect(await fileHash(exported)).toBe(await fileHash(viaKurrentDb));
  });
});
