/**
 * What the adapter does beyond the conformance suite, over the real client and the test server:
 * EventStoreDB's own events never reach a reader, positions and revisions are the server's, events
 * written by another writer are decoded (upcast, or refused naming stream and revision), deleted
 * streams are typed errors. One test server for this file.
 */
import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { deriveEventId, type EventStore, type RecordedEvent } from '@borough-command/domain/eventsourcing';
import { startTestServer, type TestServer } from '@borough-command/eventstoredb/testing';
import { commandEvents, conformanceMetadata, conformanceRegistry, numberedItems, type ConformanceEvent } from '@borough-command/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventStoreDbStore } from '../src/index.js';
import { closing, eventIds, messagesUntil, nextMessage, uniquePrefix } from './support/messages.js';
import { openStore } from './support/open-store.js';

let server: TestServer;
let client: EventStoreDBClient;
let store: EventStore<ConformanceEvent>;

beforeAll(async () => {
  server = await startTestServer();
  client = EventStoreDBClient.connectionString(server.connectionString);
  store = openStore(conformanceRegistry, server.connectionString);
});

afterAll(async () => {
  await store.close();
  await client.dispose();
  await server.stop();
});

const append = async (stream: string, label: string, count: number) => {
  const result = await store.appendToStream(stream, commandEvents(`${label}-${randomUUID()}`, numberedItems(label, 0, count)), 'any')();
  if (E.isLeft(result)) throw new Error(result.left._tag);
  return result.right;
};

const readAllOf = async (options: Parameters<EventStore['readAll']>[0]): Promise<readonly RecordedEvent<ConformanceEvent>[]> => {
  const events: RecordedEvent<ConformanceEvent>[] = [];
  for await (const page of store.readAll(options)) {
    if (E.isLeft(page)) throw new Error(page.left._tag);
    events.push(...page.right);
  }
  return events;
};

/** An event written with the raw client, as another writer would, with the kernel's metadata unless told otherwise. */
const rawEvent = (type: string, data: Record<string, unknown>, metadata: Record<string, unknown> = {}) => {
  const base = conformanceMetadata(`raw-${randomUUID()}`, 0);
  return jsonEvent({ id: base.eventId, type, data, metadata: { ...base, schemaVersion: 1, ...metadata } });
};

