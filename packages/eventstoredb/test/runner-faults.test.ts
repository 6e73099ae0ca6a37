/**
 * A projection runner over the EventStoreDB adapter, with its checkpoint in EventStoreDB, while
 * the test server drops every connection and then restarts: the runner keeps following (the
 * adapter resubscribes), and a new runner resumes from the saved checkpoint and ends equal to a
 * rebuild from zero. One test server for this file.
 */
import * as E from 'fp-ts/lib/Either.js';
import { domainEventRegistry, type DomainEvent } from '@borough-command/domain';
import type { CheckpointStore, EventStore } from '@borough-command/domain/eventsourcing';
import { startTestServer, type TestServer } from '@borough-command/eventstoredb/testing';
import { createViews, projectionsOf, rebuildViews, startRunner } from '@borough-command/projections';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createEventStoreDbCheckpointStore } from '../src/index.js';
import { clientUnderTestFor } from './support/client-under-test.js';
import { storyPartFour, storyPartOne, storyPartThree, storyPartTwo, storyPolicy, storyService, tell } from './support/domain-story.js';
import { openStore } from './support/open-store.js';
import { comparableSnapshots, eventIdsByPosition } from './support/view-snapshots.js';
import { eventually } from './support/waiting.js';

/** How many times a command the store could not take is sent again. */
const RETRIES = 50;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.stop();
});

const lastPosition = async (store: EventStore<DomainEvent>): Promise<bigint | undefined> => [...(await eventIdsByPosition(store)).keys()].map(BigInt).at(-1);

const eventsAfter = async (store: EventStore<DomainEvent>, position: bigint | undefined): Promise<number> => {
  let count = 0;
  for await (const page of store.readAll(position === undefined ? {} : { after: position })) {
    if (E.isLeft(page)) throw new Error(page.left._tag);
    count += page.right.length;
  }
  return count;
};

it('eventstoredb: a projection runner survives dropped connections and a restart, resumes from its EventStoreDB checkpoint and ends equal to a rebuild', async () => {
  const store = openStore(domainEventRegistry, server.connectionString, { resubscribe: { maxAttempts: 40, initialDelayMs: 10, maxDelayMs: 200 } });
  const checkpointClient = clientUnderTestFor(server.connectionString);
  const checkpointsFor = (): CheckpointStore => createEventStoreDbCheckpointStore({ client: checkpointClient }, 'borough-views');
  try {
    const service = storyService(store);
    await tell(service, storyPartOne);

    const live = createViews(storyPolicy);
    const runner = startRunner({ store, projections: projectionsOf(live), checkpoints: checkpointsFor(), checkpointEvery: 2 });
    expect(E.isRight(await runner.caughtUp())).toBe(true);
    const subscribedBefore = server.calls().subscribe;

    server.dropConnections();
    await tell(service, storyPartTwo, RETRIES);
    await server.restart();
    await tell(service, storyPartThree, RETRIES);

    const last = await lastPosition(store);
    await eventually(() => projectionsOf(live).every((projection) => projection.position() === last));
    const stopped = await runner.stop();
    expect(stopped).toEqual(E.right(expect.objectContaining({ position: last })));
    // The live subscription was dropped twice (the drop, the restart) and came back each time.
    expect(server.calls().subscribe).toBeGreaterThanOrEqual(subscribedBefore + 2);

    await tell(service, storyPartFour, RETRIES);
    const added = await eventsAfter(store, last);
    expect(added).toBeGreaterThan(0);

    const resumedViews = createViews(storyPolicy);
    const resumed = startRunner({ store, projections: projectionsOf(resumedViews), checkpoints: checkpointsFor() });
    const caughtUp = await resumed.caughtUp();
    // It resumed after the checkpoint the first runner saved, and read only what came after it.
    expect(caughtUp).toEqual(E.right({ resumedAfter: last, delivered: added, position: await lastPosition(store) }));
    expect(E.isRight(await resumed.stop())).toBe(true);

    const rebuilt = await rebuildViews(store, { policy: storyPolicy })();
    if (E.isLeft(rebuilt)) throw new Error(rebuilt.left.message);
    const ids = await eventIdsByPosition(store);
    expect(comparableSnapshots(resumedViews, ids)).toEqual(comparableSnapshots(rebuilt.right, ids));
  } finally {
    await store.close();
    await checkpointClient.dispose();
  }
});
