/** Opens the connection pool a store works through, from a connection string or a pool given. */
import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import type { StoreError } from '@borough-command/domain/eventsourcing';
import { createRedactor, secretsOf, type Redactor } from './redaction.js';

/**
 * Where the store's events live: a connection string (`postgres://user:password@host:5432/db`,
 * or `host=... dbname=...` key-value form), whose pool the store creates and `close()` ends, or a
 * `pg.Pool` the caller keeps: `close()` then leaves it open.
 */
export type PostgresTarget = { readonly connectionString: string } | { readonly pool: pg.Pool };

/** How the pool a store creates from a connection string is sized and how long it waits for a connection. */
export interface PoolOptions {
  /** Most connections at once; 10 by default. */
  readonly maxConnections?: number;
  /** How long to wait for a connection before the operation is `StoreUnavailable`; 10,000 ms by default. */
  readonly connectionTimeoutMs?: number;
}

/** An open pool, whether the store owns it, and the redactor for the messages of its errors. */
export interface OpenedPool {
  readonly pool: pg.Pool;
  readonly owned: boolean;
  readonly redact: Redactor;
}

const ignoreIdleClientError = (): void => {
  // A pooled connection that breaks while idle (the server restarted) is dropped by the pool;
  // the next operation opens a new one and reports its own failure if the server is still away.
};

/** Whether a connection string names a URL that cannot be parsed; the problem without quoting the string. */
const urlProblem = (connectionString: string): string | undefined => {
  if (!/^postgres(ql)?:\/\//i.test(connectionString)) {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(connectionString) ? 'it is a URL but not a postgres:// or postgresql:// one' : undefined;
  }
  try {
    new URL(connectionString);
    return undefined;
  } catch {
    return 'it is not a valid URL';
  }
};

/** Opens the target's pool; a connection string that cannot be parsed is an `InvalidStoreArgument`, its password masked. */
export const openPool = (target: PostgresTarget, operation: string, options: PoolOptions = {}): E.Either<StoreError, OpenedPool> => {
  if ('pool' in target) {
    // Once per pool, however many stores share it.
    if (!target.pool.listeners('error').includes(ignoreIdleClientError)) target.pool.on('error', ignoreIdleClientError);
    return E.right({ pool: target.pool, owned: false, redact: createRedactor() });
  }
  const redact = createRedactor(secretsOf(target.connectionString));
  if (target.connectionString.trim() === '') return E.left({ _tag: 'InvalidStoreArgument', operation, reason: 'the connection string is empty' });
  const problem = urlProblem(target.connectionString);
  if (problem !== undefined) return E.left({ _tag: 'InvalidStoreArgument', operation, reason: `the connection string is not valid: ${problem}` });
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 10_000,
  });
  pool.on('error', ignoreIdleClientError);
  return E.right({ pool, owned: true, redact });
};
