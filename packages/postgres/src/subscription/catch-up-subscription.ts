/**
 * A catch-up subscription over PostgreSQL: reads the log in pages after its last position until a
 * page comes back empty (`CaughtUp`), then waits for a notification or the poll interval and reads
 * again. Positions become visible in commit order, so reading "after the last position" never
 * skips an event; a read that fails as unavailable is tried again within the policy, from the same
 * position, so an outage neither loses nor repeats an event.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { AllEventsFilter, EventShape, RecordedEvent, StoreError, Subscription, SubscriptionMessage } from '@borough-command/domain/eventsourcing';
import { readPage, type LogPage } from '../read-all.js';
import type { StoreContext } from '../store-context.js';
import { delayBefore } from './backoff.js';
import { pause } from './pause.js';

/** A subscription the store can drop with an error when it closes. */
export interface ManagedSubscription<Ev extends EventShape> extends Subscription<Ev> {
  /** Ends the subscription with a `Dropped` message carrying `error`. */
  readonly dropWith: (error: StoreError) => Promise<void>;
  /** Resolves once the subscription has ended, however it ended. */
  readonly settled: Promise<void>;
}

const OPERATION = 'subscription';

/** Iteration over a subscription's messages, given its `next` and `close`. */
const iterable = <Ev extends EventShape>(
  next: () => Promise<IteratorResult<SubscriptionMessage<Ev>>>,
  close: () => Promise<void>,
): AsyncIterable<SubscriptionMessage<Ev>> => ({
  [Symbol.asyncIterator]: () => ({
    next,
    return: async () => {
      await close();
      return { done: true, value: undefined };
    },
  }),
});

/** A subscription that delivers `Dropped` with `error` at once, then ends. */
export const droppedSubscription = <Ev extends EventShape>(error: StoreError): Subscription<Ev> => {
  let delivered = false;
  const close = (): Promise<void> => {
    delivered = true;
    return Promise.resolve();
  };
  const next = (): Promise<IteratorResult<SubscriptionMessage<Ev>>> => {
    if (delivered) return Promise.resolve({ done: true, value: undefined });
    delivered = true;
    return Promise.resolve({ done: false, value: { _tag: 'Dropped', error } });
  };
  return { close, ...iterable(next, close) };
};

/** Follows the global log from `filter.after`: history, `CaughtUp`, then live events. */
export const catchUpSubscription = <Ev extends EventShape>(context: StoreContext<Ev>, filter: AllEventsFilter = {}): ManagedSubscription<Ev> => {
  const stopping = new AbortController();
  let last = filter.after;
  let buffer: RecordedEvent<Ev>[] = [];
  let caughtUp = false;
  let ended = false;
  let dropped: StoreError | undefined;
  let settle: () => void = () => undefined;
  const settled = new Promise<void>((resolve) => {
    settle = resolve;
  });

  const stop = (error?: StoreError): void => {
    if (ended) return;
    ended = true;
    dropped = error;
    buffer = [];
    stopping.abort();
    settle();
  };

  /** Reads the next page, trying again within the policy while the server is unavailable. */
  const readOnce = async (): Promise<E.Either<StoreError, LogPage<Ev>>> => {
    for (let attempt = 1; ; attempt++) {
      const migrated = await context.ensureMigrated(OPERATION);
      const page = E.isLeft(migrated) ? migrated : await readPage(context, last, filter.streamPrefixes, context.readBatchSize, OPERATION);
      if (E.isRight(page) || page.left._tag !== 'StoreUnavailable' || attempt > context.resubscribe.maxAttempts || ended) return page;
      await pause(delayBefore(context.resubscribe, attempt), stopping.signal);
    }
  };

  const step = async (): Promise<IteratorResult<SubscriptionMessage<Ev>>> => {
    for (;;) {
      if (ended) {
        if (dropped === undefined) return { done: true, value: undefined };
        const error = dropped;
        dropped = undefined;
        return { done: false, value: { _tag: 'Dropped', error } };
      }
      const buffered = buffer.shift();
      if (buffered !== undefined) return { done: false, value: { _tag: 'Event', event: buffered } };
      const seen = context.notifier.generation();
      await context.notifier.listen();
      const page = await readOnce();
      if (ended) continue;
      if (E.isLeft(page)) {
        stop(page.left);
        continue;
      }
      const { events, head } = page.right;
      if (events.length > 0) {
        buffer = [...events];
        last = events[events.length - 1]?.position;
        continue;
      }
      // Nothing matched up to the head: the next read starts there.
      if (head > (last ?? -1n)) last = head;
      if (!caughtUp) {
        caughtUp = true;
        return { done: false, value: { _tag: 'CaughtUp', position: last } };
      }
      await context.notifier.waitPast(seen, context.pollIntervalMs, stopping.signal);
    }
  };

  // Calls to `next` are served one after the other, so two never read the same page.
  let queue: Promise<unknown> = Promise.resolve();
  const next = (): Promise<IteratorResult<SubscriptionMessage<Ev>>> => {
    const result = queue.then(step);
    queue = result.catch(() => undefined);
    return result;
  };
  const close = (): Promise<void> => {
    stop();
    return Promise.resolve();
  };
  const dropWith = (error: StoreError): Promise<void> => {
    stop(error);
    return Promise.resolve();
  };
  return { close, dropWith, settled, ...iterable(next, close) };
};
