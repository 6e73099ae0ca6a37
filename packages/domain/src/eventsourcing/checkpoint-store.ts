/**
 * The checkpoint store port: where a projection runner keeps, between runs, the last global
 * position it applied and every view's snapshot at that position, saved as one JSON document so a
 * restart resumes exactly. Every adapter (a file, EventStoreDB, PostgreSQL) implements this port
 * and decodes what it reads with `decodeCheckpoint`.
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import * as t from 'io-ts';
import { firstProblem } from './validation-report.js';

/** The checkpoint format runners write and stores accept. */
export const CHECKPOINT_FORMAT = 1;

/** Where a runner stands: the last global position applied, and every view's snapshot at it, by view name. */
export interface Checkpoint {
  readonly format: number;
  /** The global position of the last event applied, as a decimal string; null before any. */
  readonly position: string | null;
  /** Each view's snapshot, by view name. */
  readonly views: Readonly<Record<string, unknown>>;
}

/** A checkpoint that could not be read: missing permissions, a broken disk, an unreachable server. */
export interface CheckpointUnreadable {
  readonly _tag: 'CheckpointUnreadable';
  readonly location: string;
  readonly reason: string;
  readonly message: string;
}

/** A checkpoint that could not be written. */
export interface CheckpointUnwritable {
  readonly _tag: 'CheckpointUnwritable';
  readonly location: string;
  readonly reason: string;
  readonly message: string;
}

/** Content that is not a checkpoint: not JSON, or the wrong shape or format. */
export interface CheckpointCorrupt {
  readonly _tag: 'CheckpointCorrupt';
  readonly location: string;
  readonly reason: string;
  readonly message: string;
}

/** Every error of a checkpoint store. */
export type CheckpointError = CheckpointUnreadable | CheckpointUnwritable | CheckpointCorrupt;

/** Where a runner keeps its checkpoint between runs. */
export interface CheckpointStore {
  /** Where the checkpoint lives, for messages: a file path, a stream, a table row, `memory`. */
  readonly location: string;
  /** The saved checkpoint, or undefined when none was saved yet. */
  readonly load: () => TE.TaskEither<CheckpointError, Checkpoint | undefined>;
  /** Replaces the saved checkpoint, all or nothing. */
  readonly save: (checkpoint: Checkpoint) => TE.TaskEither<CheckpointError, void>;
}

/** A `CheckpointUnreadable` error with its sentence. */
export const checkpointUnreadable = (location: string, reason: string): CheckpointUnreadable => ({
  _tag: 'CheckpointUnreadable',
  location,
  reason,
  message: `the checkpoint at ${location} could not be read: ${reason}`,
});

/** A `CheckpointUnwritable` error with its sentence. */
export const checkpointUnwritable = (location: string, reason: string): CheckpointUnwritable => ({
  _tag: 'CheckpointUnwritable',
  location,
  reason,
  message: `the checkpoint at ${location} could not be written: ${reason}`,
});

/** A `CheckpointCorrupt` error with its sentence. */
export const checkpointCorrupt = (location: string, reason: string): CheckpointCorrupt => ({
  _tag: 'CheckpointCorrupt',
  location,
  reason,
  message: `the checkpoint at ${location} is not usable: ${reason}`,
});

const DECIMAL = /^(0|[1-9]\d*)$/;

const DecimalString = new t.Type<string, string, unknown>(
  'decimal whole number',
  (value): value is string => typeof value === 'string' && DECIMAL.test(value),
  (value, context) => (typeof value === 'string' && DECIMAL.test(value) ? t.success(value) : t.failure(value, context)),
  t.identity,
);

/** io-ts codec of a checkpoint's shape: a whole `format`, a decimal or null `position`, an object of `views`. */
export const CheckpointCodec = t.type(
  {
    format: t.Int,
    position: t.union([DecimalString, t.null], 'a decimal number or null'),
    views: t.UnknownRecord,
  },
  'Checkpoint',
);

/** Decodes JSON read from `location` as a checkpoint of `CHECKPOINT_FORMAT`; `CheckpointCorrupt` naming what is wrong otherwise. */
export const decodeCheckpoint = (json: unknown, location: string): E.Either<CheckpointCorrupt, Checkpoint> => {
  const decoded = CheckpointCodec.decode(json);
  if (E.isLeft(decoded)) {
    const problem = firstProblem(decoded.left);
    return E.left(checkpointCorrupt(location, `${problem.path === '' ? 'the document' : `'${problem.path}'`}: ${problem.reason}`));
  }
  if (decoded.right.format !== CHECKPOINT_FORMAT) {
    return E.left(checkpointCorrupt(location, `format ${String(decoded.right.format)} is not ${String(CHECKPOINT_FORMAT)}`));
  }
  return E.right(decoded.right);
};
