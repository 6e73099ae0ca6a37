import * as E from 'fp-ts/lib/Either.js';
import { domainEventRegistry, type Policy } from '@borough-command/domain';
import { createEventStoreDbStore, type EsdbClientPackage } from '@borough-command/eventstoredb';
import { startTestServer } from '@borough-command/eventstoredb/testing';
import { catchUp, createViews, projectionsOf, type Projection } from '@borough-command/projections';
import { spreadOf, type Spread } from '../report/spread.js';
import { appendLargeHistory } from './esdb-history.js';

/** The baseline: a bare client of the same package folding `$all` into the projections; answers the events applied. */
export type RawCatchUp = (connectionString: string, projections: readonly Projection[]) => Promise<E.Either<string, number>>;

/** Catching the six views up over EventStoreDB: through the adapter, and with the bare client. */
export interface EsdbFigures {
  readonly events: number;
  readonly adapterEventsPerSec: Spread;
  readonly rawClientEventsPerSec: Spread;
  /** The adapter's throughput over the bare client's, per run (1 is the same speed). */
  readonly adapterVsRawRatio: Spread;
}

/** Catches fresh views up through the adapter (`catchUp` over `createEventStoreDbStore`); answers the events applied. */
const adapterCatchUp = async (connectionString: string, clientPackage: EsdbClientPackage, policy: Policy): Promise<E.Either<string, number>> => {
  const store = createEventStoreDbStore(domainEventRegistry, { connectionString, clientPackage });
  if (E.isLeft(store)) return E.left(`cannot open the adapter: ${store.left._tag}`);
  try {
    const caught = await catchUp({ store: store.right, projections: projectionsOf(createViews(policy)) })();
    return E.isLeft(caught) ? E.left(`the adapter's catch-up failed: ${caught.left.message}`) : E.right(caught.right.delivered);
  } finally {
    await store.right.close();
  }
};

const perSecond = async (run: () => Promise<E.Either<string, number>>): Promise<E.Either<string, { readonly events: number; readonly perSec: number }>> => {
  const started = performance.now();
  const done = await run();
  const seconds = (performance.now() - started) / 1000;
  return E.isLeft(done) ? done : E.right({ events: done.right, perSec: done.right / seconds });
};

/**
 * Writes the seeded history's first `events` events to an in-process test server, then catches
 * the six views up from it, alternately through the adapter and with the bare client, `runs` times
 * after a warm-up of each, both through `clientPackage` (the client this process loads; the test
 * server must serve the same one). Both must apply every event.
 */
export const esdbBench = async (
  client: {
    readonly clientPackage: EsdbClientPackage;
    readonly rawCatchUp: RawCatchUp;
    /** What both sides add to the test server's connection string (the same for both); nothing when absent. */
    readonly connectionOptions?: string;
  },
  policy: Policy,
  seed: number,
  events: number,
  runs: number,
): Promise<E.Either<string, EsdbFigures>> => {
  const { clientPackage, rawCatchUp } = client;
  const server = await startTestServer();
  const connectionString = `${server.connectionString}${client.connectionOptions ?? ''}`;
  try {
    const writer = createEventStoreDbStore(domainEventRegistry, { connectionString, clientPackage });
    if (E.isLeft(writer)) return E.left(`cannot open the adapter: ${writer.left._tag}`);
    const written = await appendLargeHistory(writer.right, seed, events);
    await writer.right.close();
    if (E.isLeft(written)) return written;
    const adapter: number[] = [];
    const raw: number[] = [];
    for (let run = -1; run < runs; run++) {
      const ours = await perSecond(() => adapterCatchUp(connectionString, clientPackage, policy));
      if (E.isLeft(ours)) return ours;
      const bare = await perSecond(() => rawCatchUp(connectionString, projectionsOf(createViews(policy))));
      if (E.isLeft(bare)) return bare;
      if (ours.right.events !== written.right || bare.right.events !== written.right) {
        return E.left(`catch-up applied ${String(ours.right.events)} (adapter) and ${String(bare.right.events)} (bare client) of ${String(written.right)} events`);
      }
      // run -1 warms both up and is not counted
      if (run >= 0) {
        adapter.push(ours.right.perSec);
        raw.push(bare.right.perSec);
      }
    }
    return E.right({
      events: written.right,
      adapterEventsPerSec: spreadOf(adapter),
      rawClientEventsPerSec: spreadOf(raw),
      adapterVsRawRatio: spreadOf(adapter.map((perSec, index) => perSec / (raw[index] as number))),
    });
  } finally {
    await server.stop();
  }
};
