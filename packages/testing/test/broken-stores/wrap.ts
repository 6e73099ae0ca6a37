import type { EventShape, EventStore, RecordedEvent, Subscription, SubscriptionMessage } from '@borough-command/domain/eventsourcing';
import * as E from 'fp-ts/lib/Either.js';

/** Rewrites every event a store's reads return (readStream, readAll, subscriptions) through `change`. */
export const mapReadEvents = <A extends EventShape>(
  store: EventStore<A>,
  change: (event: RecordedEvent<A>) => RecordedEvent<A>,
): EventStore<A> => ({
  ...store,
  readStream: (stream, options) => async () => E.map((events: readonly RecordedEvent<A>[]) => events.map(change))(await store.readStream(stream, options)()),
  readAll: (options) => mapPages(store.readAll(options), (page) => page.map(change)),
  subscribeToAll: (filter) => mapMessages(store.subscribeToAll(filter), (message) => (message._tag === 'Event' ? [{ ...message, event: change(message.event) }] : [message])),
});

/** Rewrites each page of a readAll iteration. */
export async function* mapPages<A extends EventShape>(
  pages: AsyncIterable<E.Either<unknown, readonly RecordedEvent<A>[]>>,
  change: (page: readonly RecordedEvent<A>[]) => readonly RecordedEvent<A>[],
): AsyncIterable<E.Either<never, readonly RecordedEvent<A>[]>> {
  for await (const page of pages) yield (E.isRight(page) ? E.right(change(page.right)) : page) as E.Either<never, readonly RecordedEvent<A>[]>;
}

/** A subscription whose messages pass through `change`, which may drop a message or repeat it. */
export const mapMessages = <A extends EventShape>(
  subscription: Subscription<A>,
  change: (message: SubscriptionMessage<A>) => readonly SubscriptionMessage<A>[],
): Subscription<A> => ({
  close: () => subscription.close(),
  [Symbol.asyncIterator]: () => {
    const inner = subscription[Symbol.asyncIterator]();
    const queued: SubscriptionMessage<A>[] = [];
    return {
      next: async (): Promise<IteratorResult<SubscriptionMessage<A>>> => {
        while (queued.length === 0) {
          const result = await inner.next();
          if (result.done === true) return result;
          queued.push(...change(result.value));
        }
        return { done: false, value: queued.shift() as SubscriptionMessage<A> };
      },
      return: async () => {
        await subscription.close();
        return { done: true, value: undefined };
      },
    };
  },
});
