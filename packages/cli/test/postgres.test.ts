/**
 * `--postgres <connection string>`: the command line over a real PostgreSQL server (started by this
 * file, one database per case). The writing subcommands migrate the schema, the reading ones only
 * read; the views are the same as over a journal, and the password is never printed.
 */
import { join } from 'node:path';
import pg from 'pg';
import { startPostgresServer, type PostgresServer } from '@borough-command/postgres/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, STACK_LINE, type CliRun } from './support/cli.js';
import { temporaryFolder } from './support/files.js';
import { CAMDEN_STORY } from './support/paths.js';

let folder: { readonly path: string; readonly remove: () => Promise<void> };
let server: PostgresServer;
let journal: string;
/** Every run of this file, so none can be missed when looking for the password. */
const runs: CliRun[] = [];

beforeAll(async () => {
  folder = await temporaryFolder();
  server = await startPostgresServer();
  journal = join(folder.path, 'camden.ndjson');
  expect((await runCli(['apply', CAMDEN_STORY, '--journal', journal, '--policy', 'record'])).code).toBe(0);
}, 60_000);

afterAll(async () => {
  await server.remove();
  await folder.remove();
});

const cli = async (args: readonly string[]): Promise<CliRun> => {
  const run = await runCli(args);
  runs.push(run);
  return run;
};

let databases = 0;
/** A connection string to a new, empty database of the server, with the server's password in it. */
const freshDatabase = async (): Promise<string> => {
  databases += 1;
  const name = `cli_${String(databases)}`;
  // One connection, closed before the next step: none is left open when the server stops.
  const admin = new pg.Client({ connectionString: server.connectionString });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server.connectionString);
  url.pathname = `/${name}`;
  return url.toString();
};

/** A view's JSON document without what names the store or times the run. */
const comparable = (stdout: string): unknown => {
  const { source: _source, elapsedMs: _elapsedMs, ...rest } = JSON.parse(stdout) as Record<string, unknown>;
  return rest;
};

const password = (): string => new URL(server.connectionString).password;

