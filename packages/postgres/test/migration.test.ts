/**
 * The schema is created only by the explicit migration: idempotent, versioned, safe to run from
 * several processes at once; a store used before it says to run it.
 */
import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import { describeStoreError } from '@borough-command/domain/eventsourcing';
import { commandEvents, conformanceRegistry, freshCommandId, numberedItems } from '@borough-command/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, createPostgresStore, migratePostgresSchema } from '../src/index.js';
import { postgresUrl, uniqueSchemaName } from './support/fresh-schema.js';
import { openStore } from './support/open-store.js';

let pool: pg.Pool;

beforeAll(() => {
  pool = new pg.Pool({ connectionString: postgresUrl() });
});

afterAll(async () => {
  await pool.end();
});

const versions = async (schema: string): Promise<readonly number[]> =>
  (await pool.query<{ version: number }>(`SELECT version FROM "${schema}".schema_version ORDER BY version`)).rows.map((row) => row.version);

describe('postgres: the explicit, versioned migration', () => {
  it('a store used before the migration fails on every operation with a sentence saying to run it, and creates nothing', async () => {
    const schema = uniqueSchemaName('before');
    const store = openStore(schema);
    try {
      const appended = await store.appendToStream('s-1', commandEvents(freshCommandId('c'), numberedItems('e', 0, 1)), 'no_stream')();
      expect(E.isLeft(appended) && appended.left._tag).toBe('InvalidStoreArgument');
      expect(E.isLeft(appended) && describeStoreError(appended.left)).toContain(`the PostgreSQL schema '${schema}' is at no version, this store needs version ${String(LATEST_SCHEMA_VERSION)}: run the migration first`);
      const read = await store.readStream('s-1')();
      expect(E.isLeft(read) && read.left._tag).toBe('InvalidStoreArgument');
      const pages = [];
      for await (const page of store.readAll()) pages.push(page);
      expect(pages).toHaveLength(1);
      expect(E.isLeft(pages[0]!) && pages[0].left._tag).toBe('InvalidStoreArgument');
      for await (const message of store.subscribeToAll()) {
        expect(message._tag === 'Dropped' && message.error._tag).toBe('InvalidStoreArgument');
        break;
      }
      const present = await pool.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [schema]);
      expect(present.rows).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('migrates from nothing to the latest version, then again applies nothing; the store then works', async () => {
    const schema = uniqueSchemaName('twice');
    const target = { connectionString: postgresUrl() };
    expect(await migratePostgresSchema(target, { schema })()).toEqual(
      E.right({ schema, from: 0, to: LATEST_SCHEMA_VERSION, applied: Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1) }),
    );
    expect(await migratePostgresSchema(target, { schema })()).toEqual(E.right({ schema, from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION, applied: [] }));
    expect(await versions(schema)).toEqual(Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1));
    const store = openStore(schema);
    try {
      expect(E.isRight(await store.appendToStream('s-1', commandEvents(freshCommandId('c'), numberedItems('e', 0, 2)), 'no_stream')())).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('several migrations at once apply each version once', async () => {
    const schema = uniqueSchemaName('racing');
    const results = await Promise.all(Array.from({ length: 4 }, () => migratePostgresSchema({ pool }, { schema })()));
    const applied = results.map((result) => (E.isRight(result) ? result.right.applied : ['failed']));
    expect(applied.filter((list) => list.length > 0)).toEqual([Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1)]);
    expect(await versions(schema)).toEqual(Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1));
  });

  it('brings a schema at an older version up to the latest, keeping its events', async () => {
    const schema = uniqueSchemaName('upgrade');
    await migratePostgresSchema({ pool }, { schema })();
    const store = openStore(schema);
    const events = commandEvents(freshCommandId('c'), numberedItems('kept', 0, 3));
    await store.appendToStream('kept-1', events, 'no_stream')();
    await store.close();
    // Back to version 1: as a release before the checkpoint table left it.
    await pool.query(`DROP TABLE "${schema}".projection_checkpoints; DELETE FROM "${schema}".schema_version WHERE version > 1`);
    const older = openStore(schema);
    const refused = await older.readStream('kept-1')();
    expect(E.isLeft(refused) && describeStoreError(refused.left)).toContain('is at version 1, this store needs version 2: run the migration first');
    await older.close();
    expect(await migratePostgresSchema({ pool }, { schema })()).toEqual(E.right({ schema, from: 1, to: LATEST_SCHEMA_VERSION, applied: [2] }));
    const upgraded = openStore(schema);
    const read = await upgraded.readStream('kept-1')();
    expect(E.isRight(read) && read.right.map((e) => e.metadata.eventId)).toEqual(events.map((e) => e.metadata.eventId));
    await upgraded.close();
  });

  it('refuses a schema at a newer version than this release knows, and changes nothing', async () => {
    const schema = uniqueSchemaName('newer');
    await migratePostgresSchema({ pool }, { schema })();
    await pool.query(`INSERT INTO "${schema}".schema_version (version, description) VALUES ($1, 'from a later release')`, [LATEST_SCHEMA_VERSION + 1]);
    const refused = await migratePostgresSchema({ pool }, { schema })();
    expect(E.isLeft(refused) && describeStoreError(refused.left)).toContain(`is at version ${String(LATEST_SCHEMA_VERSION + 1)}, newer than the version ${String(LATEST_SCHEMA_VERSION)} this release knows`);
    const store = openStore(schema);
    const read = await store.readStream('x')();
    expect(E.isLeft(read) && describeStoreError(read.left)).toContain('newer than the version');
    await store.close();
  });

  it('refuses a schema name that is not a plain identifier, before connecting', async () => {
    for (const schema of ['Borough', 'a-b', '1abc', 'pg_catalog', 'x"; DROP TABLE y; --', '']) {
      const store = createPostgresStore(conformanceRegistry, { connectionString: postgresUrl() }, { schema });
      expect(E.isLeft(store) && store.left._tag).toBe('InvalidStoreArgument');
      const migrated = await migratePostgresSchema({ connectionString: postgresUrl() }, { schema })();
      expect(E.isLeft(migrated) && migrated.left._tag).toBe('InvalidStoreArgument');
    }
  });
});
