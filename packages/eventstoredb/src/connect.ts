/** Opens an `EsdbConnection` from a connection string or a client, with the redactor its errors need. */
import * as E from 'fp-ts/lib/Either.js';
import type { StoreError } from '@borough-command/domain/eventsourcing';
import {
  DB_CLIENT_PACKAGE,
  defaultClientPackage,
  inSchemeOf,
  loadDbClient,
  loadKurrentDbClient,
  type EsdbClient,
  type DbClientModule,
  type EsdbClientPackage,
  type KurrentDbClientModule,
} from './connection/client-package.js';
import { dbClientConnection, type DbClientConnectionOptions } from './connection/db-client-connection.js';
import { kurrentDbClientConnection } from './connection/kurrentdb-client-connection.js';
import type { EsdbConnection } from './connection/esdb-connection.js';
import { createRedactor, secretsOf, type Redactor } from './redaction.js';

/**
 * Where the store's events live: a connection string (`esdb://` or `kurrentdb://`:
 * `kurrentdb://host:2113?tls=false`, `esdb://admin:changeit@host:2113`,
 * `esdb://node1:2113,node2:2113,node3:2113`, `esdb+discover://...`) with the client package to
 * open it with (by default the one installed: `defaultClientPackage`), a client of either package,
 * or any `EsdbConnection`. The store owns what it is given: `close()` disposes it.
 */
export type EventStoreDbTarget =
  | { readonly connectionString: string; readonly clientPackage?: EsdbClientPackage }
  | { readonly client: EsdbClient }
  | { readonly connection: EsdbConnection };

/** An `EsdbConnection` over a client of either package (told apart by the client itself). */
export const connectionOfClient = (client: EsdbClient, options: DbClientConnectionOptions = {}): EsdbConnection =>
  'rustClient' in client ? kurrentDbClientConnection(client, options) : dbClientConnection(client, options);

/**
 * A connection through a new client of the package; a message (with no quote of the string) when
 * the package cannot be loaded or the string does not parse.
 */
const openClient = (clientPackage: EsdbClientPackage, connectionString: string, options: DbClientConnectionOptions): E.Either<string, EsdbConnection> => {
  try {
    if (clientPackage === DB_CLIENT_PACKAGE) {
      return E.map((module: DbClientModule) =>
        dbClientConnection(module.EventStoreDBClient.connectionString(connectionString), options),
      )(loadDbClient());
    }
    return E.map((module: KurrentDbClientModule) =>
      kurrentDbClientConnection(module.KurrentDBClient.connectionString(connectionString), {
        ...options,
        reopen: () => module.KurrentDBClient.connectionString(connectionString),
      }),
    )(loadKurrentDbClient());
  } catch (cause) {
    return E.left(`the connection string is not valid: ${parseProblemOf(cause)}`);
  }
};

/** An open connection, and the redactor for the messages of its errors. */
export interface OpenedConnection {
  readonly connection: EsdbConnection;
  readonly redact: Redactor;
}

/**
 * Opens the target, a client appending with `options.appendMethod` (default `append`) and waiting
 * `options.deadlineMs` at most (an `EsdbConnection` given keeps its own); a connection string that
 * cannot be parsed is an `InvalidStoreArgument` with its secrets masked.
 */
export const openConnection = (target: EventStoreDbTarget, operation: string, options: DbClientConnectionOptions = {}): E.Either<StoreError, OpenedConnection> => {
  if ('connection' in target) return E.right({ connection: target.connection, redact: createRedactor() });
  if ('client' in target) return E.right({ connection: connectionOfClient(target.client, options), redact: createRedactor() });
  const redact = createRedactor(secretsOf(target.connectionString));
  const empty = emptyHostProblem(target.connectionString);
  if (empty !== undefined) return E.left({ _tag: 'InvalidStoreArgument', operation, reason: `the connection string is not valid: ${empty}` });
  const clientPackage = target.clientPackage ?? defaultClientPackage(target.connectionString);
  if (clientPackage === undefined) {
    return E.left({ _tag: 'InvalidStoreArgument', operation, reason: 'no EventStoreDB client is installed: install @kurrent/kurrentdb-client or @eventstore/db-client' });
  }
  const opened = openClient(clientPackage, inSchemeOf(clientPackage, target.connectionString), options);
  return E.isLeft(opened)
    ? E.left({ _tag: 'InvalidStoreArgument', operation, reason: redact(opened.left) })
    : E.right({ connection: opened.right, redact });
};

/**
 * An empty host in a connection string's list of hosts (`esdb://:2113`, `esdb://node1:2113,`):
 * the client takes it and then tries to reach it without end, so it is refused before a client is
 * made. Undefined when every host has a name.
 */
const emptyHostProblem = (connectionString: string): string | undefined => {
  const hosts = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/@?#]*@)?([^/?#]*)/i.exec(connectionString)?.[1];
  if (hosts === undefined) return undefined;
  const entries = hosts.split(',');
  const index = entries.findIndex((entry) => (entry.startsWith('[') ? entry : entry.split(':')[0] ?? '').trim() === '');
  if (index < 0) return undefined;
  return entries.length === 1 ? 'it names no host' : `host ${String(index + 1)} of its ${String(entries.length)} hosts is empty`;
};

/**
 * What is wrong with a connection string, without quoting it: the client's parse error quotes the
 * text it stumbled on, which may be a password (`esdb://admin:secret` with the host left out reads
 * the password as a port).
 */
const parseProblemOf = (cause: unknown): string => {
  if (typeof cause === 'object' && cause !== null && 'expected' in cause && 'location' in cause) {
    const { expected, location } = cause;
    const at = Array.isArray(location) && typeof location[0] === 'number' ? ` at character ${String(location[0] + 1)}` : '';
    if (typeof expected === 'string') return `expected ${expected}${at}`;
  }
  return cause instanceof Error ? cause.message : String(cause);
};