describe('borough-command with --postgres (PostgreSQL)', () => {
  it('apply writes the Camden story (migrating the schema first), and the views read back equal those of the journal', async () => {
    const database = await freshDatabase();
    const applied = await cli(['apply', CAMDEN_STORY, '--postgres', database, '--policy', 'record']);
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    for (const view of [['replay', '--json'], ['tenure', 'Camden', '--json'], ['compliance', '--json'], ['continuity', '--json']]) {
      const overJournal = await cli([...view, '--journal', journal]);
      const overPostgres = await cli([...view, '--postgres', database]);
      expect(overPostgres.code).toBe(overJournal.code);
      expect(comparable(overPostgres.stdout)).toEqual(comparable(overJournal.stdout));
    }
  });

  it('applying the same commands again writes nothing more (the same event ids)', async () => {
    const database = await freshDatabase();
    expect((await cli(['apply', CAMDEN_STORY, '--postgres', database, '--policy', 'record'])).code).toBe(0);
    const pool = new pg.Pool({ connectionString: database });
    try {
      const count = async (): Promise<string | undefined> => (await pool.query<{ count: string }>('SELECT count(*) AS count FROM borough_command.events')).rows[0]?.count;
      const before = await count();
      expect(Number(before)).toBeGreaterThan(0);
      expect((await cli(['apply', CAMDEN_STORY, '--postgres', database, '--policy', 'record'])).code).toBe(0);
      expect(await count()).toBe(before);
    } finally {
      await pool.end();
    }
  });

  it('apply, then timeline, tenure and accountability, then export to a journal that verify accepts', async () => {
    const database = await freshDatabase();
    expect((await cli(['apply', CAMDEN_STORY, '--postgres', database, '--policy', 'record'])).code).toBe(0);
    for (const view of [['timeline', 'Camden', '--json'], ['tenure', 'Camden', '--json'], ['accountability', 'Camden', '--as-at', '2014-02-01', '--json']]) {
      const overJournal = await cli([...view, '--journal', journal]);
      const overPostgres = await cli([...view, '--postgres', database]);
      expect(overJournal.code).toBe(0);
      expect(overPostgres.code).toBe(0);
      expect(comparable(overPostgres.stdout)).toEqual(comparable(overJournal.stdout));
    }
    const exported = join(folder.path, 'out.ndjson');
    const run = await cli(['export', '--postgres', database, '--out', exported]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Exported PostgreSQL');
    const verified = await cli(['verify', exported]);
    expect(verified.code).toBe(0);
    const tenure = ['tenure', 'Camden', '--json'];
    expect(comparable((await cli([...tenure, '--journal', exported])).stdout)).toEqual(comparable((await cli([...tenure, '--journal', journal])).stdout));
    const again = await cli(['export', '--postgres', database, '--out', exported]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/written\s+0\n/);
  });

  it('import copies a journal into an empty schema (migrating it first), the views answer as from the journal, and importing again writes nothing', async () => {
    const database = await freshDatabase();
    const imported = await cli(['import', '--postgres', database, journal]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('into PostgreSQL');
    for (const view of [['continuity', '--json'], ['accountability', 'Camden', '--as-at', '2013-05-31', '--json'], ['compliance', '--json']]) {
      const overJournal = await cli([...view, '--journal', journal]);
      const overPostgres = await cli([...view, '--postgres', database]);
      expect(overPostgres.code).toBe(overJournal.code);
      expect(comparable(overPostgres.stdout)).toEqual(comparable(overJournal.stdout));
    }
    const again = await cli(['import', '--postgres', database, journal]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/written\s+0\n/);
  });

  it('export from a database no writer has migrated says so, exit 2, and creates no schema there', async () => {
    const database = await freshDatabase();
    const run = await cli(['export', '--postgres', database, '--out', join(folder.path, 'from-nothing.ndjson')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("the PostgreSQL schema 'borough_command' is at no version");
    expect(run.stderr).not.toMatch(STACK_LINE);
    const pool = new pg.Pool({ connectionString: database });
    try {
      expect((await pool.query("SELECT 1 FROM information_schema.schemata WHERE schema_name = 'borough_command'")).rows).toEqual([]);
    } finally {
      await pool.end();
    }
  });

  it('export and import take one server: both at once, or none, is a usage error', async () => {
    const both = await cli(['export', '--eventstore', 'esdb://localhost:1?tls=false', '--postgres', server.connectionString, '--out', join(folder.path, 'never.ndjson')]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give either --eventstore or --postgres, not both');
    const none = await cli(['import', journal]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('missing --eventstore <connection string> (EventStoreDB) or --postgres <connection string> (PostgreSQL)');
  });

  it('a reading subcommand on a database never written to says the schema is not migrated, exit 2, and creates nothing', async () => {
    const database = await freshDatabase();
    const run = await cli(['replay', '--postgres', database]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("the PostgreSQL schema 'borough_command' is at no version");
    expect(run.stderr).not.toMatch(STACK_LINE);
    const pool = new pg.Pool({ connectionString: database });
    try {
      expect((await pool.query("SELECT 1 FROM information_schema.schemata WHERE schema_name = 'borough_command'")).rows).toEqual([]);
    } finally {
      await pool.end();
    }
  });

  it('a server out of reach is exit 2 with the password masked; two stores at once is a usage error', async () => {
    const away = new URL(server.connectionString);
    away.port = '1';
    const run = await cli(['tenure', 'Camden', '--postgres', away.toString()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unavailable');
    const both = await cli(['replay', '--journal', journal, '--postgres', server.connectionString]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give either --journal or --postgres, not both');
  });

  it('never prints the password of the connection string, in any run of this file', () => {
    expect(runs.length).toBeGreaterThanOrEqual(30);
    for (const run of runs) expect(`${run.stdout}\n${run.stderr}`).not.toContain(password());
  });
});
