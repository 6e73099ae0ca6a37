/** Takes a connection from the pool, as a value rather than a rejected promise. */
import * as E from 'fp-ts/lib/Either.js';
import type pg from 'pg';

/**
 * Heard while a connection is checked out: node-postgres also emits a lost connection as an
 * `error` event (the pool listens only to idle ones), and an event nobody hears ends the process.
 * The query in flight fails with the same error, which is where it is handled.
 */
const heardWhileCheckedOut = (): void => undefined;

/** A pooled connection, or why none could be had (the server is away, the pool timed out). */
export const checkOut = async (pool: pg.Pool): Promise<E.Either<unknown, pg.PoolClient>> => {
  try {
    const client = await pool.connect();
    client.on('error', heardWhileCheckedOut);
    return E.right(client);
  } catch (cause) {
    return E.left(cause);
  }
};

/** Gives a connection back; one that failed is closed instead, so its transaction goes with it. */
export const checkIn = (client: pg.PoolClient, failure?: unknown): void => {
  if (failure === undefined) {
    client.removeListener('error', heardWhileCheckedOut);
    client.release();
  } else {
    // A closed connection may still report its end: it keeps the listener.
    client.release(failure instanceof Error ? failure : new Error('the connection failed'));
  }
};
