/**
 * Reads under the test server's faults (real client, real gRPC): `readStream` and `readAll` while
 * the node refuses calls, drops every connection in the middle of a read, or is stopped and
 * restarted. A read of `$all` is one call held open, so a fault can land in its middle. Each failure is a `StoreUnavailable` with `retryable: true` whose sentence names the
 * operation and says it is safe to retry; reading again gives every event once: a `readAll` cut
 * short resumes after the last event it delivered with no gap and no duplicate. One server.
 */
import * as E from 'fp-ts/lib/Either.js';
import { describeStoreError, type EventStore, type StoreError } from '@borough-command/domain/eventsourcing';
import { startTestServer, type TestServer } from '@borough-command/eventstoredb/testing';
import { commandEvents, conformanceRegistry, numberedItems, type ConformanceEvent } from '@borough-command/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendThroughOutage, readAllOnce, uniquePrefix } from '../support/messages.js';
import { openStore } from '../support/open-store.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.stop();
});

/** What every fault must say: retryable, the operation named, a retry safe. */
const expectRetryable = (error: StoreError, operation: string): void => {
  expect(error).toMatchObject({ _tag: 'StoreUnavailable', retryable: true, operation });
  expect(describeStoreError(error)).toMatch(new RegExp(`^${operation.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} failed: the store is unavailable \\(.+\\); the operation is safe to retry$`));
};

const leftOf = <A>(result: E.Either<StoreError, A>): StoreError => {
  if (E.isRight(result)) throw new Error('the read succeeded under a fault');
  return result.left;
};

/** Writes `count` events into a few streams of a fresh prefix; returns the prefix and their ids in log order. */
const seed = async (store: EventStore<ConformanceEvent>, label: string, count: number): Promise<{ readonly prefix: string; readonly ids: readonly string[] }> => {
  const prefix = uniquePrefix(label);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const events = commandEvents(`${prefix}${String(i)}`, numberedItems(`${label}-${String(i)}`, 0, 1));
    await appendThroughOutage(store, `${prefix}${String(i % 4)}`, events, 'any');
    ids.push(...events.map((event) => event.metadata.eventId));
  }
  return { prefix, ids };
};

/** Writes `count` events into four streams of a fresh prefix, 50 to an append; returns the prefix and their ids in log order. */
const seedMany = async (store: EventStore<ConformanceEvent>, label: string, count: number): Promise<{ readonly prefix: string; readonly ids: readonly string[] }> => {
  const prefix = uniquePrefix(label);
  const ids: string[] = [];
  for (let from = 0; from < count; from += 50) {
    const events = commandEvents(`${prefix}${String(from)}`, numberedItems(`${label}-${String(from)}`, from, Math.min(50, count - from)));
    await appendThroughOutage(store, `${prefix}${String((from / 50) % 4)}`, events, 'any');
    ids.push(...events.map((event) => event.metadata.eventId));
  }
  return { prefix, ids };
};

describe('eventstoredb reads under faults', () => {
  it('eventstoredb: readStream while the node refuses calls, drops the connection mid-read and is stopped: retryable StoreUnavailable saying so, then the same events', async () => {
    const store = openStore(conformanceRegistry, server.connectionString);
    try {
      const { prefix } = await seed(store, 'read-stream', 8);
      const stream = `${prefix}0`;
      const operation = `read stream '${stream}'`;
      const whole = await store.readStream(stream)();
      if (E.isLeft(whole)) throw new Error(whole.left._tag);
      expect(whole.right).toHaveLength(2);

      server.refuseNextCalls(1);
      expectRetryable(leftOf(await store.readStream(stream)()), operation);

      // the read reaches the node, is held there, and its connection is dropped
      server.setDelay(60_000);
      const reads = server.calls().read;
      const held = store.readStream(stream)();
      await server.whenCalls((calls) => calls.read > reads);
      server.dropConnections();
      server.setDelay(0);
      expectRetryable(leftOf(await held), operation);

      await server.stop();
      expectRetryable(leftOf(await store.readStream(stream)()), operation);
      await server.restart();
      let again = await store.readStream(stream)();
      // the first call after a restart may still meet the old connection; the client then reconnects
      for (let attempt = 0; E.isLeft(again) && attempt < 20; attempt++) {
        expectRetryable(again.left, operation);
        again = await store.readStream(stream)();
      }
      expect(E.isRight(again) && again.right.map((event) => event.metadata.eventId)).toEqual(whole.right.map((event) => event.metadata.eventId));
    } finally {
      await store.close();
    }
  });

  it.each([
    {
      fault: 'dropped connections',
      inject: (): Promise<void> => {
        server.dropConnections();
        return Promise.resolve();
      },
    },
    {
      fault: 'a restart',
      inject: (): Promise<void> => server.restart(),
    },
  ])('eventstoredb: readAll cut short by $fault mid-iteration is a retryable StoreUnavailable; resuming after the last event delivered gives the rest, no gap, no duplicate', async ({ inject }) => {
    // A read of $all is one call held open: with more events than the transport holds at once, the
    // node is still sending when the reader has taken two pages, and the fault lands in the middle.
    const store = openStore(conformanceRegistry, server.connectionString, { readBatchSize: 2 });
    try {
      const { prefix, ids } = await seedMany(store, 'read-all', 2_000);
      let injected: Promise<void> | undefined;
      const first = await readAllOnce(store, prefix, undefined, (pages) => {
        if (pages === 2) injected = inject();
      });
      await injected;
      expect(first.error, 'the fault cut the read short').toBeDefined();
      expectRetryable(first.error!, 'read all');
      expect(first.events.length).toBeLessThan(ids.length);
      const delivered = [...first.events];
      for (let attempt = 0; delivered.length < ids.length && attempt < 20; attempt++) {
        const next = await readAllOnce(store, prefix, delivered.at(-1)?.position);
        if (next.error !== undefined) expectRetryable(next.error, 'read all');
        delivered.push(...next.events);
      }
      expect(delivered.map((event) => event.metadata.eventId)).toEqual(ids);
    } finally {
      await store.close();
    }
  });

  it('eventstoredb: readAll refused by the node is a retryable StoreUnavailable before any event; reading again gives every event once', async () => {
    const store = openStore(conformanceRegistry, server.connectionString);
    try {
      const { prefix, ids } = await seed(store, 'read-all-refused', 6);
      server.refuseNextCalls(1);
      const refused = await readAllOnce(store, prefix, undefined);
      expect(refused.events).toEqual([]);
      expectRetryable(refused.error!, 'read all');
      const again = await readAllOnce(store, prefix, undefined);
      expect(again.error).toBeUndefined();
      expect(again.events.map((event) => event.metadata.eventId)).toEqual(ids);
    } finally {
      await store.close();
    }
  });
});
