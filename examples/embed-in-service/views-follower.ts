/**
 * The service's views, kept current by the projections runner following the store, and a way for
 * a request to wait until the views have applied the events it just wrote (read your writes).
 */
import * as E from 'fp-ts/lib/Either.js';
import type { DomainEvent, Policy } from '@borough-command/domain';
import type { EventStore } from '@borough-command/domain/eventsourcing';
import {
  createViews,
  projectionsOf,
  startRunner,
  type BoroughCommandViews,
  type DomainEnvelope,
  type Projection,
  type RunnerError,
} from '@borough-command/projections';

/** Why the views did not reach a position: the runner stopped on an error, or they are still behind. */
export type NotReached =
  | { readonly _tag: 'ViewsStopped'; readonly error: RunnerError }
  | { readonly _tag: 'ViewsBehind'; readonly position: bigint; readonly waitedMs: number };

/** The views and the runner that feeds them. */
export interface ViewsFollower {
  readonly views: BoroughCommandViews;
  /** Resolves once every view has applied the event at `position` (or a later one), or says why not within `timeoutMs`. */
  readonly reached: (position: bigint, timeoutMs: number) => Promise<E.Either<NotReached, void>>;
  /** The error that stopped the runner, if it stopped on one: the views no longer move. */
  readonly failure: () => RunnerError | undefined;
  /** Resolves once the history already in the store is applied. */
  readonly caughtUp: () => Promise<E.Either<RunnerError, unknown>>;
  /** Stops following the store. */
  readonly stop: () => Promise<void>;
}

interface Waiter {
  readonly position: bigint;
  readonly settle: (result: E.Either<NotReached, void>) => void;
}

/**
 * A projection that folds nothing: the runner applies it after the six views, so the position it
 * has seen is one every view has applied. It wakes the requests waiting for that position.
 */
const positionWatcher = (onApplied: (position: bigint) => void): Projection<null> => {
  let last: bigint | undefined;
  return {
    name: 'position watcher',
    apply: (envelope: DomainEnvelope) => {
      if (last !== undefined && envelope.position <= last) return;
      last = envelope.position;
      onApplied(last);
    },
    position: () => last,
    snapshot: () => ({ view: 'position watcher', format: 1, position: last === undefined ? null : last.toString(), state: null }),
    restore: () => E.right(undefined),
  };
};

/** Creates the six views under a policy and starts a runner following the store from its first event. */
export const followViews = (store: EventStore<DomainEvent>, policy: Policy): ViewsFollower => {
  const views = createViews(policy);
  let waiters: Waiter[] = [];
  let applied: bigint | undefined;
  let stoppedBy: RunnerError | undefined;

  const watcher = positionWatcher((position) => {
    applied = position;
    const still: Waiter[] = [];
    for (const waiter of waiters) {
      if (waiter.position <= position) waiter.settle(E.right(undefined));
      else still.push(waiter);
    }
    waiters = still;
  });
  const runner = startRunner({ store, projections: [...projectionsOf(views), watcher] });
  void runner.done.then((result) => {
    if (E.isLeft(result)) stoppedBy = result.left;
    const error = stoppedBy;
    for (const waiter of waiters) {
      waiter.settle(error === undefined ? E.left({ _tag: 'ViewsBehind', position: waiter.position, waitedMs: 0 }) : E.left({ _tag: 'ViewsStopped', error }));
    }
    waiters = [];
  });

  const reached = (position: bigint, timeoutMs: number): Promise<E.Either<NotReached, void>> => {
    if (applied !== undefined && applied >= position) return Promise.resolve(E.right(undefined));
    if (stoppedBy !== undefined) return Promise.resolve(E.left({ _tag: 'ViewsStopped', error: stoppedBy }));
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        waiters = waiters.filter((waiter) => waiter !== entry);
        resolve(E.left({ _tag: 'ViewsBehind', position, waitedMs: timeoutMs }));
      }, timeoutMs);
      const entry: Waiter = {
        position,
        settle: (result) => {
          clearTimeout(timer);
          resolve(result);
        },
      };
      waiters.push(entry);
    });
  };

  return {
    views,
    reached,
    failure: () => stoppedBy,
    caughtUp: () => runner.caughtUp(),
    stop: async () => {
      await runner.stop();
    },
  };
};