describe('eventstoredb adapter', () => {
  it("never lets EventStoreDB's own events through: metastreams, tombstones and the node's events stay out of readAll and subscriptions", async () => {
    const before = server.events().at(-1)?.position;
    const prefix = uniquePrefix('system');
    await append(`${prefix}kept`, 'kept', 2);
    await client.setStreamMetadata(`${prefix}kept`, { maxAge: 86_400 });
    await append(`${prefix}gone`, 'gone', 1);
    await client.tombstoneStream(`${prefix}gone`);
    await append(`${prefix}kept`, 'more', 1);
    const written = server.events().filter((event) => before === undefined || event.position > before);
    // The server's $all holds the metadata event and the tombstone besides the four user events.
    expect(written.map((event) => event.type)).toEqual(['ItemAdded', 'ItemAdded', '$metadata', 'ItemAdded', '$streamDeleted', 'ItemAdded']);
    const userIds = written.filter((event) => !event.type.startsWith('$')).map((event) => event.id);
    const after = before === undefined ? {} : { after: before };
    expect((await readAllOf(after)).map((event) => event.metadata.eventId)).toEqual(userIds);
    const delivered = await closing(store.subscribeToAll(after), (iterator) => messagesUntil(iterator, (message) => message._tag === 'CaughtUp'));
    expect(eventIds(delivered)).toEqual(userIds);
    // From the very start too: the node's seeded events come first in $all and are left out.
    expect((await readAllOf({ streamPrefixes: [prefix] })).map((event) => event.metadata.eventId)).toEqual(userIds);
  });

  it("gives the server's revisions and commit positions, as bigints", async () => {
    const stream = `${uniquePrefix('positions')}s`;
    const result = await append(stream, 'p', 3);
    const onServer = server.events().filter((event) => event.streamName === stream);
    const read = await store.readStream(stream)();
    expect(E.isRight(read) ? read.right.map((event) => [event.revision, event.position]) : read).toEqual(onServer.map((event) => [event.revision, event.position]));
    expect(result).toEqual({ nextExpectedRevision: 2n, position: onServer.at(-1)?.position, written: 3 });
  });

  it('upcasts an old schema version written by another writer when reading it', async () => {
    const stream = `${uniquePrefix('upcast')}s`;
    await client.appendToStream(stream, rawEvent('ItemRemoved', { sku: 'legacy' }, { schemaVersion: 1 }));
    const read = await store.readStream(stream)();
    expect(E.isRight(read) ? read.right.map((event) => event.event) : read).toEqual([
      { type: 'ItemRemoved', data: { sku: 'legacy', reason: 'unspecified', removedAt: new Date('1970-01-01T00:00:00.000Z') } },
    ]);
  });

  it('refuses an event that does not decode, naming its stream, revision and field, in readStream, readAll and a subscription', async () => {
    const prefix = uniquePrefix('undecodable');
    const stream = `${prefix}s`;
    await append(stream, 'fine', 1);
    await client.appendToStream(stream, rawEvent('ItemAdded', { sku: 42, quantity: 1 }));
    const expected = { _tag: 'EventDecodeFailed', stream, revision: 1n, type: 'ItemAdded', path: 'data.sku' };
    expect(await store.readStream(stream)()).toMatchObject(E.left(expected));
    const pages = [];
    for await (const page of store.readAll({ streamPrefixes: [prefix] })) pages.push(page);
    // The event before it is still read, then the failure ends the iteration.
    expect(pages).toMatchObject([E.right([{ revision: 0n }]), E.left(expected)]);
    await closing(store.subscribeToAll({ streamPrefixes: [prefix] }), async (iterator) => {
      expect(await nextMessage(iterator)).toMatchObject({ _tag: 'Event', event: { revision: 0n } });
      expect(await nextMessage(iterator)).toMatchObject({ _tag: 'Dropped', error: expected });
      expect(await nextMessage(iterator)).toBe('ended');
    });
  });

  it('refuses metadata that is not the kernel\'s, and an event id that differs from the metadata\'s eventId', async () => {
    const stream = `${uniquePrefix('metadata')}s`;
    await client.appendToStream(stream, rawEvent('ItemAdded', { sku: 'a', quantity: 1 }, { recordedAt: 'yesterday' }));
    expect(await store.readStream(stream)()).toMatchObject(E.left({ _tag: 'EventDecodeFailed', stream, revision: 0n, path: 'metadata.recordedAt' }));
    const other = `${uniquePrefix('metadata')}s`;
    const mismatched = rawEvent('ItemAdded', { sku: 'a', quantity: 1 }, { eventId: deriveEventId('someone-else', 0) });
    await client.appendToStream(other, mismatched);
    expect(await store.readStream(other)()).toMatchObject(E.left({ _tag: 'EventDecodeFailed', stream: other, revision: 0n, path: 'metadata.eventId' }));
  });

  it('reads a hard-deleted stream as StreamDeleted and refuses appends to it; a soft-deleted one reads as StreamNotFound', async () => {
    const prefix = uniquePrefix('deleted');
    await append(`${prefix}hard`, 'h', 2);
    await client.tombstoneStream(`${prefix}hard`);
    expect(await store.readStream(`${prefix}hard`)()).toEqual(E.left({ _tag: 'StreamDeleted', stream: `${prefix}hard` }));
    const refused = await store.appendToStream(`${prefix}hard`, commandEvents(`late-${prefix}`, numberedItems('late', 0, 1)), 'any')();
    expect(refused).toEqual(E.left({ _tag: 'StreamDeleted', stream: `${prefix}hard` }));
    await append(`${prefix}soft`, 's', 2);
    await client.deleteStream(`${prefix}soft`);
    expect(await store.readStream(`${prefix}soft`)()).toEqual(E.left({ _tag: 'StreamNotFound', stream: `${prefix}soft` }));
  });

  it('reads as the in-memory store does at the edges: maxCount 0, forwards from the end, backwards from below 0', async () => {
    const stream = `${uniquePrefix('edges')}s`;
    await append(stream, 'e', 3);
    const revisions = async (options: Parameters<EventStore['readStream']>[1]) => {
      const read = await store.readStream(stream, options)();
      return E.isRight(read) ? read.right.map((event) => event.revision) : read.left._tag;
    };
    expect(await revisions({ maxCount: 0 })).toEqual([]);
    expect(await revisions({ fromRevision: 'end' })).toEqual([]);
    expect(await revisions({ direction: 'backwards', fromRevision: -1n })).toEqual([]);
    expect(await revisions({ fromRevision: -5n, maxCount: 2 })).toEqual([0n, 1n]);
    expect(await revisions({ direction: 'backwards', fromRevision: 99n, maxCount: 2 })).toEqual([2n, 1n]);
    expect(await store.readStream(`${stream}-missing`, { maxCount: 0 })()).toEqual(E.left({ _tag: 'StreamNotFound', stream: `${stream}-missing` }));
  });

  it('reports a conflict as WrongExpectedRevision with the actual revision also when the client does not throw on append failures', async () => {
    const lenient = openStore(conformanceRegistry, `${server.connectionString}&throwOnAppendFailure=false`);
    try {
      const stream = `${uniquePrefix('lenient')}s`;
      expect(E.isRight(await lenient.appendToStream(stream, commandEvents(`a-${stream}`, numberedItems('a', 0, 3)), 'no_stream')())).toBe(true);
      const conflict = await lenient.appendToStream(stream, commandEvents(`b-${stream}`, numberedItems('b', 0, 1)), 0n)();
      expect(conflict).toEqual(E.left({ _tag: 'WrongExpectedRevision', stream, expected: 0n, actual: 2n }));
      const missing = await lenient.appendToStream(`${stream}-missing`, commandEvents(`c-${stream}`, numberedItems('c', 0, 1)), 'stream_exists')();
      expect(missing).toEqual(E.left({ _tag: 'WrongExpectedRevision', stream: `${stream}-missing`, expected: 'stream_exists', actual: 'no_stream' }));
    } finally {
      await lenient.close();
    }
  });

  it('sends nothing once closed, whether opened from a connection string or over a given client', async () => {
    const own = EventStoreDBClient.connectionString(server.connectionString);
    const closable = openStore(conformanceRegistry, server.connectionString);
    const given = createEventStoreDbStore(conformanceRegistry, { client: own });
    if (E.isLeft(given)) throw new Error(given.left._tag);
    const stream = `${uniquePrefix('closed')}s`;
    expect(E.isRight(await given.right.appendToStream(stream, commandEvents(`c-${stream}`, numberedItems('c', 0, 1)), 'no_stream')())).toBe(true);
    await closable.close();
    await given.right.close();
    const calls = server.calls();
    expect(await closable.readStream(stream)()).toEqual(E.left({ _tag: 'StoreClosed', operation: `read stream '${stream}'` }));
    expect(await given.right.appendToStream(stream, commandEvents(`d-${stream}`, numberedItems('d', 0, 1)), 0n)()).toMatchObject(E.left({ _tag: 'StoreClosed' }));
    expect(server.calls()).toEqual(calls);
  });
});
