/** Opens a PostgreSQL store for the command line, from `--postgres <connection string>`. */
import * as E from 'fp-ts/lib/Either.js';
import { domainEventRegistry, type DomainEvent } from '@borough-command/domain';
import { describeStoreError, type EventStore } from '@borough-command/domain/eventsourcing';
import { createPostgresStore, createRedactor, migratePostgresSchema, secretsOf } from '@borough-command/postgres';
import { inputError, type CliFailure } from './failure.js';
import { storeFailure } from './store-errors.js';

/** A PostgreSQL connection string with its password masked, for messages. */
export const redactedPostgres = (connectionString: string): string => createRedactor(secretsOf(connectionString))(connectionString);

/**
 * Opens the store in the schema `borough_command`; nothing is sent until the first read. A
 * connection string that cannot be parsed is bad input, named with its password masked. A schema
 * not yet migrated fails on the first read, saying so: only the subcommands that write migrate it.
 */
export const openPostgres = (connectionString: string): E.Either<CliFailure, EventStore<DomainEvent>> => {
  const opened = createPostgresStore(domainEventRegistry, { connectionString });
  return E.isLeft(opened) ? E.left(inputError(`--postgres ${redactedPostgres(connectionString)}: ${describeStoreError(opened.left)}`)) : opened;
};

/**
 * Opens the store for writing: first brings its schema to the version this release needs (the
 * explicit, idempotent migration: nothing is changed when it is there already), then opens it.
 */
export const openPostgresForWriting = async (connectionString: string): Promise<E.Either<CliFailure, EventStore<DomainEvent>>> => {
  const store = openPostgres(connectionString);
  if (E.isLeft(store)) return store;
  const migrated = await migratePostgresSchema({ connectionString })();
  if (E.isRight(migrated)) return store;
  await store.right.close();
  return E.left(storeFailure(migrated.left));
};
