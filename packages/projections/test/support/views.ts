import * as E from 'fp-ts/lib/Either.js';
import type { DomainEvent } from '@borough-command/domain';
import type { EventStore } from '@borough-command/domain/eventsourcing';
import { projectionsOf, rebuildViews, type BoroughCommandViews, type ViewSnapshot } from '../../src/index.js';
import { worldPolicy } from './world.js';

/** Every view's snapshot, by view name. */
export const snapshotsOf = (views: BoroughCommandViews): Readonly<Record<string, ViewSnapshot<unknown>>> =>
  Object.fromEntries(projectionsOf(views).map((projection) => [projection.name, projection.snapshot()]));

/** The views rebuilt from position zero, under the world's policy. */
export const rebuilt = async (store: EventStore<DomainEvent>): Promise<BoroughCommandViews> => {
  const views = await rebuildViews(store, { policy: worldPolicy })();
  if (E.isLeft(views)) throw new Error(views.left.message);
  return views.right;
};

/** Lets pending promise callbacks and I/O run, up to `rounds` times, until `done()` holds. */
export const settle = async (done: () => boolean, rounds = 1000): Promise<boolean> => {
  for (let round = 0; round < rounds && !done(); round++) await new Promise<void>((resolve) => setImmediate(resolve));
  return done();
};
