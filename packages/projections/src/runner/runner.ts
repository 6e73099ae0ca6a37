import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import type { DomainEvent } from '@borough-command/domain';
import { CHECKPOINT_FORMAT, type Checkpoint, type CheckpointStore, type EventStore, type Subscription } from '@borough-command/domain/eventsourcing';
import type { Projection } from '../views/projection.js';
import { applyBatch } from './apply-batch.js';
import { domainStreamPrefixes } from './apply-events.js';
import { checkpointFailed, runnerCrashed, snapshotNotRestored, storeFailed, type RunnerError } from './runner-errors.js';

/** How a runner reaches its events, its views and its checkpoint. */
export interface RunnerOptions {
  readonly store: EventStore<DomainEvent>;
  readonly projections: readonly Projection[];
  /** Where the checkpoint is kept; none when absent (every run starts from the beginning). */
  readonly checkpoints?: CheckpointStore;
  /** Events per page of `readAll`; the store's default when absent. */
  readonly pageSize?: number;
  /**
   * Events applied between two checkpoint saves. By default the history is read in one go and saved
   * once it is applied (a snapshot costs time in proportion to the views' size), then every 1,000
   * live events; the checkpoint is also saved on `CaughtUp` and on stopping.
   */
  readonly checkpointEvery?: number;
}

/** What a runner did: where it resumed, how many events it applied, and where it stands. */
export interface RunnerSummary {
  /** The checkpoint position it resumed after; undefined for a run from the beginning. */
  readonly resumedAfter: bigint | undefined;
  /** Events delivered to the views in this run. */
  readonly delivered: number;
  /** The global position of the last event applied. */
  readonly position: bigint | undefined;
}

/** A running runner: history first, then live events, until stopped or until an error. */
export interface ProjectionRunner {
  /** Resolves once the history is applied and saved (`CaughtUp`), or with the error or summary of a run that ended first. */
  readonly caughtUp: () => Promise<E.Either<RunnerError, RunnerSummary>>;
  /** Stops following the store, saves the checkpoint, and resolves with the summary. */
  readonly stop: () => Promise<E.Either<RunnerError, RunnerSummary>>;
  /** Resolves when the run ends: stopped (a summary) or failed (an error). Never rejects. */
  readonly done: Promise<E.Either<RunnerError, RunnerSummary>>;
}

const LIVE_CHECKPOINT_EVERY = 1_000;

interface RunState {
  resumedAfter: bigint | undefined;
  position: bigint | undefined;
  delivered: number;
  sinceSave: number;
}

const summaryOf = (state: RunState): RunnerSummary => ({
  resumedAfter: state.resumedAfter,
  delivered: state.delivered,
  position: state.position,
});

const minPosition = (positions: readonly (bigint | undefined)[]): bigint | undefined => {
  let lowest: bigint | undefined;
  for (const position of positions) {
    if (position === undefined) return undefined;
    if (lowest === undefined || position < lowest) lowest = position;
  }
  return lowest;
};

/**
 * Restores each view from the checkpoint, and tells where reading resumes: after the lowest
 * position of the views (a view missing from the checkpoint starts empty, from the beginning).
 */
const restoreViews = async (
  checkpoints: CheckpointStore | undefined,
  projections: readonly Projection[],
): Promise<E.Either<RunnerError, bigint | undefined>> => {
  if (checkpoints === undefined) return E.right(minPosition(projections.map((projection) => projection.position())));
  const loaded = await checkpoints.load()();
  if (E.isLeft(loaded)) return E.left(checkpointFailed(loaded.left));
  const checkpoint = loaded.right;
  if (checkpoint === undefined) return E.right(undefined);
  for (const projection of projections) {
    const snapshot = checkpoint.views[projection.name];
    if (snapshot === undefined) continue;
    const restored = projection.restore(snapshot);
    if (E.isLeft(restored)) return E.left(snapshotNotRestored(restored.left));
  }
  return E.right(minPosition(projections.map((projection) => projection.position())));
};

/** The checkpoint of a set of views at a position. */
export const checkpointOf = (projections: readonly Projection[], position: bigint | undefined): Checkpoint => ({
  format: CHECKPOINT_FORMAT,
  position: position === undefined ? null : position.toString(),
  views: Object.fromEntries(projections.map((projection) => [projection.name, projection.snapshot()])),
});

const save = async (
  checkpoints: CheckpointStore | undefined,
  projections: readonly Projection[],
  state: RunState,
): Promise<E.Either<RunnerError, void>> => {
  state.sinceSave = 0;
  if (checkpoints === undefined) return E.right(undefined);
  const saved = await checkpoints.save(checkpointOf(projections, state.position))();
  return E.isLeft(saved) ? E.left(checkpointFailed(saved.left)) : E.right(undefined);
};

