/**
 * Wakes waiting subscriptions when an append commits: one connection per store LISTENs on the
 * schema's channel, which every append notifies at commit. A notification only says "look again";
 * subscriptions read the log themselves and also look every poll interval, so a notification lost
 * while the listening connection is down delays an event, never loses it.
 */
import type pg from 'pg';
import { checkIn } from '../check-out.js';
import { pause } from './pause.js';

/** The wake-up source of a store's subscriptions. */
export interface Notifier {
  /** A count that grows with every notification and every loss of the listening connection. */
  readonly generation: () => number;
  /** Listens if it does not yet (best effort: a server away leaves subscriptions polling). */
  readonly listen: () => Promise<void>;
  /** Resolves once the count passes `seen`, after `timeoutMs`, or when `signal` aborts. */
  readonly waitPast: (seen: number, timeoutMs: number, signal: AbortSignal) => Promise<void>;
  /** Stops listening and gives the connection back. */
  readonly close: () => Promise<void>;
}

/** A notifier over a connection taken from `pool`, listening on `channel`. */
export const createNotifier = (pool: pg.Pool, channel: string, quotedChannel: string): Notifier => {
  let generation = 0;
  let client: pg.PoolClient | undefined;
  let connecting: Promise<void> | undefined;
  let closed = false;
  const waiters = new Set<() => void>();

  const bump = (): void => {
    generation += 1;
    for (const wake of [...waiters]) wake();
  };

  const onNotification = (message: pg.Notification): void => {
    if (message.channel === channel) bump();
  };

  const lose = (lost: pg.PoolClient, cause?: unknown): void => {
    if (client !== lost) return;
    client = undefined;
    lost.removeListener('notification', onNotification);
    checkIn(lost, cause ?? new Error('the listening connection ended'));
    // Whatever was notified while the connection was down is looked for now.
    bump();
  };

  const connect = async (): Promise<void> => {
    let taken: pg.PoolClient | undefined;
    try {
      taken = await pool.connect();
      const listening = taken;
      listening.on('notification', onNotification);
      listening.on('error', (cause) => { lose(listening, cause); });
      listening.on('end', () => { lose(listening); });
      client = listening;
      await listening.query(`LISTEN ${quotedChannel}`);
      if (closed) await release();
    } catch (cause) {
      if (taken !== undefined && client === taken) lose(taken, cause);
      else if (taken !== undefined) checkIn(taken, cause);
    }
  };

  const release = async (): Promise<void> => {
    const listening = client;
    if (listening === undefined) return;
    client = undefined;
    listening.removeListener('notification', onNotification);
    // Closed rather than given back: a connection that listened is not handed to other work.
    checkIn(listening, new Error('the store stopped listening'));
    await Promise.resolve();
  };

  return {
    generation: () => generation,
    listen: async () => {
      if (closed || client !== undefined) return;
      connecting ??= connect().finally(() => {
        connecting = undefined;
      });
      await connecting;
    },
    waitPast: async (seen, timeoutMs, signal) => {
      if (generation !== seen || signal.aborted) return;
      const woken = new AbortController();
      const wake = (): void => {
        woken.abort();
      };
      waiters.add(wake);
      const stop = (): void => {
        woken.abort();
      };
      signal.addEventListener('abort', stop, { once: true });
      try {
        await pause(timeoutMs, woken.signal);
      } finally {
        waiters.delete(wake);
        signal.removeEventListener('abort', stop);
      }
    },
    close: async () => {
      closed = true;
      await connecting;
      await release();
      bump();
    },
  };
};
