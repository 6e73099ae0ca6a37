/**
 * The streaming parts both clients share in shape: finite reads drained under a deadline, and a
 * live `$all` subscription read one item at a time through a bounded buffer. Typed by the shapes
 * the two clients have in common, so neither client is imported.
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import { classifyClientError } from './classify-error.js';
import type { EsdbAllBatches, EsdbFailure, EsdbRecordedEvent, EsdbSubscription, EsdbSubscriptionItem } from './esdb-connection.js';

/** Buffered subscription items at which the client's stream is paused. */
const HIGH_WATER = 256;
/** Buffered subscription items at or below which a paused client stream resumes. */
const LOW_WATER = 64;

/** A resolved event as both clients give it (reads and subscriptions). */
export interface ClientResolvedEvent {
  readonly event?:
    | {
        readonly streamId: string;
        readonly id: string;
        readonly type: string;
        readonly revision: bigint;
        readonly position?: { readonly commit: bigint } | undefined;
        readonly data: unknown;
        readonly metadata?: unknown;
      }
    | undefined;
  readonly commitPosition?: bigint | undefined;
}

/** A finite read opened on a client: its events, and how to stop it early. */
export interface ClientRead {
  readonly events: AsyncIterable<ClientResolvedEvent>;
  readonly cancel: () => Promise<unknown>;
}

/** A client's live subscription: a readable stream of resolved events with the client's extra events. */
export interface ClientLiveSubscription {
  on(event: string, listener: (...values: never[]) => void): unknown;
  pause(): unknown;
  resume(): unknown;
  isPaused(): boolean;
  unsubscribe(): Promise<void>;
}

/** A client event as the adapter's raw event; undefined for a link whose target is gone. */
export const recordedOf = (resolved: ClientResolvedEvent): EsdbRecordedEvent | undefined => {
  const event = resolved.event;
  if (event === undefined) return undefined;
  return {
    stream: event.streamId,
    id: event.id,
    type: event.type,
    revision: event.revision,
    position: event.position?.commit ?? resolved.commitPosition,
    data: event.data,
    metadata: event.metadata,
  };
};

/** A client call as a task, a thrown error turned into a failure value. */
export const attempt =
  <A>(call: () => Promise<A>): TE.TaskEither<EsdbFailure, A> =>
  async () => {
    try {
      return E.right(await call());
    } catch (error) {
      return E.left(classifyClientError(error));
    }
  };

/**
 * A task that opens a finite client read and drains it, giving up (and cancelling it) when the
 * server sends nothing for `deadlineMs`: the clients read with no deadline, so a paused node would
 * hold them until the connection's keepalive gives up.
 */
