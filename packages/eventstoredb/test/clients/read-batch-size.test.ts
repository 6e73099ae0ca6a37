/**
 * How many events the store asks of `$all` per request when its options do not say: 500 through
 * `@eventstore/db-client`, 2,000 through `@kurrent/kurrentdb-client` (each of whose reads is a call
 * through its native bridge), whether the store is given a connection string or a client; a
 * `readBatchSize` given is used with either.
 */
import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { startTestServer, type TestServer } from '@borough-command/eventstoredb/testing';
import { commandEvents, conformanceRegistry, numberedItems, type ConformanceEvent } from '@borough-command/testing';
import { describeStoreError, type EventStore } from '@borough-command/domain/eventsourcing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createEventStoreDbStore } from '../../src/index.js';
import { clientUnderTest, clientUnderTestFor, isKurrentDbClient, noConnectionWait } from '../support/client-under-test.js';
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

// A full batch is followed by one more request (inclusive of the last event read) to find the end.
const defaultRequests = isKurrentDbClient ? 2 : 5;

it(`a store opened from a connection string with ${clientUnderTest} reads $all in ${String(defaultRequests)} requests of ${String(EVENTS)} events`, async () => {
  const read = await readWhole(openStore(conformanceRegistry, `${server.connectionString}${noConnectionWait}`));
  expect(read).toEqual({ events: EVENTS, requests: defaultRequests });
});

it(`a store given a ${clientUnderTest} client reads $all in ${String(defaultRequests)} requests of ${String(EVENTS)} events`, async () => {
  const store = createEventStoreDbStore(conformanceRegistry, { client: clientUnderTestFor(`${server.connectionString}${noConnectionWait}`) });
  if (E.isLeft(store)) throw new Error(describeStoreError(store.left));
  const read = await readWhole(store.right);
  expect(read).toEqual({ events: EVENTS, requests: defaultRequests });
});

it(`a readBatchSize given is used with ${clientUnderTest}`, async () => {
  // three full batches of 700, then one request that finds nothing after the last
  const read = await readWhole(openStore(conformanceRegistry, `${server.connectionString}${noConnectionWait}`, { readBatchSize: 700 }));
  expect(read).toEqual({ events: EVENTS, requests: 4 });
});
