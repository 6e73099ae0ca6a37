/**
 * `migratePostgresSchema`: creates or upgrades a store's schema, explicitly. Idempotent: run again,
 * it applies nothing. Concurrent runs wait for each other on an advisory lock, so each migration is
 * applied once.
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import type { StoreError } from '@borough-command/domain/eventsourcing';
import { checkIn, checkOut } from '../check-out.js';
import { openPool, type PoolOptions, type PostgresTarget } from '../connect.js';
import { toStoreError } from '../store-errors.js';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations.js';
import { schemaName } from './schema-name.js';
import { readSchemaVersion } from './schema-version.js';

/** Options of a migration. */
export interface MigrateOptions extends PoolOptions {
  /** The PostgreSQL schema to migrate; `borough_command` by default. */
  readonly schema?: string;
}

/** What a migration did: the schema's version before and after, and the versions it applied. */
export interface MigrationReport {
  readonly schema: string;
  readonly from: number;
  readonly to: number;
  readonly applied: readonly number[];
}

const OPERATION = 'migrate the PostgreSQL schema';

/**
 * Brings the schema to the latest version in one transaction: creates the schema and its
 * `schema_version` table if needed, then applies each missing migration and records it. A schema
 * at a newer version than this release knows is refused and left as it is.
 */
export const migratePostgresSchema =
  (target: PostgresTarget, options: MigrateOptions = {}): TE.TaskEither<StoreError, MigrationReport> =>
  async () => {
    const schema = schemaName(options.schema);
    if (E.isLeft(schema)) return E.left({ _tag: 'InvalidStoreArgument', operation: OPERATION, reason: schema.left });
    const s = schema.right.quoted;
    const opened = openPool(target, OPERATION, options);
    if (E.isLeft(opened)) return opened;
    const { pool, owned, redact } = opened.right;
    const fail = (cause: unknown): E.Either<StoreError, never> => E.left(toStoreError(cause, { operation: OPERATION, schema: schema.right.name, redact }));
    try {
      const checkedOut = await checkOut(pool);
      if (E.isLeft(checkedOut)) return fail(checkedOut.left);
      const client = checkedOut.right;
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`borough-command migrate ${schema.right.name}`]);
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
        await client.query(`CREATE TABLE IF NOT EXISTS ${s}.schema_version (
          version integer PRIMARY KEY,
          description text NOT NULL,
          applied_at timestamptz NOT NULL DEFAULT now()
        )`);
        const from = await readSchemaVersion(client, schema.right);
        if (from > LATEST_SCHEMA_VERSION) {
          await client.query('ROLLBACK');
          checkIn(client);
          return E.left({
            _tag: 'InvalidStoreArgument',
            operation: OPERATION,
            reason: `the PostgreSQL schema '${schema.right.name}' is at version ${String(from)}, newer than the version ${String(LATEST_SCHEMA_VERSION)} this release knows; nothing was changed`,
          });
        }
        const pending = migrations.filter((migration) => migration.version > from);
        for (const migration of pending) {
          for (const statement of migration.statements(s)) await client.query(statement);
          await client.query(`INSERT INTO ${s}.schema_version (version, description) VALUES ($1, $2)`, [migration.version, migration.description]);
        }
        await client.query('COMMIT');
        checkIn(client);
        return E.right({ schema: schema.right.name, from, to: LATEST_SCHEMA_VERSION, applied: pending.map((migration) => migration.version) });
      } catch (cause) {
        // The connection is dropped rather than reused: its transaction is rolled back with it.
        checkIn(client, cause);
        return fail(cause);
      }
    } finally {
      if (owned) await pool.end().catch(() => undefined);
    }
  };