/** Reads the history after the state's position page by page, applying each page; stops early when asked. */
const readHistory = async (
  options: RunnerOptions,
  checkpoints: CheckpointStore | undefined,
  state: RunState,
  stopping: () => boolean,
): Promise<E.Either<RunnerError, void>> => {
  const every = options.checkpointEvery ?? Number.POSITIVE_INFINITY;
  const pages = options.store.readAll({
    streamPrefixes: domainStreamPrefixes,
    ...(state.position === undefined ? {} : { after: state.position }),
    ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
  });
  for await (const page of pages) {
    if (E.isLeft(page)) return E.left(storeFailed(page.left));
    const applied = applyBatch(options.projections, page.right, 'history');
    if (E.isLeft(applied)) return applied;
    if (applied.right !== undefined) state.position = applied.right;
    state.delivered += page.right.length;
    state.sinceSave += page.right.length;
    if (state.sinceSave >= every) {
      const saved = await save(checkpoints, options.projections, state);
      if (E.isLeft(saved)) return saved;
    }
    if (stopping()) break;
  }
  return E.right(undefined);
};

/**
 * Brings views up to date once: restores them from the checkpoint (if any), applies every event
 * after it (page by page, never the whole history at once), and saves the checkpoint.
 */
export const catchUp =
  (options: RunnerOptions): TE.TaskEither<RunnerError, RunnerSummary> =>
  async () => {
    const { checkpoints } = options;
    const resumed = await restoreViews(checkpoints, options.projections);
    if (E.isLeft(resumed)) return resumed;
    const state: RunState = { resumedAfter: resumed.right, position: resumed.right, delivered: 0, sinceSave: 0 };
    const read = await readHistory(options, checkpoints, state, () => false);
    if (E.isLeft(read)) return read;
    const saved = await save(checkpoints, options.projections, state);
    return E.isLeft(saved) ? saved : E.right(summaryOf(state));
  };

/**
 * Starts a runner: restores the views from the checkpoint, reads the history after it with
 * `readAll`, then follows `subscribeToAll` from the last position (history, `CaughtUp`, live)
 * until `stop()`. The checkpoint is saved on `CaughtUp`, every `checkpointEvery` events, and on
 * stopping. A store, decode, checkpoint or view error ends the run as a value in `done`.
 */
export const startRunner = (options: RunnerOptions): ProjectionRunner => {
  const { checkpoints } = options;
  const every = options.checkpointEvery ?? LIVE_CHECKPOINT_EVERY;
  let stopping = false;
  let subscription: Subscription<DomainEvent> | undefined;
  let announceCaughtUp: (result: E.Either<RunnerError, RunnerSummary>) => void = () => undefined;
  const caughtUp = new Promise<E.Either<RunnerError, RunnerSummary>>((resolve) => {
    announceCaughtUp = resolve;
  });

  const follow = async (state: RunState): Promise<E.Either<RunnerError, void>> => {
    subscription = options.store.subscribeToAll({
      streamPrefixes: domainStreamPrefixes,
      ...(state.position === undefined ? {} : { after: state.position }),
    });
    if (stopping) await subscription.close();
    for await (const message of subscription) {
      switch (message._tag) {
        case 'Event': {
          const envelope = message.event;
          // The subscription starts after the last position read; anything at or before it is already applied.
          if (state.position !== undefined && envelope.position <= state.position) break;
          const applied = applyBatch(options.projections, [envelope], 'live');
          if (E.isLeft(applied)) return applied;
          state.position = envelope.position;
          state.delivered += 1;
          state.sinceSave += 1;
          if (state.sinceSave >= every) {
            const saved = await save(checkpoints, options.projections, state);
            if (E.isLeft(saved)) return saved;
          }
          break;
        }
        case 'CaughtUp': {
          const saved = await save(checkpoints, options.projections, state);
          if (E.isLeft(saved)) return saved;
          announceCaughtUp(E.right(summaryOf(state)));
          break;
        }
        case 'Dropped':
          return E.left(storeFailed(message.error));
      }
    }
    return E.right(undefined);
  };

  const run = async (): Promise<E.Either<RunnerError, RunnerSummary>> => {
    const resumed = await restoreViews(checkpoints, options.projections);
    if (E.isLeft(resumed)) return resumed;
    const state: RunState = { resumedAfter: resumed.right, position: resumed.right, delivered: 0, sinceSave: 0 };
    const read = await readHistory(options, checkpoints, state, () => stopping);
    if (E.isLeft(read)) return read;
    if (!stopping) {
      const followed = await follow(state);
      if (E.isLeft(followed)) return followed;
    }
    const saved = await save(checkpoints, options.projections, state);
    return E.isLeft(saved) ? saved : E.right(summaryOf(state));
  };

  const done = run().then(
    (result) => {
      announceCaughtUp(result);
      return result;
    },
    (cause: unknown): E.Either<RunnerError, RunnerSummary> => {
      // Only a bug gets here (every known failure is a value); it still ends the run as a value.
      const failed = runnerCrashed(cause);
      announceCaughtUp(E.left(failed));
      return E.left(failed);
    },
  );

  return {
    caughtUp: () => caughtUp,
    stop: async () => {
      stopping = true;
      await subscription?.close();
      return done;
    },
    done,
  };
};
