import { describeStoreError, type CheckpointError, type StoreError } from '@borough-command/domain/eventsourcing';
import type { SnapshotRejected } from '../views/projection.js';

/** The store failed: a page or a subscription returned an error (a decode error names stream and revision). */
export interface StoreFailed {
  readonly _tag: 'StoreFailed';
  readonly error: StoreError;
  readonly message: string;
}

/** The checkpoint could not be loaded or saved. */
export interface CheckpointFailed {
  readonly _tag: 'CheckpointFailed';
  readonly error: CheckpointError;
  readonly message: string;
}

/** A view's snapshot in the checkpoint could not be restored. */
export interface SnapshotNotRestored {
  readonly _tag: 'SnapshotNotRestored';
  readonly error: SnapshotRejected;
  readonly message: string;
}

/** A view failed on an event: a bug in the view, reported with the event's stream and revision. */
export interface ProjectionFailed {
  readonly _tag: 'ProjectionFailed';
  readonly view: string;
  readonly stream: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly reason: string;
  readonly message: string;
  /** What the view threw: a view restored in sections throws what its section reader throws. */
  readonly cause: unknown;
}

/** The runner itself failed unexpectedly: a bug, reported as a value rather than thrown. */
export interface RunnerCrashed {
  readonly _tag: 'RunnerCrashed';
  readonly reason: string;
  readonly message: string;
}

/** Why a runner stopped before it was asked to. */
export type RunnerError = StoreFailed | CheckpointFailed | SnapshotNotRestored | ProjectionFailed | RunnerCrashed;

/** An unexpected failure as a runner error. */
export const runnerCrashed = (cause: unknown): RunnerCrashed => {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return { _tag: 'RunnerCrashed', reason, message: `the runner failed unexpectedly: ${reason}` };
};

/** A store error as a runner error. */
export const storeFailed = (error: StoreError): StoreFailed => ({
  _tag: 'StoreFailed',
  error,
  message: `reading events failed: ${describeStoreError(error)}`,
});

/** A checkpoint error as a runner error. */
export const checkpointFailed = (error: CheckpointError): CheckpointFailed => ({ _tag: 'CheckpointFailed', error, message: error.message });

/** A refused snapshot as a runner error. */
export const snapshotNotRestored = (error: SnapshotRejected): SnapshotNotRestored => ({
  _tag: 'SnapshotNotRestored',
  error,
  message: error.message,
});
