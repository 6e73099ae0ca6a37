/**
 * A generated London history told through `createBoroughCommand` over the PostgreSQL store records
 * the same events as over the in-memory store, and the views fed from it by a projection runner
 * that keeps its checkpoint in PostgreSQL are the same; a second run resumes from the checkpoint.
 */
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import pg from 'pg';
import { domainEventRegistry, type DomainEvent } from '@borough-command/domain';
import type { EventStore } from '@borough-command/domain/eventsourcing';
import { catchUp, createViews, projectionsOf } from '@borough-command/projections';
import {
  londonHistoryArbitrary,
  londonHistoryPolicy,
  readAllEvents,
  runLondonHistory,
  type LondonHistoryRun,
} from '@borough-command/test-machinery';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresCheckpointStore, createPostgresStore } from '../src/index.js';
import { freshSchema, postgresUrl } from './support/fresh-schema.js';

let schema: string;
let store: EventStore<DomainEvent>;
let pool: pg.Pool;
let overPostgres: LondonHistoryRun;
let inMemory: LondonHistoryRun;

beforeAll(async () => {
  schema = await freshSchema('story');
  pool = new pg.Pool({ connectionString: postgresUrl() });
  const opened = createPostgresStore(domainEventRegistry, { pool }, { schema });
  if (E.isLeft(opened)) throw new Error(JSON.stringify(opened.left));
  store = opened.right;
  const [history] = fc.sample(londonHistoryArbitrary(), { numRuns: 1, seed: 2019 });
  if (history === undefined) throw new Error('no history drawn');
  overPostgres = await runLondonHistory(history, { store });
  inMemory = await runLondonHistory(history);
}, 60_000);

afterAll(async () => {
  await store.close();
  await inMemory.store.close();
  await pool.end();
});

const snapshots = (run: { readonly views: LondonHistoryRun['views'] }) => projectionsOf(run.views).map((projection) => projection.snapshot());

describe('postgres end to end: a London history through createBoroughCommand', () => {
  it('records the same events, in the same order, at the same positions, as the in-memory store', () => {
    expect(overPostgres.events.length).toBeGreaterThan(20);
    const placed = (run: LondonHistoryRun) => run.events.map((e) => [e.metadata.eventId, e.stream, e.revision, e.position]);
    expect(placed(overPostgres)).toEqual(placed(inMemory));
    expect(overPostgres.events.map((e) => e.event)).toEqual(inMemory.events.map((e) => e.event));
    expect(snapshots(overPostgres)).toEqual(snapshots(inMemory));
  });

  it('a projection runner with its checkpoint in PostgreSQL builds the same views, and a second run resumes after the last event', async () => {
    const checkpoints = createPostgresCheckpointStore({ pool }, 'london-views', { schema });
    const first = createViews(londonHistoryPolicy);
    const ran = await catchUp({ store, projections: projectionsOf(first), checkpoints, pageSize: 50 })();
    expect(E.isRight(ran) && ran.right.delivered).toBe(overPostgres.events.length);
    expect(snapshots({ views: first })).toEqual(snapshots(inMemory));
    const again = createViews(londonHistoryPolicy);
    const resumed = await catchUp({ store, projections: projectionsOf(again), checkpoints: createPostgresCheckpointStore({ pool }, 'london-views', { schema }) })();
    expect(E.isRight(resumed) && { delivered: resumed.right.delivered, resumedAfter: resumed.right.resumedAfter }).toEqual({ delivered: 0, resumedAfter: overPostgres.events.at(-1)?.position });
    expect(snapshots({ views: again })).toEqual(snapshots(inMemory));
    expect((await readAllEvents(store)).length).toBe(overPostgres.events.length);
  });
});
