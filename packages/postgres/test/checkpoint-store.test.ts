/**
 * The projection checkpoint store kept in PostgreSQL, over a real server: one row per projection,
 * replaced whole on each save, decoded with io-ts on load, and no silent overwrite between two
 * runners of one projection.
 */
import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import type { Checkpoint, CheckpointStore } from '@borough-command/domain/eventsourcing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresCheckpointStore } from '../src/index.js';
import { postgresUrl, freshSchema, uniqueSchemaName } from './support/fresh-schema.js';

let schema: string;
let pool: pg.Pool;

beforeAll(async () => {
  schema = await freshSchema('checkpoints');
  pool = new pg.Pool({ connectionString: postgresUrl() });
});

afterAll(async () => {
  await pool.end();
});

const checkpointAt = (position: string | null, views: Record<string, unknown> = { 'TE-1 tenure': { view: 'TE-1 tenure', rows: [position] } }): Checkpoint => ({
  format: 1,
  position,
  views,
});

const projectionName = (): string => `views-${randomUUID().slice(0, 8)}`;

const run = async <A>(task: () => Promise<E.Either<{ readonly _tag: string; readonly message: string }, A>>): Promise<A> => {
  const result = await task();
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

describe('postgres checkpoint store', () => {
  it('is a checkpoint store: loads nothing before the first save, then the latest checkpoint saved', async () => {
    const name = projectionName();
    const store: CheckpointStore = createPostgresCheckpointStore({ pool }, name, { schema });
    expect(store.location).toBe(`PostgreSQL table ${schema}.projection_checkpoints, projection '${name}'`);
    expect(await store.load()()).toEqual(E.right(undefined));
    await run(store.save(checkpointAt('1024')));
    await run(store.save(checkpointAt('2048', { 'TE-1 tenure': { rows: ['a\u0000b', 'ünï ✓'] } })));
    expect(await createPostgresCheckpointStore({ pool }, name, { schema }).load()()).toEqual(E.right(checkpointAt('2048', { 'TE-1 tenure': { rows: ['a\u0000b', 'ünï ✓'] } })));
    const rows = await pool.query<{ saves: string }>(`SELECT saves FROM "${schema}".projection_checkpoints WHERE projection = $1`, [name]);
    expect(rows.rows).toEqual([{ saves: '2' }]);
  });

  it('keeps projections apart, and a checkpoint before any event (position null) round-trips', async () => {
    const [a, b] = [projectionName(), projectionName()];
    await run(createPostgresCheckpointStore({ pool }, a, { schema }).save(checkpointAt(null)));
    await run(createPostgresCheckpointStore({ pool }, b, { schema }).save(checkpointAt('7')));
    expect(await createPostgresCheckpointStore({ pool }, a, { schema }).load()()).toEqual(E.right(checkpointAt(null)));
    expect(await createPostgresCheckpointStore({ pool }, b, { schema }).load()()).toEqual(E.right(checkpointAt('7')));
  });

  it('a second runner of the same projection cannot silently overwrite the first one\'s checkpoint', async () => {
    const name = projectionName();
    const first = createPostgresCheckpointStore({ pool }, name, { schema });
    const second = createPostgresCheckpointStore({ pool }, name, { schema });
    expect(await first.load()()).toEqual(E.right(undefined));
    expect(await second.load()()).toEqual(E.right(undefined));
    await run(first.save(checkpointAt('10')));
    const refused = await second.save(checkpointAt('5'))();
    expect(E.isLeft(refused) && refused.left._tag).toBe('CheckpointUnwritable');
    expect(E.isLeft(refused) && refused.left.message).toContain('another runner saved a checkpoint first');
    await run(first.save(checkpointAt('20')));
    expect(await second.load()()).toEqual(E.right(checkpointAt('20')));
    // Once it has read the latest, the second runner saves again.
    await run(second.save(checkpointAt('30')));
    expect(await first.load()()).toEqual(E.right(checkpointAt('30')));
  });

  it('a row that is not a checkpoint is CheckpointCorrupt naming the field', async () => {
    const name = projectionName();
    const cases: readonly (readonly [unknown, string])[] = [
      [{ format: 1, position: '12x', views: {} }, "'position'"],
      [{ format: 1.5, position: null, views: {} }, "'format'"],
      [{ format: 1, position: null, views: [] }, "'views'"],
      [[1, 2], 'the document'],
    ];
    for (const [stored, field] of cases) {
      await pool.query(
        `INSERT INTO "${schema}".projection_checkpoints (projection, checkpoint, saves) VALUES ($1, $2::json, 1)
         ON CONFLICT (projection) DO UPDATE SET checkpoint = EXCLUDED.checkpoint`,
        [name, JSON.stringify(stored)],
      );
      const loaded = await createPostgresCheckpointStore({ pool }, name, { schema }).load()();
      expect(E.isLeft(loaded) && loaded.left._tag).toBe('CheckpointCorrupt');
      expect(E.isLeft(loaded) && loaded.left.reason).toContain(field);
    }
  });

  it('a schema that was not migrated is CheckpointUnreadable saying to run the migration', async () => {
    const store = createPostgresCheckpointStore({ pool }, projectionName(), { schema: uniqueSchemaName('unmigrated') });
    const loaded = await store.load()();
    expect(E.isLeft(loaded) && loaded.left._tag).toBe('CheckpointUnreadable');
    expect(E.isLeft(loaded) && loaded.left.message).toContain('run the migration first');
    const saved = await store.save(checkpointAt('1'))();
    expect(E.isLeft(saved) && saved.left._tag).toBe('CheckpointUnwritable');
  });
});
