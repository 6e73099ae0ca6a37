/** Reads the version a store's schema is at, and checks it is the one the store needs. */
import * as E from 'fp-ts/lib/Either.js';
import type pg from 'pg';
import type { StoreError } from '@borough-command/domain/eventsourcing';
import type { Redactor } from '../redaction.js';
import { kindOf, notMigratedReason, toStoreError } from '../store-errors.js';
import { LATEST_SCHEMA_VERSION } from './migrations.js';
import type { SchemaName } from './schema-name.js';

/** The schema's version; 0 when the schema or its `schema_version` table does not exist. */
export const readSchemaVersion = async (queryable: pg.Pool | pg.ClientBase, schema: SchemaName): Promise<number> => {
  try {
    const result = await queryable.query<{ version: number | null }>(`SELECT max(version) AS version FROM ${schema.quoted}.schema_version`);
    return result.rows[0]?.version ?? 0;
  } catch (cause) {
    if (kindOf(cause) === 'not_migrated') return 0;
    throw cause;
  }
};

/**
 * Checks that the schema is at the version this store needs: a schema not migrated (or migrated by
 * a newer release) is an `InvalidStoreArgument` saying what to run; an unreachable server is
 * `StoreUnavailable`.
 */
export const checkSchemaVersion = async (pool: pg.Pool, schema: SchemaName, operation: string, redact: Redactor): Promise<E.Either<StoreError, void>> => {
  let version: number;
  try {
    version = await readSchemaVersion(pool, schema);
  } catch (cause) {
    return E.left(toStoreError(cause, { operation, schema: schema.name, redact }));
  }
  if (version === LATEST_SCHEMA_VERSION) return E.right(undefined);
  if (version > LATEST_SCHEMA_VERSION) {
    return E.left({
      _tag: 'InvalidStoreArgument',
      operation,
      reason: `the PostgreSQL schema '${schema.name}' is at version ${String(version)}, newer than the version ${String(LATEST_SCHEMA_VERSION)} this release knows: use the release that migrated it`,
    });
  }
  return E.left({ _tag: 'InvalidStoreArgument', operation, reason: notMigratedReason(schema.name, version === 0 ? 'no version' : `version ${String(version)}`, LATEST_SCHEMA_VERSION) });
};
