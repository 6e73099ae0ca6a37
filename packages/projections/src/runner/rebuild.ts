import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import { defaultPolicy, type DomainEvent, type Policy } from '@borough-command/domain';
import type { EventStore } from '@borough-command/domain/eventsourcing';
import { createViews, projectionsOf, type BoroughCommandViews } from '../views/create-views.js';
import type { RunnerError } from './runner-errors.js';
import { catchUp } from './runner.js';

/** Options of a rebuild. */
export interface RebuildOptions {
  /** The policy of the views; `defaultPolicy` when absent. */
  readonly policy?: Policy;
  /** Events per page of `readAll`. */
  readonly pageSize?: number;
}

/** Rebuilds the views from position zero: fresh views, every event of the store, no checkpoint. */
export const rebuildViews =
  (store: EventStore<DomainEvent>, options: RebuildOptions = {}): TE.TaskEither<RunnerError, BoroughCommandViews> =>
  async () => {
    const views = createViews(options.policy ?? defaultPolicy);
    const result = await catchUp({
      store,
      projections: projectionsOf(views),
      ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
    })();
    return E.isLeft(result) ? result : E.right(views);
  };
