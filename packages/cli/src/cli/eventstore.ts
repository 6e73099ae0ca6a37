import * as E from 'fp-ts/lib/Either.js';
import { describeStoreError, domainEventRegistry, type DomainEvent, type EventStore } from '@borough-command/domain';
import { createEventStoreDbStore, createRedactor, secretsOf } from '@borough-command/eventstoredb';
import { inputError, type CliFailure } from './failure.js';

/** A connection string with its credentials masked, for messages. */
export const redactedConnection = (connectionString: string): string => createRedactor(secretsOf(connectionString))(connectionString);

/**
 * Opens EventStoreDB through the adapter; nothing is sent until the first read or append. A
 * connection string that cannot be parsed is bad input, named with its credentials masked.
 */
export const openEventStoreDb = (connectionString: string): E.Either<CliFailure, EventStore<DomainEvent>> => {
  const opened = createEventStoreDbStore(domainEventRegistry, { connectionString });
  return E.isLeft(opened) ? E.left(inputError(`--eventstore ${redactedConnection(connectionString)}: ${describeStoreError(opened.left)}`)) : opened;
};
