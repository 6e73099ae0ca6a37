/**
 * The checkpoint a projection runner saves, and the errors of a checkpoint store. They have the
 * shape of `@borough-command/projections`' `Checkpoint`, `CheckpointError` and `CheckpointStore`,
 * declared here so this package needs no dependency on the projections package: a store made here
 * is assignable to the projections' `CheckpointStore` (a type test checks it).
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';

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

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks that stored JSON has a checkpoint's shape: a whole `format`, a decimal or null `position`, an object of `views`. */
export const checkStoredCheckpoint = (json: unknown, location: string): E.Either<CheckpointCorrupt, StoredCheckpoint> => {
  if (!isRecord(json)) return E.left(checkpointCorrupt(location, 'the document is not an object'));
  const { format, position, views } = json;
  if (typeof format !== 'number' || !Number.isInteger(format)) return E.left(checkpointCorrupt(location, "'format' is not a whole number"));
  if (position !== null && (typeof position !== 'string' || !/^(0|[1-9]\d*)$/.test(position))) {
    return E.left(checkpointCorrupt(location, "'position' is neither a decimal number nor null"));
  }
  if (!isRecord(views)) return E.left(checkpointCorrupt(location, "'views' is not an object"));
  return E.right({ format, position, views });
};
