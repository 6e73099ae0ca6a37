/**
 * A projection runner's checkpoint kept in PostgreSQL: one row per projection in the schema's
 * `projection_checkpoints` table, replaced whole on each save. Each save names the number of saves
 * it last read or wrote, so two runners of one projection cannot silently overwrite each other.
 */
import * as E from 'fp-ts/lib/Either.js';
import type pg from 'pg';
import {
  checkpointUnreadable,
  checkpointUnwritable,
  decodeCheckpoint,
  type Checkpoint,
  type CheckpointError,
  type CheckpointStore,
} from '@borough-command/domain/eventsourcing';
import { createRedactor } from '../redaction.js';
import { schemaName } from '../schema/schema-name.js';
import { LATEST_SCHEMA_VERSION } from '../schema/migrations.js';
import { kindOf, messageOf, notMigratedReason } from '../store-errors.js';
import { pause } from '../subscription/pause.js';
import { delayBefore, isValidPolicy, type RetryPolicy } from '../subscription/backoff.js';

/** Options of the checkpoint store. */
export interface PostgresCheckpointOptions {
  /** The PostgreSQL schema holding `projection_checkpoints`; `borough_command` by default. */
  readonly schema?: string;
  /** Secrets to mask in error messages besides the usual credential shapes. */
  readonly secrets?: readonly string[];
  /** How a load or save that met an unreachable server is tried again; 3 attempts from 100 ms by default. */
  readonly retry?: Partial<RetryPolicy>;
}

/** Three more attempts, 100 ms, 200 ms and 400 ms apart: a server restarting or a connection re-established. */
export const defaultCheckpointRetryPolicy: RetryPolicy = { maxAttempts: 3, initialDelayMs: 100, maxDelayMs: 1_000 };

/** The pool a checkpoint store works through: the caller's, who ends it. */
export interface CheckpointTarget {
  readonly pool: pg.Pool;
}

const never = new AbortController().signal;

/** Runs a query again while it fails as unavailable, within the policy. */
const retrying = async <A>(policy: RetryPolicy, call: () => Promise<A>): Promise<E.Either<unknown, A>> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return E.right(await call());
    } catch (cause) {
      if (kindOf(cause) !== 'unavailable' || attempt > policy.maxAttempts) return E.left(cause);
      await pause(delayBefore(policy, attempt), never);
    }
  }
};

/** A checkpoint store for one projection, in the row `projection = <projection>`. */
export const createPostgresCheckpointStore = (target: CheckpointTarget, projection: string, options: PostgresCheckpointOptions = {}): CheckpointStore => {
  if (projection.length === 0) throw new Error('a checkpoint store needs a projection name');
  const schema = schemaName(options.schema);
  if (E.isLeft(schema)) throw new Error(schema.left);
  const policy = { ...defaultCheckpointRetryPolicy, ...options.retry };
  if (!isValidPolicy(policy)) throw new Error('a checkpoint store needs whole retry.maxAttempts ≥ 0 and delays with 0 ≤ initialDelayMs ≤ maxDelayMs');
  const redact = createRedactor(options.secrets);
  const table = `${schema.right.quoted}.projection_checkpoints`;
  const location = `PostgreSQL table ${schema.right.name}.projection_checkpoints, projection '${projection}'`;
  const { pool } = target;
  /** The number of saves as last read or written: 0 when there is no row; undefined until then. */
  let known: bigint | undefined;

  const reasonOf = (cause: unknown): string =>
    kindOf(cause) === 'not_migrated' ? notMigratedReason(schema.right.name, 'an older version', LATEST_SCHEMA_VERSION) : redact(messageOf(cause));

  const readRow = (): Promise<E.Either<unknown, { readonly checkpoint: unknown; readonly saves: string } | undefined>> =>
    retrying(policy, async () => (await pool.query<{ checkpoint: unknown; saves: string }>(`SELECT checkpoint, saves FROM ${table} WHERE projection = $1`, [projection])).rows[0]);

  const write = async (json: string, after: bigint): Promise<E.Either<unknown, bigint | undefined>> =>
    retrying(policy, async () => {
      const result =
        after === 0n
          ? await pool.query<{ saves: string }>(`INSERT INTO ${table} (projection, checkpoint, saves) VALUES ($1, $2::json, 1) ON CONFLICT (projection) DO NOTHING RETURNING saves`, [projection, json])
          : await pool.query<{ saves: string }>(`UPDATE ${table} SET checkpoint = $2::json, saves = saves + 1, saved_at = now() WHERE projection = $1 AND saves = $3 RETURNING saves`, [projection, json, after.toString()]);
      const saves = result.rows[0]?.saves;
      return saves === undefined ? undefined : BigInt(saves);
    });

  return {
    location,
    load: () => async (): Promise<E.Either<CheckpointError, Checkpoint | undefined>> => {
      const row = await readRow();
      if (E.isLeft(row)) return E.left(checkpointUnreadable(location, reasonOf(row.left)));
      if (row.right === undefined) {
        known = 0n;
        return E.right(undefined);
      }
      known = BigInt(row.right.saves);
      return decodeCheckpoint(row.right.checkpoint, location);
    },
    save: (checkpoint: Checkpoint) => async (): Promise<E.Either<CheckpointError, void>> => {
      let json: string;
      try {
        json = JSON.stringify(checkpoint);
      } catch (cause) {
        return E.left(checkpointUnwritable(location, `the checkpoint is not JSON: ${messageOf(cause)}`));
      }
      let after = known;
      if (after === undefined) {
        const row = await readRow();
        if (E.isLeft(row)) return E.left(checkpointUnwritable(location, reasonOf(row.left)));
        after = row.right === undefined ? 0n : BigInt(row.right.saves);
      }
      const written = await write(json, after);
      if (E.isLeft(written)) {
        // After a lost answer the count is unknown: the next save reads it again.
        known = undefined;
        return E.left(checkpointUnwritable(location, reasonOf(written.left)));
      }
      if (written.right === undefined) {
        // Kept as it was: this store goes on refusing to overwrite the other runner's checkpoint.
        return E.left(checkpointUnwritable(location, `another runner saved a checkpoint first (this store last saw ${after.toString()} saves)`));
      }
      known = written.right;
      return E.right(undefined);
    },
  };
};
