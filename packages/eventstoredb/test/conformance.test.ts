/**
 * The `EventStore` conformance suite against the EventStoreDB adapter, over the real client under
 * test (`@eventstore/db-client` in the `eventstoredb` project, `@kurrent/kurrentdb-client` in
 * `eventstoredb-kurrentdb`) and real gRPC to an in-process test server started for each case, so
 * a case's prefix reads walk its own log, not every earlier case's (`@eventstore/db-client` sends
 * no filter with a read: its prefix reads look at the whole `$all`). Each test opens its own store
 * (its own client); the suite gives every test its own stream names, and the node's system events
 * are there in every log.
 * The stores append with the default method, `Streams.Append` (`append-methods.test.ts` runs the
 * checks of appends with `batch-append`). The last test holds the run to every case of the suite,
 * as many as the in-memory store runs, each passed.
 */
import { startTestServer, type TestServer } from '@borough-command/eventstoredb/testing';
import { eventStoreConformanceCases } from '@borough-command/testing';
import { describeEventStoreConformance } from '@borough-command/testing/vitest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientUnderTest, noConnectionWait } from './support/client-under-test.js';
import { openStore } from './support/open-store.js';
import { testsIn } from './support/test-tree.js';

let server: TestServer | undefined;
/** The calls that reached the servers of the cases run so far. */
const callsSoFar = { append: 0, batchAppend: 0 };

beforeEach(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  if (server === undefined) return;
  const calls = server.calls();
  callsSoFar.append += calls.append;
  callsSoFar.batchAppend += calls.batchAppend;
  await server.stop();
  server = undefined;
});

const running = (): TestServer => {
  if (server === undefined) throw new Error('no test server is running for this case');
  return server;
};

describeEventStoreConformance({
  name: 'eventstoredb',
  open: (registry) => Promise.resolve(openStore(registry, `${running().connectionString}${noConnectionWait}`)),
  // `CaughtUp` comes after reading all of `$all` after the checkpoint through real gRPC: more than
  // the default 5 s on a busy machine.
  subscriptionTimeoutMs: 20_000,
});

describe(`eventstoredb over ${clientUnderTest}: the whole suite`, () => {
  it('every append of the conformance suite took Streams.Append, none Streams.BatchAppend', () => {
    expect(callsSoFar.append).toBeGreaterThan(0);
    expect(callsSoFar.batchAppend).toBe(0);
  });

  it('ran every conformance case, as many as the in-memory store runs, none skipped, each passed', ({ task }) => {
    const cases = testsIn(task.file, 'conformance: eventstoredb');
    expect(cases.map((test) => test.name).sort()).toEqual(eventStoreConformanceCases.map((check) => check.title).sort());
    expect(cases.filter((test) => test.mode !== 'run' || test.result?.state !== 'pass').map((test) => test.name)).toEqual([]);
  });
});
