/**
 * The two client packages the adapter speaks through, `@eventstore/db-client` 6.2.1 and
 * `@kurrent/kurrentdb-client` 1.3, both optional: a client is loaded only when a store is opened
 * with it, so a service installs the one it uses. Never both in one process (their generated
 * protocol classes share one global namespace: see docs/eventstoredb.md).
 */
import { createRequire } from 'node:module';
import * as E from 'fp-ts/lib/Either.js';
import type * as DbClient from '@eventstore/db-client';
import type * as KurrentDbClient from '@kurrent/kurrentdb-client';

/** The client package a store speaks through. */
export type EsdbClientPackage = '@eventstore/db-client' | '@kurrent/kurrentdb-client';

/** The legacy client, `@eventstore/db-client` 6.2.1. */
export const DB_CLIENT_PACKAGE = '@eventstore/db-client' satisfies EsdbClientPackage;

/** The current client, `@kurrent/kurrentdb-client` 1.3. */
export const KURRENTDB_CLIENT_PACKAGE = '@kurrent/kurrentdb-client' satisfies EsdbClientPackage;

/** A client object of either package. */
export type EsdbClient = DbClient.EventStoreDBClient | KurrentDbClient.KurrentDBClient;

const requireHere = createRequire(import.meta.url);

/** Whether the package can be loaded from here. */
export const isClientInstalled = (clientPackage: EsdbClientPackage): boolean => {
  try {
    requireHere.resolve(clientPackage);
    return true;
  } catch {
    return false;
  }
};

/** The other package of the two. */
const otherThan = (clientPackage: EsdbClientPackage): EsdbClientPackage => (clientPackage === DB_CLIENT_PACKAGE ? KURRENTDB_CLIENT_PACKAGE : DB_CLIENT_PACKAGE);

/** Whether the package's modules are already loaded in this process (Node's CommonJS cache). */
export const isClientLoaded = (clientPackage: EsdbClientPackage): boolean => {
  const marker = `/node_modules/${clientPackage}/`;
  return Object.keys(requireHere.cache).some((path) => path.replaceAll('\\', '/').includes(marker));
};

/**
 * Why a package must not be loaded now: the other client is loaded already. Both clients' generated
 * protocol classes register under the same names on one global `proto` namespace, and the last
 * loaded replaces the first's: the first client then fails to serialize its requests.
 */
export const secondClientProblem = (clientPackage: EsdbClientPackage): string | undefined =>
  isClientLoaded(otherThan(clientPackage))
    ? `${clientPackage} cannot be loaded: ${otherThan(clientPackage)} is loaded in this process, and the two clients' generated protocol classes share one global namespace (use one client per process)`
    : undefined;

/** Loads a client package (both are CommonJS, so this is synchronous); a message naming it when it is not installed, or when the other client is loaded. */
const load = <M>(clientPackage: EsdbClientPackage): E.Either<string, M> => {
  const problem = secondClientProblem(clientPackage);
  if (problem !== undefined) return E.left(problem);
  try {
    return E.right(requireHere(clientPackage) as M);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message.split('\n')[0] ?? cause.message : String(cause);
    return E.left(`the client package ${clientPackage} cannot be loaded (install it beside @borough-command/eventstoredb): ${reason}`);
  }
};

/** The module `@eventstore/db-client`. */
export type DbClientModule = typeof DbClient;

/** The module `@kurrent/kurrentdb-client`. */
export type KurrentDbClientModule = typeof KurrentDbClient;

/** `@eventstore/db-client`, loaded on first use. */
export const loadDbClient = (): E.Either<string, DbClientModule> => load<DbClientModule>(DB_CLIENT_PACKAGE);

/** `@kurrent/kurrentdb-client`, loaded on first use. */
export const loadKurrentDbClient = (): E.Either<string, KurrentDbClientModule> => load<KurrentDbClientModule>(KURRENTDB_CLIENT_PACKAGE);

/** Whether a connection string names KurrentDB's scheme (`kurrentdb://`, `kurrentdb+discover://`). */
const KURRENTDB_SCHEME = /^kurrentdb(\+discover)?:\/\//i;
/** EventStoreDB's scheme (`esdb://`, `esdb+discover://`). */
const ESDB_SCHEME = /^esdb(\+discover)?:\/\//i;

/**
 * The client for a connection string when none is named: the only one installed; with both
 * installed, `@kurrent/kurrentdb-client` for a `kurrentdb://` string and `@eventstore/db-client`
 * otherwise; undefined when neither is installed.
 */
export const defaultClientPackage = (connectionString: string): EsdbClientPackage | undefined => {
  const legacy = isClientInstalled(DB_CLIENT_PACKAGE);
  const current = isClientInstalled(KURRENTDB_CLIENT_PACKAGE);
  if (legacy && current) return KURRENTDB_SCHEME.test(connectionString) ? KURRENTDB_CLIENT_PACKAGE : DB_CLIENT_PACKAGE;
  if (legacy) return DB_CLIENT_PACKAGE;
  return current ? KURRENTDB_CLIENT_PACKAGE : undefined;
};

/**
 * The connection string in the scheme the client expects: `@eventstore/db-client` 6.2.1 parses only
 * `esdb://`, and `@kurrent/kurrentdb-client` warns on stderr about `esdb://` (deprecated). Only the
 * scheme changes.
 */
export const inSchemeOf = (clientPackage: EsdbClientPackage, connectionString: string): string =>
  clientPackage === DB_CLIENT_PACKAGE
    ? connectionString.replace(KURRENTDB_SCHEME, (_, discover: string | undefined) => `esdb${discover ?? ''}://`)
    : connectionString.replace(ESDB_SCHEME, (_, discover: string | undefined) => `kurrentdb${discover ?? ''}://`);
