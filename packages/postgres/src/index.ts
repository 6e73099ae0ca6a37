/**
 * `@borough-command/postgres`: the `EventStore` port over PostgreSQL (node-postgres 8.23.1), its
 * explicit, versioned schema migration, and a projection checkpoint store kept in PostgreSQL.
 */

/** The store: `createPostgresStore(registry, { connectionString } | { pool }, options?)`. */
export { createPostgresStore, type PostgresStoreOptions } from './postgres-store.js';
/** Where a store or a migration connects to, and how the pool it creates is sized. */
export type { PoolOptions, PostgresTarget } from './connect.js';
/** Creates or upgrades a store's schema: run it before a store is used, and after an upgrade. */
export { migratePostgresSchema, type MigrateOptions, type MigrationReport } from './schema/migrate.js';
/** The schema a store uses when none is named. */
export { DEFAULT_SCHEMA } from './schema/schema-name.js';
/** The schema version this release needs. */
export { LATEST_SCHEMA_VERSION } from './schema/migrations.js';
/** How a subscription whose reads fail as unavailable tries again, and the default policy. */
export { defaultResubscribePolicy, type RetryPolicy } from './subscription/backoff.js';
/** Masks a connection string's password in messages. */
export { createRedactor, secretsOf, type Redactor } from './redaction.js';
/** The checkpoint store: one row per projection in `projection_checkpoints`, replaced whole on each save. */
export {
  createPostgresCheckpointStore,
  defaultCheckpointRetryPolicy,
  type CheckpointTarget,
  type PostgresCheckpointOptions,
} from './checkpoints/postgres-checkpoint-store.js';
