/**
 * A read of `$all` is one request held open to its end, whatever its length, whether the store is
 * given a connection string or a client; the store takes its events from it `readBatchSize` at a
 * time (500 unless the options say).
 */
import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { startTestServer, type TestServer } from '@borough-command/eventstoredb/testing';
import { commandEvents, conformanceRegistry, numberedItems, type ConformanceEvent } from '@borough-command/testing';
import { describeStoreError, type EventStore } from '@borough-command/domain/eventsourcing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createEventStoreDbStore, type EsdbConnection } from '../../src/index.js';
import { clientUnderTest, clientUnderTestFor, connectionUnderTest, noConnectionWait } from '../support/client-under-test.js';
import { openStore } from '../support/open-store.js';

const EVENTS = 2_100;
const PER_APPEND = 300;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ systemEvents: false });
  const writer = openStore(conformanceRegistry, `${server.connectionString}${noConnectionWait}`);
  try {
    for (let written = 0; written < EVENTS; written += PER_APPEND) {
      const stream = `batch-${randomUUID()}`;
      const appended = await writer.appendToStream(stream, commandEvents(`command-${randomUUID()}`, numberedItems(stream, 0, PER_APPEND)), 'no_stream')();
      if (E.isLeft(appended)) throw new Error(appended.left._tag);
    }
  } finally {
    await writer.close();
  }
});

afterAll(async () => {
  await server.stop();
});

/** Reads the whole of `$all` through the store, then closes it: the events read and the read requests the server had. */
const readWhole = async (store: EventStore<ConformanceEvent>): Promise<{ readonly events: number; readonly requests: number }> => {
  const before = server.calls().read;
  let events = 0;
  try {
    for await (const page of store.readAll()) {
      if (E.isLeft(page)) throw new Error(page.left._tag);
      events += page.right.length;
    }
  } finally {
    await store.close();
  }
  return { events, requests: server.calls().read - before };
};

it(`a store opened from a connection string with ${clientUnderTest} reads $all's ${String(EVENTS)} events in one request`, async () => {
  const read = await readWhole(openStore(conformanceRegistry, `${server.connectionString}${noConnectionWait}`));
  expect(read).toEqual({ events: EVENTS, requests: 1 });
});

it(`a store given a ${clientUnderTest} client reads $all's ${String(EVENTS)} events in one request`, async () => {
  const store = createEventStoreDbStore(conformanceRegistry, { client: clientUnderTestFor(`${server.connectionString}${noConnectionWait}`) });
  if (E.isLeft(store)) throw new Error(describeStoreError(store.left));
  const read = await readWhole(store.right);
  expect(read).toEqual({ events: EVENTS, requests: 1 });
});

/** A store over the client under test whose connection records the batch size of each `$all` read and the batches taken. */
const recordingStore = (options: { readonly readBatchSize?: number }) => {
  const connection = connectionUnderTest(`${server.connectionString}${noConnectionWait}`);
  const batchSizes: number[] = [];
  const taken: number[] = [];
  const recording: EsdbConnection = {
    ...connection,
    readAll: (read) => {
      batchSizes.push(read.batchSize);
      const batches = connection.readAll(read);
      return {
        next: async () => {
          const batch = await batches.next();
          if (E.isRight(batch)) taken.push(batch.right.length);
          return batch;
        },
        close: batches.close,
      };
    },
  };
  const store = createEventStoreDbStore(conformanceRegistry, { connection: recording }, options);
  if (E.isLeft(store)) throw new Error(describeStoreError(store.left));
  return { store: store.right, batchSizes, taken };
};

it.each([
  { given: undefined, batch: 500 },
  { given: 700, batch: 700 },
])(`with ${clientUnderTest}, readBatchSize $given takes $batch events at a time from the one read`, async ({ given, batch }) => {
  const { store, batchSizes, taken } = recordingStore(given === undefined ? {} : { readBatchSize: given });
  const read = await readWhole(store);
  expect(read).toEqual({ events: EVENTS, requests: 1 });
  expect(batchSizes).toEqual([batch]);
  // full batches, then one short batch (empty when the full ones took everything), which is the end
  const full = Math.floor(EVENTS / batch);
  expect(taken).toEqual([...Array.from({ length: full }, () => batch), EVENTS - full * batch]);
});
