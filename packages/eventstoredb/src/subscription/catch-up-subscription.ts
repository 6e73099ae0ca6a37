/**
 * `subscribeToAll` over EventStoreDB. History is read with the `$all` scanner (so `CaughtUp` does
 * not depend on the server's `caught_up` message, which nodes before 23.10 never send), then a
 * live subscription follows from the last position looked at. When the connection drops, it
 * resubscribes from the last position delivered, with a bounded exponential backoff, so the reader
 * sees no gap and no duplicate; when it gives up, the last message is `Dropped`.
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  matchesPrefixes,
  type AllEventsFilter,
  type EventShape,
  type RecordedEvent,
  type StoreError,
  type Subscription,
  type SubscriptionMessage,
} from '@borough-command/domain/eventsourcing';
import type { EsdbSubscription } from '../connection/esdb-connection.js';
import { decodeRecorded, isSystemEvent } from '../record-decoding.js';
import { scanAll } from '../scan-all.js';
import type { StoreContext } from '../store-context.js';
import { storeUnavailable, toStoreError } from '../store-errors.js';
import { ABORTED, sleep, unlessAborted } from './abortable.js';
import { delayBefore } from './backoff.js';
import { createMailbox, type Mailbox } from './mailbox.js';

/** Messages produced ahead of the reader, at most. */
const MAILBOX_CAPACITY = 256;
const OPERATION = 'subscription';

/** A subscription the store can end with an error when it closes. */
export interface ManagedSubscription<Ev extends EventShape> extends Subscription<Ev> {
  /** Ends the subscription with a last `Dropped` message carrying `error` (unless it has ended already). */
  readonly dropWith: (error: StoreError) => Promise<void>;
  /** Resolves once the subscription produces nothing more (it gave up, or was closed or dropped). */
  readonly settled: Promise<void>;
}

type Outcome = 'caught-up' | 'stopped' | { readonly error: StoreError };

const iterate = <Ev extends EventShape>(mailbox: Mailbox<SubscriptionMessage<Ev>>, close: () => Promise<void>): AsyncIterator<SubscriptionMessage<Ev>> => ({
  next: async () => {
    const message = await mailbox.take();
    return message === undefined ? { done: true, value: undefined } : { done: false, value: message };
  },
  return: async () => {
    await close();
    return { done: true, value: undefined };
  },
});

/** A subscription that is over before it starts: one `Dropped` message, then the end. */
export const droppedSubscription = <Ev extends EventShape>(error: StoreError): ManagedSubscription<Ev> => {
  const mailbox = createMailbox<SubscriptionMessage<Ev>>(1);
  mailbox.endWith({ _tag: 'Dropped', error });
  const close = (): Promise<void> => {
    mailbox.end();
    return Promise.resolve();
  };
  return { close, dropWith: () => Promise.resolve(), settled: Promise.resolve(), [Symbol.asyncIterator]: () => iterate(mailbox, close) };
};

/** Starts a catch-up subscription to `$all` after `filter.after`, keeping `filter.streamPrefixes`. */
export const catchUpSubscription = <Ev extends EventShape>(context: StoreContext<Ev>, filter: AllEventsFilter = {}): ManagedSubscription<Ev> => {
  const mailbox = createMailbox<SubscriptionMessage<Ev>>(MAILBOX_CAPACITY);
  const stopping = new AbortController();
  const prefixes = filter.streamPrefixes;
  const policy = context.resubscribe;
  /** The last position delivered or looked at: where a resubscription starts (exclusive). */
  let cursor = filter.after !== undefined && filter.after >= 0n ? filter.after : undefined;
  let caughtUp = false;
  let attempt = 0;
  let live: EsdbSubscription | undefined;

  const deliver = async (event: RecordedEvent<Ev>): Promise<boolean> => {
    if (!(await mailbox.put({ _tag: 'Event', event }))) return false;
    cursor = event.position;
    return true;
  };

  const readHistory = async (): Promise<Outcome> => {
    for await (const batch of scanAll(context, { after: cursor, streamPrefixes: prefixes, operation: OPERATION }, stopping.signal)) {
      if (E.isLeft(batch)) return { error: batch.left };
      attempt = 0;
      for (const event of batch.right.events) if (!(await deliver(event))) return 'stopped';
      if (cursor === undefined || batch.right.examined > cursor) cursor = batch.right.examined;
    }
    if (stopping.signal.aborted) return 'stopped';
    if (!(await mailbox.put({ _tag: 'CaughtUp', position: cursor ?? filter.after }))) return 'stopped';
    caughtUp = true;
    return 'caught-up';
  };

  const followLive = async (): Promise<Outcome> => {
    const subscription = context.connection.subscribeToAll({ after: cursor, streamPrefixes: prefixes });
    live = subscription;
    try {
      for (;;) {
        const item = await unlessAborted(subscription.next(), stopping.signal);
        if (item === ABORTED || stopping.signal.aborted) return 'stopped';
        switch (item._tag) {
          case 'Confirmed':
            attempt = 0;
            break;
          case 'Event': {
            const raw = item.event;
            if (raw.position === undefined || (cursor !== undefined && raw.position <= cursor)) break;
            if (isSystemEvent(raw) || !matchesPrefixes(raw.stream, prefixes)) {
              cursor = raw.position;
              break;
            }
            const decoded = decodeRecorded(context.registry, raw);
            if (E.isLeft(decoded)) return { error: decoded.left };
            if (!(await deliver(decoded.right))) return 'stopped';
            break;
          }
          case 'Failed':
            return { error: toStoreError(item.failure, { operation: OPERATION, redact: context.redact, closed: context.isClosed() }) };
          case 'Ended':
            return { error: storeUnavailable(OPERATION, 'the server ended the subscription', context.redact) };
        }
      }
    } finally {
      live = undefined;
      await subscription.close();
    }
  };

  const giveUp = (error: StoreError): StoreError =>
    error._tag === 'StoreUnavailable' && policy.maxAttempts > 0
      ? { ...error, reason: `${error.reason}; gave up after ${String(attempt)} attempts to resubscribe` }
      : error;

  const run = async (): Promise<void> => {
    for (;;) {
      if (stopping.signal.aborted) return;
      const outcome = caughtUp ? await followLive() : await readHistory();
      if (outcome === 'caught-up') continue;
      if (outcome === 'stopped' || stopping.signal.aborted) return;
      if (outcome.error._tag !== 'StoreUnavailable' || attempt >= policy.maxAttempts) {
        await mailbox.put({ _tag: 'Dropped', error: giveUp(outcome.error) });
        return;
      }
      attempt += 1;
      await sleep(delayBefore(policy, attempt), stopping.signal);
    }
  };

  const done = run().then(
    () => {
      mailbox.finish();
    },
    (cause: unknown) => {
      // Only a bug gets here; the reader still gets a value, not a hang.
      if (!mailbox.closed()) mailbox.endWith({ _tag: 'Dropped', error: storeUnavailable(OPERATION, `unexpected failure: ${String(cause)}`, context.redact) });
    },
  );

  const stop = async (last: StoreError | undefined): Promise<void> => {
    stopping.abort();
    if (last === undefined) mailbox.end();
    else if (!mailbox.closed()) mailbox.endWith({ _tag: 'Dropped', error: last });
    await live?.close();
    await done;
  };

  const close = (): Promise<void> => stop(undefined);
  return { close, dropWith: (error) => stop(error), settled: done, [Symbol.asyncIterator]: () => iterate(mailbox, close) };
};
