import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import type { CodecRegistry } from './codec-registry.js';
import type { EventShape } from './envelope.js';
import type { StoreError } from './errors.js';
import type { EventStore } from './event-store.js';
import { createMemoryLog } from './memory-log.js';
import { defaultStoreLimits, type StoreLimits } from './store-limits.js';
import { tracedEventStore } from './tracing/traced-event-store.js';

/** Options of the in-memory store. */
export interface InMemoryStoreOptions {
  /** Size limits on what is written; `defaultStoreLimits` when absent. */
  readonly limits?: StoreLimits;
}

const closedError = (operation: string): StoreError => ({ _tag: 'StoreClosed', operation });

/** An event store held in memory: validates every event on append, loses everything on exit; each operation is a span. */
export const createInMemoryStore = <E extends EventShape>(
  registry: CodecRegistry<E>,
  options: InMemoryStoreOptions = {},
): EventStore<E> => {
  const memory = createMemoryLog(registry, options.limits ?? defaultStoreLimits);
  let closed = false;
  const whenOpen =
    <A>(operation: string, run: () => E.Either<StoreError, A>): TE.TaskEither<StoreError, A> =>
    () =>
      Promise.resolve(closed ? E.left(closedError(operation)) : run());

  return tracedEventStore<E>({
    name: 'in-memory',
    appendToStream: (stream, events, expectedRevision) =>
      whenOpen(`append to stream '${stream}'`, () => {
        const plan = memory.planAppend(stream, events, expectedRevision);
        if (E.isLeft(plan)) return plan;
        return E.right(plan.right._tag === 'AlreadyWritten' ? plan.right.result : memory.commit(plan.right.records));
      }),
    readStream: (stream, readOptions) => whenOpen(`read stream '${stream}'`, () => memory.readStream(stream, readOptions)),
    readAll: (readOptions) => memory.readAll(readOptions, () => closed),
    subscribeToAll: (filter) => memory.subscribe(filter),
    close: () => {
      if (!closed) {
        closed = true;
        memory.dropSubscriptions(closedError('subscription'));
      }
      return Promise.resolve();
    },
  });
};
