/** Reading a subscription message by message in a test, and appending through an outage. */
import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import type { AppendResult, EventShape, EventStore, ExpectedRevision, NewEvent, RecordedEvent, StoreError, Subscription, SubscriptionMessage } from '@borough-command/domain/eventsourcing';

/** A subscription's next message, or `ended`. */
export const nextMessage = async <Ev extends EventShape>(iterator: AsyncIterator<SubscriptionMessage<Ev>>): Promise<SubscriptionMessage<Ev> | 'ended'> => {
  const result = await iterator.next();
  return result.done === true ? 'ended' : result.value;
};

/** Messages up to and including the first that satisfies `isLast`; throws on `Dropped` or the end. */
export const messagesUntil = async <Ev extends EventShape>(
  iterator: AsyncIterator<SubscriptionMessage<Ev>>,
  isLast: (message: SubscriptionMessage<Ev>) => boolean,
): Promise<SubscriptionMessage<Ev>[]> => {
  const messages: SubscriptionMessage<Ev>[] = [];
  for (;;) {
    const message = await nextMessage(iterator);
    if (message === 'ended') throw new Error('the subscription ended');
    if (message._tag === 'Dropped') throw new Error(`the subscription was dropped: ${message.error._tag}`);
    messages.push(message);
    if (isLast(message)) return messages;
  }
};

/** The event ids among messages. */
export const eventIds = <Ev extends EventShape>(messages: readonly SubscriptionMessage<Ev>[]): readonly string[] =>
  messages.flatMap((message) => (message._tag === 'Event' ? [message.event.metadata.eventId] : []));

/** A prefix of stream names no other test uses. */
export const uniquePrefix = (label: string): string => `${label}-${randomUUID().slice(0, 8)}-`;

/** Appends, sending the same events again while the store is unavailable (at most `attempts` times). */
export const appendThroughOutage = async <Ev extends EventShape>(
  store: EventStore<Ev>,
  stream: string,
  events: readonly NewEvent<Ev>[],
  expected: ExpectedRevision,
  attempts = 100,
): Promise<AppendResult> => {
  for (let attempt = 1; ; attempt++) {
    const result: E.Either<StoreError, AppendResult> = await store.appendToStream(stream, events, expected)();
    if (E.isRight(result)) return result.right;
    if (result.left._tag !== 'StoreUnavailable' || attempt >= attempts) throw new Error(`the append failed: ${result.left._tag}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

/** Closes a subscription whatever happened in the test. */
export const closing = async <Ev extends EventShape, A>(subscription: Subscription<Ev>, body: (iterator: AsyncIterator<SubscriptionMessage<Ev>>) => Promise<A>): Promise<A> => {
  try {
    return await body(subscription[Symbol.asyncIterator]());
  } finally {
    await subscription.close();
  }
};

/**
 * Reads `$all` under a prefix, two events a page, from after `after` to its end or to its first
 * failure, calling `onPage` with the number of pages read after each: the events delivered and the error.
 */
export const readAllOnce = async <Ev extends EventShape>(
  store: EventStore<Ev>,
  prefix: string,
  after: bigint | undefined,
  onPage: (pages: number) => void | Promise<void> = () => undefined,
): Promise<{ readonly events: readonly RecordedEvent<Ev>[]; readonly error: StoreError | undefined }> => {
  const events: RecordedEvent<Ev>[] = [];
  let pages = 0;
  for await (const page of store.readAll({ streamPrefixes: [prefix], pageSize: 2, ...(after === undefined ? {} : { after }) })) {
    if (E.isLeft(page)) return { events, error: page.left };
    events.push(...page.right);
    pages += 1;
    await onPage(pages);
  }
  return { events, error: undefined };
};
