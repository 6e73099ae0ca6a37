/** Opens PostgreSQL stores over the conformance events for a test, and closes them after it. */
import * as E from 'fp-ts/lib/Either.js';
import type { EventStore } from '@borough-command/domain/eventsourcing';
import { createPostgresStore, type PostgresStoreOptions } from '@borough-command/postgres';
import { conformanceRegistry, type ConformanceEvent } from '@borough-command/testing';
import { postgresUrl } from './fresh-schema.js';

/** A store over the conformance events in `schema`; throws when the store cannot be made. */
export const openStore = (schema: string, options: PostgresStoreOptions = {}, connectionString: string = postgresUrl()): EventStore<ConformanceEvent> => {
  const store = createPostgresStore(conformanceRegistry, { connectionString }, { ...options, schema });
  if (E.isLeft(store)) throw new Error(`opening the store failed: ${JSON.stringify(store.left)}`);
  return store.right;
};
