/**
 * A domain story told through `createBoroughCommand` over the EventStoreDB adapter (real client,
 * real gRPC, the test server) gives the same six views as the same story over the in-memory store.
 */
import * as E from 'fp-ts/lib/Either.js';
import { domainEventRegistry, type DomainEvent } from '@borough-command/domain';
import { createInMemoryStore, type EventStore } from '@borough-command/domain/eventsourcing';
import { startTestServer, type TestServer } from '@borough-command/eventstoredb/testing';
import { rebuildViews, type BoroughCommandViews } from '@borough-command/projections';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from './support/open-store.js';
import { noConnectionWait } from './support/client-under-test.js';
import { storyPolicy, storyService, tell, wholeStory } from './support/domain-story.js';
import { comparableSnapshots, eventIdsByPosition } from './support/view-snapshots.js';

let server: TestServer;
let adapter: EventStore<DomainEvent>;
let memory: EventStore<DomainEvent>;

const rebuilt = async (store: EventStore<DomainEvent>): Promise<BoroughCommandViews> => {
  const views = await rebuildViews(store, { policy: storyPolicy, pageSize: 7 })();
  if (E.isLeft(views)) throw new Error(views.left.message);
  return views.right;
};

beforeAll(async () => {
  server = await startTestServer();
  adapter = openStore(domainEventRegistry, `${server.connectionString}${noConnectionWait}`);
  memory = createInMemoryStore(domainEventRegistry);
  await tell(storyService(adapter), wholeStory);
  await tell(storyService(memory), wholeStory);
});

afterAll(async () => {
  await adapter.close();
  await memory.close();
  await server.stop();
});

describe('eventstoredb end to end: a domain story through createBoroughCommand', () => {
  it('writes the same events, in the same order, as the in-memory store', async () => {
    const ids = async (store: EventStore<DomainEvent>) => [...(await eventIdsByPosition(store)).values()];
    const written = await ids(adapter);
    expect(written.length).toBeGreaterThan(wholeStory.length);
    expect(written).toEqual(await ids(memory));
  });

  it('gives the same six views as the in-memory store', async () => {
    const [overAdapter, overMemory] = await Promise.all([rebuilt(adapter), rebuilt(memory)]);
    const adapterSnapshots = comparableSnapshots(overAdapter, await eventIdsByPosition(adapter));
    expect(adapterSnapshots).toEqual(comparableSnapshots(overMemory, await eventIdsByPosition(memory)));
    // The story shows in the views: Hackney's commander left early, and Central East went live with its commander.
    const hackney = overAdapter.tenure.tenureOf({ kind: 'borough', name: 'Hackney' });
    expect(hackney.postings.map((posting) => [posting.officer.name, posting.minimumTerm, posting.breached])).toEqual([
      ['Dana Okoro', 'not-met', true],
      ['Gus Adebayo', 'not-applicable', false],
    ]);
    expect(overAdapter.tenure.tenureOf({ kind: 'bcu', name: 'Central East' }).postings.map((posting) => posting.officer.name)).toEqual(['Fay Lindqvist']);
  });

  it('reads back a retold story as already applied: the same command ids write nothing new', async () => {
    const before = (await eventIdsByPosition(adapter)).size;
    await tell(storyService(adapter), wholeStory);
    expect((await eventIdsByPosition(adapter)).size).toBe(before);
  });
});
