/**
 * The `EventStore` conformance suite against the EventStoreDB adapter, over the real
 * `@eventstore/db-client` and real gRPC to one in-process test server for the whole file. Each
 * test opens its own store (its own client); the suite gives every test its own stream names.
 * The stores append with the default method, `Streams.Append` (`append-methods.test.ts` runs the
 * checks of appends with `batch-append`).
 */
import { startTestServer, type TestServer } from '@borough-command/eventstoredb/testing';
import { describeEventStoreConformance } from '@borough-command/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from './support/open-store.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.stop();
});

describeEventStoreConformance({
  name: 'eventstoredb',
  open: (registry) => Promise.resolve(openStore(registry, server.connectionString)),
  // `CaughtUp` comes after reading all of `$all` after the checkpoint through real gRPC, and the
  // server holds over 12,000 events by the subscription cases: more than the default 5 s on a busy machine.
  subscriptionTimeoutMs: 20_000,
});

describe('eventstoredb: the default append method', () => {
  it('every append of the conformance suite took Streams.Append, none Streams.BatchAppend', () => {
    expect(server.calls().append).toBeGreaterThan(0);
    expect(server.calls().batchAppend).toBe(0);
  });
});
