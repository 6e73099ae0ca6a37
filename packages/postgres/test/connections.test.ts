/**
 * Where a store connects to: a pool given stays the caller's, connection strings that cannot work
 * are refused with their password masked, and a server out of reach is StoreUnavailable.
 */
import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import { describeStoreError } from '@borough-command/domain/eventsourcing';
import { commandEvents, conformanceRegistry, freshCommandId, numberedItems } from '@borough-command/testing';
import { describe, expect, it } from 'vitest';
import { createPostgresStore } from '../src/index.js';
import { freshSchema, postgresUrl } from './support/fresh-schema.js';

const SECRET = 'pa55-w0rd-never-shown';

describe('postgres: connection targets', () => {
  it('a pool given stays open when the store closes', async () => {
    const schema = await freshSchema('pool');
    const pool = new pg.Pool({ connectionString: postgresUrl() });
    try {
      const store = createPostgresStore(conformanceRegistry, { pool }, { schema });
      if (E.isLeft(store)) throw new Error(JSON.stringify(store.left));
      expect(E.isRight(await store.right.appendToStream('p-1', commandEvents(freshCommandId('p'), numberedItems('p', 0, 1)), 'no_stream')())).toBe(true);
      await store.right.close();
      const count = await pool.query<{ count: string }>(`SELECT count(*) AS count FROM "${schema}".events`);
      expect(count.rows).toEqual([{ count: '1' }]);
    } finally {
      await pool.end();
    }
  });

  it('a connection string that cannot be parsed is InvalidStoreArgument, without its password', () => {
    for (const connectionString of ['', `postgres://user:${SECRET}@[::1`, `mysql://user:${SECRET}@host/db`]) {
      const store = createPostgresStore(conformanceRegistry, { connectionString });
      expect(E.isLeft(store) && store.left._tag).toBe('InvalidStoreArgument');
      expect(E.isLeft(store) && describeStoreError(store.left)).not.toContain(SECRET);
    }
  });

  it('a wrong password is refused for good (not retryable), and the message does not show it', async () => {
    const url = new URL(postgresUrl());
    url.password = SECRET;
    const store = createPostgresStore(conformanceRegistry, { connectionString: url.toString() }, { schema: 'nowhere' });
    if (E.isLeft(store)) throw new Error(JSON.stringify(store.left));
    const read = await store.right.readStream('s')();
    await store.right.close();
    expect(E.isLeft(read) && read.left._tag).toBe('InvalidStoreArgument');
    expect(E.isLeft(read) && describeStoreError(read.left)).toContain('password authentication failed');
    expect(JSON.stringify(read)).not.toContain(SECRET);
  });

  it('a server out of reach is StoreUnavailable, and the password is not shown', async () => {
    const store = createPostgresStore(conformanceRegistry, { connectionString: `postgres://user:${SECRET}@127.0.0.1:1/db` }, { connectionTimeoutMs: 2_000 });
    if (E.isLeft(store)) throw new Error(JSON.stringify(store.left));
    const appended = await store.right.appendToStream('s', commandEvents(freshCommandId('u'), numberedItems('u', 0, 1)), 'any')();
    await store.right.close();
    expect(E.isLeft(appended) && appended.left._tag).toBe('StoreUnavailable');
    expect(JSON.stringify(appended)).not.toContain(SECRET);
  });
});