export const collectWithin = (deadlineMs: number, open: () => ClientRead): TE.TaskEither<EsdbFailure, readonly EsdbRecordedEvent[]> => () => {
  let read: ClientRead;
  try {
    read = open();
  } catch (error) {
    return Promise.resolve(E.left(classifyClientError(error)));
  }
  return new Promise((resolve) => {
    let settled = false;
    // One timer for the whole read, pushed back as each event comes (no new timer per event).
    const timer = setTimeout(() => {
      settle(E.left({ _tag: 'NodeUnavailable', reason: `the server sent nothing for ${String(deadlineMs)} ms (the read's deadline)` }));
      void read.cancel().catch(() => undefined);
    }, deadlineMs);
    const settle = (result: E.Either<EsdbFailure, readonly EsdbRecordedEvent[]>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const events: EsdbRecordedEvent[] = [];
    const drain = async (): Promise<void> => {
      for await (const resolved of read.events) {
        if (settled) return;
        timer.refresh();
        const recorded = recordedOf(resolved);
        if (recorded !== undefined) events.push(recorded);
      }
    };
    drain().then(
      () => {
        settle(E.right(events));
      },
      (error: unknown) => {
        settle(E.left(classifyClientError(error)));
      },
    );
  });
};

/** The failure of a read whose server sent nothing for its deadline. */
const silentFor = (deadlineMs: number): EsdbFailure => ({ _tag: 'NodeUnavailable', reason: `the server sent nothing for ${String(deadlineMs)} ms (the read's deadline)` });

/**
 * The batches of one client read, opened at the first `next()` and held open between batches. Each
 * `next()` takes up to `batchSize` events from it, giving up (and cancelling the read) when the
 * server sends nothing for `deadlineMs` while a batch is awaited: the time the reader spends
 * between batches does not count. The read's end is an empty batch; a failure ends it.
 */
export const batchesWithin = (deadlineMs: number, open: () => ClientRead, batchSize: number): EsdbAllBatches => {
  let read: ClientRead | undefined;
  let events: AsyncIterator<ClientResolvedEvent> | undefined;
  /** What every `next()` answers once the read is over: the end (an empty batch) or its failure. */
  let over: E.Either<EsdbFailure, readonly EsdbRecordedEvent[]> | undefined;
  const cancel = (): void => {
    void read?.cancel().catch(() => undefined);
  };
  const next = (): Promise<E.Either<EsdbFailure, readonly EsdbRecordedEvent[]>> => {
    if (over !== undefined) return Promise.resolve(over);
    if (events === undefined) {
      try {
        read = open();
        events = read.events[Symbol.asyncIterator]();
      } catch (error) {
        over = E.left(classifyClientError(error));
        return Promise.resolve(over);
      }
    }
    const source = events;
    return new Promise((resolve) => {
      let settled = false;
      const settle = (result: E.Either<EsdbFailure, readonly EsdbRecordedEvent[]>): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(result);
      };
      // One timer for the batch, pushed back as each event comes (no new timer per event).
      const timer = setTimeout(() => {
        over ??= E.left(silentFor(deadlineMs));
        settle(over);
        cancel();
      }, deadlineMs);
      const batch: EsdbRecordedEvent[] = [];
      const drain = async (): Promise<void> => {
        while (batch.length < batchSize) {
          const item = await source.next();
          if (settled) return;
          timer.refresh();
          if (item.done === true) {
            over ??= E.right([]);
            return;
          }
          const recorded = recordedOf(item.value);
          if (recorded !== undefined) batch.push(recorded);
        }
      };
      drain().then(
        () => {
          settle(E.right(batch));
        },
        (error: unknown) => {
          over ??= E.left(classifyClientError(error));
          settle(over);
        },
      );
    });
  };
  return {
    next,
    close: () => {
      over ??= E.right([]);
      cancel();
      return Promise.resolve();
    },
  };
};

/** A subscription that failed before it started. */
export const failedSubscription = (failure: EsdbFailure): EsdbSubscription => {
  let reported = false;
  return {
    next: () => {
      const item: EsdbSubscriptionItem = reported ? { _tag: 'Ended' } : { _tag: 'Failed', failure };
      reported = true;
      return Promise.resolve(item);
    },
    close: () => Promise.resolve(),
  };
};

/** A client's live subscription, opened by `open`, read one item at a time through a bounded buffer. */
export const bufferedSubscription = (open: () => ClientLiveSubscription): EsdbSubscription => {
  let subscription: ClientLiveSubscription;
  try {
    subscription = open();
  } catch (error) {
    return failedSubscription(classifyClientError(error));
  }
  const buffer: EsdbSubscriptionItem[] = [];
  let finished = false;
  let waiting: ((item: EsdbSubscriptionItem) => void) | undefined;

  const deliver = (item: EsdbSubscriptionItem): void => {
    if (finished) return;
    if (item._tag === 'Failed' || item._tag === 'Ended') finished = true;
    const waiter = waiting;
    if (waiter !== undefined) {
      waiting = undefined;
      waiter(item);
      return;
    }
    buffer.push(item);
    if (buffer.length >= HIGH_WATER) subscription.pause();
  };

  subscription.on('confirmation', () => {
    deliver({ _tag: 'Confirmed' });
  });
  subscription.on('data', (resolved: ClientResolvedEvent) => {
    const event = recordedOf(resolved);
    if (event !== undefined) deliver({ _tag: 'Event', event });
  });
  subscription.on('error', (error: unknown) => {
    deliver({ _tag: 'Failed', failure: classifyClientError(error) });
  });
  subscription.on('end', () => {
    deliver({ _tag: 'Ended' });
  });
  subscription.on('close', () => {
    deliver({ _tag: 'Ended' });
  });

  return {
    next: () => {
      const item = buffer.shift();
      if (item !== undefined) {
        if (buffer.length <= LOW_WATER && subscription.isPaused()) subscription.resume();
        return Promise.resolve(item);
      }
      if (finished) return Promise.resolve({ _tag: 'Ended' });
      return new Promise((resolve) => {
        waiting = resolve;
      });
    },
    close: async () => {
      const closing = !finished;
      finished = true;
      buffer.length = 0;
      const waiter = waiting;
      waiting = undefined;
      waiter?.({ _tag: 'Ended' });
      if (closing) await subscription.unsubscribe().catch(() => undefined);
    },
  };
};
