/**
 * The checkpoint a projection runner saves, and the errors of a checkpoint store. They have the
 * shape of `@borough-command/projections`' `Checkpoint`, `CheckpointError` and `CheckpointStore`,
 * declared here so this package needs no dependency on the projections package: a store made here
 * is assignable to the projections' `CheckpointStore` (a type test checks it).
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import * as t from 'io-ts';
import { firstProblem } from '@borough-command/domain/eventsourcing';

/** A runner's position (a decimal string, null before any event) and every view's snapshot, by view name. */
export interface StoredCheckpoint {
  readonly format: number;
  readonly position: string | null;
  readonly views: Readonly<Record<string, unknown>>;
}

/** The checkpoint could not be read. */
export interface CheckpointUnreadable {
  readonly _tag: 'CheckpointUnreadable';
  readonly location: string;
  readonly reason: string;
  readonly message: string;
}

/** The checkpoint could not be written. */
export interface CheckpointUnwritable {
  readonly _tag: 'CheckpointUnwritable';
  readonly location: string;
  readonly reason: string;
  readonly message: string;
}

/** What was read is not a checkpoint. */
export interface CheckpointCorrupt {
  readonly _tag: 'CheckpointCorrupt';
  readonly location: string;
  readonly reason: string;
  readonly message: string;
}

/** Every error of a checkpoint store. */
export type CheckpointStoreError = CheckpointUnreadable | CheckpointUnwritable | CheckpointCorrupt;

/** Where a runner keeps its checkpoint between runs. */
export interface RunnerCheckpointStore {
  /** Where the checkpoint lives, for messages. */
  readonly location: string;
  /** The saved checkpoint, or undefined when none was saved yet. */
  readonly load: () => TE.TaskEither<CheckpointStoreError, StoredCheckpoint | undefined>;
  /** Replaces the saved checkpoint, all or nothing. */
  readonly save: (checkpoint: StoredCheckpoint) => TE.TaskEither<CheckpointStoreError, void>;
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

const DecimalString = new t.Type<string, string, unknown>(
  'decimal whole number',
  (value): value is string => typeof value === 'string' && /^(0|[1-9]\d*)$/.test(value),
  (value, context) => (typeof value === 'string' && /^(0|[1-9]\d*)$/.test(value) ? t.success(value) : t.failure(value, context)),
  t.identity,
);

/** io-ts codec of a stored checkpoint: a whole `format`, a decimal or null `position`, an object of `views`. */
export const StoredCheckpointCodec = t.type({
  format: t.Int,
  position: t.union([DecimalString, t.null]),
  views: t.UnknownRecord,
});

/** Decodes stored JSON as a checkpoint; `CheckpointCorrupt` naming the field that is wrong. */
export const decodeStoredCheckpoint = (json: unknown, location: string): E.Either<CheckpointCorrupt, StoredCheckpoint> => {
  const decoded = StoredCheckpointCodec.decode(json);
  if (E.isRight(decoded)) return E.right(decoded.right);
  const problem = firstProblem(decoded.left);
  return E.left(checkpointCorrupt(location, `${problem.path === '' ? 'the document' : `'${problem.path}'`}: ${problem.reason}`));
};
