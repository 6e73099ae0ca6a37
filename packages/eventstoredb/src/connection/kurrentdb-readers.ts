/**
 * The clients a `@kurrent/kurrentdb-client` connection reads through. That client reads through a
 * native bridge that does not recover when its first connection fails (the node was down or
 * refused the handshake) or when it breaks during a read: from then on every read answers
 * unavailable without reaching the node, while appends and subscriptions (plain gRPC) recover.
 * So reads that keep failing as unavailable move to a new client, when one can be made.
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import type { KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { EsdbFailure } from './esdb-connection.js';

/**
 * Reads in a row failing as unavailable on one client before reads move to a new one: one for a
 * client the node never answered (its first connection failed, which its bridge never recovers
 * from), two for one it did (a bridge that was connected usually recovers by itself).
 */
const RENEW_AFTER_FAILURES = { unproven: 1, proven: 2 } as const;

/** A reader taken for one read, until the read says how it ended. */
export interface HeldReader {
  readonly client: KurrentDBClient;
  /** Ends the hold once: `unavailable` when the read failed as unavailable (which counts towards renewing the reader). */
  readonly release: (unavailable: boolean) => void;
}

/** The client reads go through, renewed after unavailable reads; old readers are disposed when their reads end. */
export interface Readers {
  /** A task running a read on the reader current when it runs, renewing it when the read fails as unavailable. */
  readonly run: <A>(read: (client: KurrentDBClient) => TE.TaskEither<EsdbFailure, A>) => TE.TaskEither<EsdbFailure, A>;
  /** Takes the current reader for a read that lasts longer than one task (a `$all` read taken in batches). */
  readonly hold: () => HeldReader;
  /** Disposes every reader other than the main client. */
  readonly dispose: () => Promise<void>;
}

/**
 * Reads on `main` until `reopen` is needed: after `RENEW_AFTER_FAILURES` reads in a row fail as
 * unavailable on the same client, the next reads go through `reopen()`'s client.
 */
export const readersOf = (main: KurrentDBClient, reopen: (() => KurrentDBClient) | undefined): Readers => {
  let current = main;
  let failures = 0;
  /** Clients the node has answered a read of (with events or with an error of its own). */
  const proven = new WeakSet<KurrentDBClient>();
  const inFlight = new Map<KurrentDBClient, number>();
  const retired = new Set<KurrentDBClient>();
  const release = (client: KurrentDBClient): void => {
    const left = (inFlight.get(client) ?? 1) - 1;
    inFlight.set(client, left);
    if (left === 0 && retired.delete(client)) {
      inFlight.delete(client);
      void client.dispose().catch(() => undefined);
    }
  };
  const renew = (broken: KurrentDBClient): void => {
    if (reopen === undefined || broken !== current) return;
    failures += 1;
    if (failures < RENEW_AFTER_FAILURES[proven.has(broken) ? 'proven' : 'unproven']) return;
    failures = 0;
    try {
      current = reopen();
    } catch {
      return;
    }
    if (broken !== main) retired.add(broken);
  };
  const hold = (): HeldReader => {
    const client = current;
    inFlight.set(client, (inFlight.get(client) ?? 0) + 1);
    let held = true;
    return {
      client,
      release: (unavailable) => {
        if (!held) return;
        held = false;
        if (unavailable) renew(client);
        else {
          proven.add(client);
          if (client === current) failures = 0;
        }
        release(client);
      },
    };
  };
  return {
    run: (read) => async () => {
      const held = hold();
      let unavailable = false;
      try {
        const result = await read(held.client)();
        unavailable = E.isLeft(result) && result.left._tag === 'NodeUnavailable';
        return result;
      } finally {
        held.release(unavailable);
      }
    },
    hold,
    dispose: async () => {
      const others = new Set([...retired, current]);
      others.delete(main);
      retired.clear();
      await Promise.all([...others].map((client) => client.dispose().catch(() => undefined)));
    },
  };
};

