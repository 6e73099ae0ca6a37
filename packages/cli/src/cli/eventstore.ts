import * as E from 'fp-ts/lib/Either.js';
import { domainEventRegistry, type DomainEvent } from '@borough-command/domain';
import { describeStoreError, type EventStore } from '@borough-command/domain/eventsourcing';
import { createEventStoreDbStore, createRedactor, secretsOf } from '@borough-command/eventstoredb';
import { inputError, type CliFailure } from './failure.js';

/** A connection string with its credentials masked, for messages. */
export const redactedConnection = (connectionString: string): string => createRedactor(secretsOf(connectionString))(connectionString);

/** The environment variable that sets how long a call to EventStoreDB waits for the server, in milliseconds. */
export const DEADLINE_VARIABLE = 'BOROUGH_COMMAND_EVENTSTORE_DEADLINE_MS';

/** The deadline the environment sets, if any: a whole number of milliseconds from 1 to 3,600,000. */
const deadlineOf = (value: string | undefined): E.Either<CliFailure, number | undefined> => {
  if (value === undefined || value === '') return E.right(undefined);
  const ms = /^\d{1,7}$/.test(value) ? Number(value) : Number.NaN;
  return ms >= 1 && ms <= 3_600_000
    ? E.right(ms)
    : E.left(inputError(`${DEADLINE_VARIABLE}: '${value}' is not a whole number of milliseconds from 1 to 3600000`));
};

/**
 * Opens EventStoreDB through the adapter; nothing is sent until the first read or append. A
 * connection string that cannot be parsed is bad input, named with its credentials masked. Every
 * call waits for the server as long as `BOROUGH_COMMAND_EVENTSTORE_DEADLINE_MS` says (the
 * adapter's 10 s when unset; `env` is the command line's environment): an append past it has an unknown outcome, a read past it fails.
 */
export const openEventStoreDb = (
  connectionString: string,
  env: Readonly<Record<string, string | undefined>>,
): E.Either<CliFailure, EventStore<DomainEvent>> => {
  const deadline = deadlineOf(env[DEADLINE_VARIABLE]);
  if (E.isLeft(deadline)) return deadline;
  const deadlineMs = deadline.right;
  const opened = createEventStoreDbStore(domainEventRegistry, { connectionString }, deadlineMs === undefined ? {} : { deadlineMs });
  return E.isLeft(opened) ? E.left(inputError(`--eventstore ${redactedConnection(connectionString)}: ${describeStoreError(opened.left)}`)) : opened;
};
