/**
 * The `EventStore` conformance suite against the EventStoreDB adapter, over the real client under
 * test (`@eventstore/db-client` in the `eventstoredb` project, `@kurrent/kurrentdb-client` in
 * `eventstoredb-kurrentdb`) and real gRPC to one in-process test server for the whole file. Each
 * test opens its own store (its own client); the suite gives every test its own stream names.
 * The stores append with the default method, `Streams.Append` (`append-methods.test.ts` runs the
 * checks of appends with `batch-append`). The last test holds the run to every case of the suite,
 * as many as the in-memory store runs, each passed.
 */
import { startTestServer, type TestServer } from '@borough-command/eventstoredb/testing';
import { describeEventStoreConformance, eventStoreConformanceCases } from '@borough-command/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientUnderTest } from './support/client-under-test.js';
import { openStore } from './support/open-store.js';
import { testsIn } from './support/test-tree.js';

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

describe(`eventstoredb over ${clientUnderTest}: the whole suite`, () => {
  it('every append of the conformance suite took Streams.Append, none Streams.BatchAppend', () => {
    expect(server.calls().append).toBeGreaterThan(0);
    expect(server.calls().batchAppend).toBe(0);
  });

  it('ran every conformance case, as many as the in-memory store runs, none skipped, each passed', ({ task }) => {
    const cases = testsIn(task.file, 'conformance: eventstoredb');
    expect(cases.map((test) => test.name).sort()).toEqual(eventStoreConformanceCases.map((check) => check.title).sort());
    expect(cases.filter((test) => test.mode !== 'run' || test.result?.state !== 'pass').map((test) => test.name)).toEqual([]);
  });
});
