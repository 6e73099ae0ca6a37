/**
 * The hand-over between a subscription's producer and its reader: a bounded queue whose `put`
 * waits for room and whose `take` waits for a message. The producer finishes it (what is queued is
 * still read); the reader's side can end it at once, or end it with one last message.
 */

/** A bounded, closable queue of messages. */
export interface Mailbox<M> {
  /** Queues a message once there is room; false when the mailbox takes no more (the message is dropped). */
  readonly put: (message: M) => Promise<boolean>;
  /** The next message, or `undefined` once nothing more will come. */
  readonly take: () => Promise<M | undefined>;
  /** No more messages: the queued ones are still taken, then `undefined`. */
  readonly finish: () => void;
  /** Ends at once: queued messages are discarded and takes get `undefined`. */
  readonly end: () => void;
  /** Ends at once with one last message, taken before the end in place of whatever was queued. */
  readonly endWith: (message: M) => void;
  /** Whether the mailbox takes no more messages. */
  readonly closed: () => boolean;
}

/** Creates a mailbox holding at most `capacity` messages (1 or more). */
export const createMailbox = <M>(capacity: number): Mailbox<M> => {
  const queue: M[] = [];
  let closed = false;
  let taker: ((message: M | undefined) => void) | undefined;
  const putters: (() => void)[] = [];

  const wakePutters = (): void => {
    for (const wake of putters.splice(0)) wake();
  };

  const hand = (message: M | undefined): boolean => {
    const waiting = taker;
    if (waiting === undefined) return false;
    taker = undefined;
    waiting(message);
    return true;
  };

  const put = async (message: M): Promise<boolean> => {
    while (!closed && queue.length >= capacity) await new Promise<void>((resolve) => putters.push(resolve));
    if (closed) return false;
    if (!hand(message)) queue.push(message);
    return true;
  };

  const take = (): Promise<M | undefined> => {
    if (queue.length > 0) {
      const message = queue.shift() as M;
      wakePutters();
      return Promise.resolve(message);
    }
    if (closed) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      taker = resolve;
    });
  };

  const close = (replacement: readonly M[] | undefined): void => {
    if (closed && replacement === undefined) return;
    closed = true;
    if (replacement !== undefined) queue.splice(0, queue.length, ...replacement);
    wakePutters();
    if (queue.length === 0) hand(undefined);
    else if (taker !== undefined) hand(queue.shift());
  };

  return {
    put,
    take,
    finish: () => {
      close(undefined);
    },
    end: () => {
      close([]);
    },
    endWith: (message) => {
      close([message]);
    },
    closed: () => closed,
  };
};
