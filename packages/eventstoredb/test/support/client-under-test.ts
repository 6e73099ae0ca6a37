/**
 * The client this test process speaks through: the one whose protocol modules the test server
 * loaded (`BOROUGH_COMMAND_EVENTSTORE_CLIENT`, set per vitest project). A process loads one client only.
 */
import * as E from 'fp-ts/lib/Either.js';
import { testServerClientPackage } from '@borough-command/eventstoredb/testing';
import type { EventStoreDBClient } from '@eventstore/db-client';
import type { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { inSchemeOf, loadDbClient, loadKurrentDbClient } from '../../src/connection/client-package.js';
import {
  dbClientConnection,
  kurrentDbClientConnection,
  type DbClientConnectionOptions,
  type EsdbClient,
  type EsdbClientPackage,
  type EsdbConnection,
} from '../../src/index.js';

/** The client package under test in this process. */
export const clientUnderTest: EsdbClientPackage = testServerClientPackage;

/** Whether the client under test is `@kurrent/kurrentdb-client`. */
export const isKurrentDbClient = clientUnderTest === '@kurrent/kurrentdb-client';

/**
 * What a test adds to the test server's connection string for the client under test not to wait:
 * the KurrentDB client's native bridge waits its `discoveryInterval` (500 ms by default) before its
 * first connection and before each reconnection, so it is set to 10 ms there.
 */
export const noConnectionWait = isKurrentDbClient ? '&discoveryInterval=10' : '';

const orThrow = <A>(loaded: E.Either<string, A>): A => {
  if (E.isLeft(loaded)) throw new Error(loaded.left);
  return loaded.right;
};

/** A new `@kurrent/kurrentdb-client` client for the connection string. */
const kurrentDbClientFor = (connectionString: string): KurrentDBClient =>
  orThrow(loadKurrentDbClient()).KurrentDBClient.connectionString(inSchemeOf('@kurrent/kurrentdb-client', connectionString));

/** A new `@eventstore/db-client` client for the connection string. */
const dbClientFor = (connectionString: string): EventStoreDBClient =>
  orThrow(loadDbClient()).EventStoreDBClient.connectionString(inSchemeOf('@eventstore/db-client', connectionString));

/** A new client of the package under test; throws (failing the test) when it cannot be made. */
export const clientUnderTestFor = (connectionString: string): EsdbClient =>
  isKurrentDbClient ? kurrentDbClientFor(connectionString) : dbClientFor(connectionString);

/** A new client of the package under test, as an `EsdbConnection`; throws (failing the test) when it cannot be made. */
export const connectionUnderTest = (connectionString: string, options: DbClientConnectionOptions = {}): EsdbConnection =>
  isKurrentDbClient
    ? kurrentDbClientConnection(kurrentDbClientFor(connectionString), { ...options, reopen: () => kurrentDbClientFor(connectionString) })
    : dbClientConnection(dbClientFor(connectionString), options);
