import * as E from 'fp-ts/lib/Either.js';
import type {
  DomainEvent,
} from '@borough-command/domain';
import type {
  EventStore,
  ReadAllOptions,
  RecordedEvent,
  StoreError,
  Subscription,
  SubscriptionMessage,
} from '@borough-command/domain/eventsourcing';

/** What a wrapped store does with each event it delivers. */
type Delivery = (event: RecordedEvent<DomainEvent>) => readonly (RecordedEvent<DomainEvent> | StoreError)[];

const wrap = (store: EventStore<DomainEvent>, deliver: Delivery, pages: { count: number; largest: number }): EventStore<DomainEvent> => ({
  ...store,
  readAll: (options?: ReadAllOptions) => ({
    async *[Symbol.asyncIterator]() {
      for await (const page of store.readAll(options)) {
        if (E.isLeft(page)) {
          yield page;
          return;
        }
        pages.count += 1;
        pages.largest = Math.max(pages.largest, page.right.length);
        const delivered: RecordedEvent<DomainEvent>[] = [];
        for (const event of page.right) {
          for (const item of deliver(event)) {
            if ('_tag' in item) {
              if (delivered.length > 0) yield E.right(delivered);
              yield E.left(item);
              return;
            }
            delivered.push(item);
          }
        }
        yield E.right(delivered);
      }
    },
  }),
  subscribeToAll: (filter) => {
    const inner = store.subscribeToAll(filter);
    const subscription: Subscription<DomainEvent> = {
      close: inner.close,
      async *[Symbol.asyncIterator](): AsyncGenerator<SubscriptionMessage<DomainEvent>> {
        for await (const message of inner) {
          if (message._tag !== 'Event') {
            yield message;
            continue;
          }
          for (const item of deliver(message.event)) {
            if ('_tag' in item) {
              yield { _tag: 'Dropped', error: item };
              return;
            }
            yield { _tag: 'Event', event: item };
          }
        }
      },
    };
    return subscription;
  },
});

/** A store that delivers every event twice, in pages and in its subscription. */
export const deliveringTwice = (store: EventStore<DomainEvent>): EventStore<DomainEvent> =>
  wrap(store, (event) => [event, event], { count: 0, largest: 0 });

/** A store whose event at a global position cannot be decoded: a `EventDecodeFailed` naming its stream and revision. */
export const failingToDecodeAt = (store: EventStore<DomainEvent>, position: bigint): EventStore<DomainEvent> =>
  wrap(
    store,
    (event) =>
      event.position === position
        ? [
            {
              _tag: 'EventDecodeFailed',
              stream: event.stream,
              revision: event.revision,
              type: event.event.type,
              schemaVersion: 1,
              path: 'data.start',
              reason: "expected IsoDate, got '2012-02-30'",
            },
          ]
        : [event],
    { count: 0, largest: 0 },
  );

/** A store that counts the pages `readAll` hands out and the largest one. */
export const countingPages = (store: EventStore<DomainEvent>): { readonly store: EventStore<DomainEvent>; readonly pages: { count: number; largest: number } } => {
  const pages = { count: 0, largest: 0 };
  return { store: wrap(store, (event) => [event], pages), pages };
};

/** Every domain event of a store, in order (for tests: the whole history in memory). */
export const allEvents = async (store: EventStore<DomainEvent>): Promise<readonly RecordedEvent<DomainEvent>[]> => {
  const events: RecordedEvent<DomainEvent>[] = [];
  for await (const page of store.readAll()) {
    if (E.isLeft(page)) throw new Error(page.left._tag);
    events.push(...page.right);
  }
  return events;
};

/** The date an event takes effect on: a posting's start or end, otherwise its `at`. */
export const effectiveDate = (event: DomainEvent): string => {
  switch (event.type) {
    case 'PostingStarted':
      return event.data.start;
    case 'PostingEnded':
    case 'MinimumTermBreached':
      return event.data.end;
    default:
      return event.data.at;
  }
};
