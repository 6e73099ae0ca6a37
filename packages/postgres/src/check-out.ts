/** Takes a connection from the pool, as a value rather than a rejected promise. */
import * as E from 'fp-ts/lib/Either.js';
import type pg from 'pg';

/** A pooled connection, or why none could be had (the server is away, the pool timed out). */
export const checkOut = async (pool: pg.Pool): Promise<E.Either<unknown, pg.PoolClient>> => {
  try {
    return E.right(await pool.connect());
  } catch (cause) {
    return E.left(cause);
  }
};

/** Gives a connection back; one that failed is closed instead, so its transaction goes with it. */
export const checkIn = (client: pg.PoolClient, failure?: unknown): void => {
  if (failure === undefined) client.release();
  else client.release(failure instanceof Error ? failure : new Error('the connection failed'));
};
