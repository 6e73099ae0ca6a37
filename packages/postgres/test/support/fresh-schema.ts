/** Schemas of a test's own on the shared test server, migrated and ready. */
import { randomBytes } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { inject } from 'vitest';
import { migratePostgresSchema } from '@borough-command/postgres';

/** The connection string of the test server. */
export const postgresUrl = (): string => inject('postgresUrl');

/** A schema name no other test uses: `t_<label>_<random>`. */
export const uniqueSchemaName = (label: string): string => `t_${label.replace(/[^a-z0-9_]/g, '_').slice(0, 20)}_${randomBytes(5).toString('hex')}`;

/** A fresh schema, migrated to the latest version, on the test server (or on `connectionString`). */
export const freshSchema = async (label: string, connectionString: string = postgresUrl()): Promise<string> => {
  const schema = uniqueSchemaName(label);
  const migrated = await migratePostgresSchema({ connectionString }, { schema })();
  if (E.isLeft(migrated)) throw new Error(`migrating schema ${schema} failed: ${JSON.stringify(migrated.left)}`);
  return schema;
};
