/**
 * The projection checkpoint store kept in EventStoreDB, over the real client and the test server:
 * one stream per projection, `$maxCount: 1`, saves at the revision read, invisible to readers of
 * `$all`. One test server for this file.
 */
import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { startTestServer, type TestServer } from '@borough-command/eventstoredb/testing';
import type { Checkpoint, CheckpointStore } from '@borough-command/domain/eventsourcing';
import { conformanceRegistry } from '@borough-command/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHECKPOINT_EVENT_TYPE,
  DEFAULT_CHECKPOINT_STREAM_PREFIX,
  createEventStoreDbCheckpointStore,
} from '../src/index.js';
import { openStore } from './support/open-store.js';

let server: TestServer;
let client: EventStoreDBClient;

beforeAll(async () => {
  server = await startTestServer();
  client = EventStoreDBClient.connectionString(server.connectionString);
});

afterAll(async () => {
  await client.dispose();
  await server.stop();
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

describe('eventstoredb checkpoint store', () => {
  it('is a checkpoint store: loads nothing before the first save, then the latest checkpoint saved', async () => {
    const name = projectionName();
    const store: CheckpointStore = createEventStoreDbCheckpointStore({ client }, name);
    expect(store.location).toBe(`EventStoreDB stream '${DEFAULT_CHECKPOINT_STREAM_PREFIX}${name}'`);
    expect(await store.load()()).toEqual(E.right(undefined));
    await run(store.save(checkpointAt('1024')));
    await run(store.save(checkpointAt('2048')));
    expect(await createEventStoreDbCheckpointStore({ client }, name).load()()).toEqual(E.right(checkpointAt('2048')));
    expect(await store.load()()).toEqual(E.right(checkpointAt('2048')));
  });

  it('keeps one stream per projection with $maxCount 1: only the latest checkpoint is kept', async () => {
    const name = projectionName();
    const stream = `${DEFAULT_CHECKPOINT_STREAM_PREFIX}${name}`;
    const store = createEventStoreDbCheckpointStore({ client }, name);
    for (const position of [null, '10', '20', '30']) await run(store.save(checkpointAt(position)));
    expect(await client.getStreamMetadata(stream)).toMatchObject({ metadata: { maxCount: 1 } });
    const visible = [];
    for await (const resolved of client.readStream(stream)) visible.push(resolved.event);
    expect(visible.map((event) => [event?.type, event?.revision, event?.data])).toEqual([[CHECKPOINT_EVENT_TYPE, 3n, checkpointAt('30')]]);
    // Another projection has a stream of its own.
    const other = createEventStoreDbCheckpointStore({ client }, projectionName());
    expect(await other.load()()).toEqual(E.right(undefined));
  });

  it('refuses to overwrite a checkpoint another runner saved since this one read it', async () => {
    const name = projectionName();
    const first = createEventStoreDbCheckpointStore({ client }, name);
    const second = createEventStoreDbCheckpointStore({ client }, name);
    await run(first.load());
    await run(second.load());
    await run(first.save(checkpointAt('100')));
    const refused = await second.save(checkpointAt('50'))();
    expect(refused).toMatchObject(E.left({ _tag: 'CheckpointUnwritable' }));
    expect(E.isLeft(refused) ? refused.left.reason : '').toMatch(/^another writer saved a checkpoint first/);
    // It goes on refusing rather than overwrite, and the first runner's checkpoint stands.
    expect(await second.save(checkpointAt('60'))()).toMatchObject(E.left({ _tag: 'CheckpointUnwritable' }));
    expect(await createEventStoreDbCheckpointStore({ client }, name).load()()).toEqual(E.right(checkpointAt('100')));
    await run(first.save(checkpointAt('200')));
  });

  it('reports a latest event that is not a checkpoint as CheckpointCorrupt, naming the field', async () => {
    const name = projectionName();
    const stream = `${DEFAULT_CHECKPOINT_STREAM_PREFIX}${name}`;
    await client.appendToStream(stream, jsonEvent({ type: CHECKPOINT_EVENT_TYPE, data: { format: 1, position: 'twelve', views: {} } }));
    expect(await createEventStoreDbCheckpointStore({ client }, name).load()()).toMatchObject(
      E.left({ _tag: 'CheckpointCorrupt', location: `EventStoreDB stream '${stream}'`, reason: `'position': expected a decimal number or null, got "twelve"` }),
    );
  });

  it('saves through a refused call: the same event is sent again and lands once', async () => {
    const name = projectionName();
    const store = createEventStoreDbCheckpointStore({ client }, name, { retry: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 5 } });
    await run(store.save(checkpointAt('1')));
    server.refuseNextCalls(1);
    await run(store.save(checkpointAt('2')));
    const stream = `${DEFAULT_CHECKPOINT_STREAM_PREFIX}${name}`;
    expect(server.events().filter((event) => event.streamName === stream).map((event) => event.revision)).toEqual([0n, 1n]);
  });

  it('stays out of the events a store reads and follows: checkpoints are $-typed', async () => {
    const store = openStore(conformanceRegistry, server.connectionString);
    try {
      const checkpoints = createEventStoreDbCheckpointStore({ client }, projectionName());
      const before = server.events().at(-1)?.position;
      await run(checkpoints.save(checkpointAt('7')));
      const pages = [];
      for await (const page of store.readAll(before === undefined ? {} : { after: before })) pages.push(page);
      expect(pages).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
