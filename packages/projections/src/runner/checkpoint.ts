import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import * as t from 'io-ts';
import { firstProblem } from '@borough-command/domain/eventsourcing';
import { BigIntStringCodec } from '../views/event-ref.js';

/** The checkpoint format this package writes. */
export const CHECKPOINT_FORMAT = 1;

/**
 * Where a runner stands, saved as one JSON document: the last global position applied, and every
 * view's snapshot at that position, by view name. Saving both together makes a restart resume exactly.
 */
export interface Checkpoint {
  readonly format: number;
  /** The global position of the last event applied, as a decimal string; null before any. */
  readonly position: string | null;
  /** Each view's snapshot, by view name. */
  readonly views: Readonly<Record<string, unknown>>;
}

/** A checkpoint that could not be read: missing permissions, a broken disk. */
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

/** A checkpoint whose content is not a checkpoint: not JSON, or the wrong shape or format. */
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
  /** Where the checkpoint lives, for messages: a file path, `memory`. */
  readonly location: string;
  /** The saved checkpoint, or undefined when none was saved yet. */
  readonly load: () => TE.TaskEither<CheckpointError, Checkpoint | undefined>;
  /** Replaces the saved checkpoint, all or nothing. */
  readonly save: (checkpoint: Checkpoint) => TE.TaskEither<CheckpointError, void>;
}

/** A corrupt checkpoint, with a sentence naming where. */
export const checkpointCorrupt = (location: string, reason: string): CheckpointCorrupt => ({
  _tag: 'CheckpointCorrupt',
  location,
  reason,
  message: `the checkpoint at ${location} is not usable: ${reason}`,
});

const CheckpointCodec = t.type({
  format: t.number,
  position: t.union([BigIntStringCodec, t.null]),
  views: t.UnknownRecord,
});

/** Checks that a JSON value is a checkpoint of this package's format. */
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

/** A checkpoint store in memory, holding a JSON copy as a file would: for tests and short-lived runners. */
export const createInMemoryCheckpointStore = (): CheckpointStore & { readonly saves: () => number } => {
  let saved: string | undefined;
  let saves = 0;
  return {
    location: 'memory',
    load: () => () => Promise.resolve(saved === undefined ? E.right(undefined) : decodeCheckpoint(JSON.parse(saved), 'memory')),
    save: (checkpoint) => () => {
      saved = JSON.stringify(checkpoint);
      saves += 1;
      return Promise.resolve(E.right(undefined));
    },
    saves: () => saves,
  };
};
