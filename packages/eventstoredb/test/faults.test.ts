/**
 * The adapter under faults of the test server (real client, real gRPC): appends during outages
 * are retryable `StoreUnavailable` and a retried command writes one copy; a subscription survives
 * dropped connections and a restart without gap or duplicate, and gives up with `Dropped` when
 * the node stays away. One test server for this file; the tests run one after another.
 */
import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { createBoroughCommand, domainEventRegistry, type DomainEvent } from '@borough-command/domain';
import { startTestServer, type TestServer } from '@borough-command/eventstoredb/testing';
import { commandEvents, conformanceRegistry, numberedItems, type ConformanceEvent } from '@borough-command/testing';
import type { CodecRegistry, EventShape, EventStore } from '@borough-command/domain/eventsourcing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventStoreDbStore, type AppendMethod } from '../src/index.js';
import { connectionUnderTest } from './support/client-under-test.js';
import { openStore } from './support/open-store.js';
import { appendThroughOutage, closing, eventIds, messagesUntil, nextMessage, uniquePrefix } from './support/messages.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.stop();
});

/** A command opening an appointment process of its own, with a fixed command id. */
const openingCommand = () => {
  const processId = `faults-${randomUUID()}`;
  return {
    stream: `appointment-${processId}`,
    commandId: `open-${processId}`,
    json: { type: 'OpenAppointmentProcess', commandId: `open-${processId}`, processId, at: '2015-05-01', unit: { kind: 'borough', name: 'Lambeth' }, role: 'borough-commander', areaCommander: 'Area Commander Reed' },
  };
};

/** How many events of this command the stream holds. */
const copiesOf = async (store: EventStore<DomainEvent>, stream: string, commandId: string): Promise<number> => {
  const read = await store.readStream(stream)();
  if (E.isLeft(read)) return read.left._tag === 'StreamNotFound' ? 0 : Number.NaN;
  return read.right.filter((event) => event.metadata.commandId === commandId).length;
};

/** Executes a command and returns its error tag and retryability, or `ok` with whether it was already applied. */
const execute = async (store: EventStore<DomainEvent>, json: Readonly<Record<string, unknown>>) => {
  const result = await createBoroughCommand({ store }).executeJson(json, { actor: 'faults' })();
  if (E.isRight(result)) return { ok: true, alreadyApplied: result.right.handled[0]?.result.alreadyApplied };
  return { ok: false, tag: result.left._tag, retryable: 'retryable' in result.left ? result.left.retryable : false };
};

/**
 * A store over the test server whose connection runs `onAppend` as the first append to `stream` is
 * sent, after the command's and the adapter's reads.
 */
const storeHookingFirstAppend = <Ev extends EventShape>(registry: CodecRegistry<Ev>, appendMethod: AppendMethod, stream: string, onAppend: () => void): EventStore<Ev> => {
  const connection = connectionUnderTest(server.connectionString, { appendMethod });
  let hooked = false;
  const opened = createEventStoreDbStore(registry, {
    connection: {
      ...connection,
      append: (target, events, expected) => () => {
        if (target === stream && !hooked) {
          hooked = true;
          onAppend();
        }
        return connection.append(target, events, expected)();
      },
    },
  });
  if (E.isLeft(opened)) throw new Error(opened.left._tag);
  return opened.right;
};

const fastResubscribe = { maxAttempts: 40, initialDelayMs: 5, maxDelayMs: 100 };

describe('eventstoredb appends during an outage', () => {
  it('eventstoredb: an append while the node refuses calls is a retryable StoreUnavailable, and the retried command writes exactly one copy', async () => {
    const store = openStore(domainEventRegistry, server.connectionString);
    try {
      const command = openingCommand();
      server.refuseNextCalls(1);
      expect(await execute(store, command.json)).toEqual({ ok: false, tag: 'StoreUnavailable', retryable: true });
      expect(await copiesOf(store, command.stream, command.commandId)).toBe(0);
      expect(await execute(store, command.json)).toEqual({ ok: true, alreadyApplied: false });
      expect(await execute(store, command.json)).toEqual({ ok: true, alreadyApplied: true });
      expect(await copiesOf(store, command.stream, command.commandId)).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('eventstoredb: a batch-append whose features request is refused (a raw gRPC status 14) is a retryable StoreUnavailable, and the retry writes one copy', async () => {
    // A new store has a new client: with batch-append, its first append asks for the server's
    // features first (the default, Streams.Append, asks for none).
    const command = openingCommand();
    // The command's reads are done when the adapter sends its append: the next call is the features request.
    const store = storeHookingFirstAppend(domainEventRegistry, 'batch-append', command.stream, () => {
      server.refuseNextCalls(1);
    });
    try {
      const before = server.calls();
      const attempt = execute(store, command.json);
      expect(await attempt).toEqual({ ok: false, tag: 'StoreUnavailable', retryable: true });
      // The features request was asked (and refused) and no write reached the node.
      expect(server.calls().serverFeatures).toBeGreaterThan(before.serverFeatures);
      expect(server.calls().writes).toBe(before.writes);
      expect(await execute(store, command.json)).toEqual({ ok: true, alreadyApplied: false });
      expect(await copiesOf(store, command.stream, command.commandId)).toBe(1);
    } finally {
      await store.close();
    }
  });

  it.each([
    { method: 'append' as const, call: 'append' as const },
    { method: 'batch-append' as const, call: 'batchAppend' as const },
  ])('eventstoredb: an append ($method) cut off by dropped connections is a retryable StoreUnavailable, and the retried command writes exactly one copy', async ({ method, call }) => {
    const command = openingCommand();
    // The command's append is held by the node once it is sent.
    const store = storeHookingFirstAppend(domainEventRegistry, method, command.stream, () => {
      server.setDelay(60_000);
    });
    try {
      // Warm up: the client learns the server's features on its first append.
      expect((await execute(store, openingCommand().json)).ok).toBe(true);
      const before = server.calls();
      const attempt = execute(store, command.json);
      await server.whenCalls((calls) => calls[call] === before[call] + 1);
      server.dropConnections();
      server.setDelay(0);
      expect(await attempt).toEqual({ ok: false, tag: 'StoreUnavailable', retryable: true });
      expect(await copiesOf(store, command.stream, command.commandId)).toBe(0);
      expect(await execute(store, command.json)).toEqual({ ok: true, alreadyApplied: false });
      expect(await execute(store, command.json)).toEqual({ ok: true, alreadyApplied: true });
      expect(await copiesOf(store, command.stream, command.commandId)).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('eventstoredb: an append while the node is stopped is a retryable StoreUnavailable, and after the restart the retried command writes one copy', async () => {
    const store = openStore(domainEventRegistry, server.connectionString);
    try {
      const command = openingCommand();
      await server.stop();
      expect(await execute(store, command.json)).toEqual({ ok: false, tag: 'StoreUnavailable', retryable: true });
      await server.restart();
      let retried = await execute(store, command.json);
      // The first call after a restart may still meet the old connection; the client then reconnects.
      for (let attempt = 0; !retried.ok && attempt < 20; attempt++) retried = await execute(store, command.json);
      expect(retried).toEqual({ ok: true, alreadyApplied: false });
      expect(await copiesOf(store, command.stream, command.commandId)).toBe(1);
    } finally {
      await store.close();
    }
  });
});

describe('eventstoredb subscriptions across dropped connections', () => {
  const write = (store: EventStore<ConformanceEvent>, stream: string, label: string, count: number) =>
    appendThroughOutage(store, stream, commandEvents(`${label}-${randomUUID()}`, numberedItems(label, 0, count)), 'any');

  it('eventstoredb: a subscription survives dropConnections (in its history and live) and a restart, without gap or duplicate', async () => {
    // The history is read in one call held open, two events at a time: with more history than the
    // transport and the subscription's mailbox hold, the node is still sending it when the first
    // message arrives, and the drop lands in the middle of the read.
    const store = openStore(conformanceRegistry, server.connectionString, { readBatchSize: 2, resubscribe: fastResubscribe });
    const prefix = uniquePrefix('survives');
    try {
      for (let i = 0; i < 20; i++) await write(store, `${prefix}${String(i % 3)}`, `history-${String(i)}`, 50);
      const subscribedBefore = server.calls().subscribe;
      const readsBefore = server.calls().read;
      const delivered = await closing(store.subscribeToAll({ streamPrefixes: [prefix] }), async (iterator) => {
        const messages = [await nextMessage(iterator)];
        server.dropConnections();
        messages.push(...(await messagesUntil(iterator, (message) => message._tag === 'CaughtUp')));
        for (const round of ['after-drop', 'after-restart'] as const) {
          await write(store, `${prefix}live`, `${round}-before`, 3);
          if (round === 'after-drop') server.dropConnections();
          else await server.restart();
          await write(store, `${prefix}live`, `${round}-during`, 2);
          await write(store, `${prefix}other`, `${round}-after`, 2);
        }
        const sentinel = await write(store, `${prefix}sentinel`, 'sentinel', 1);
        messages.push(...(await messagesUntil(iterator, (message) => message._tag === 'Event' && message.event.position === sentinel.position)));
        return messages;
      });
      const log: string[] = [];
      for await (const page of store.readAll({ streamPrefixes: [prefix] })) {
        if (E.isLeft(page)) throw new Error(page.left._tag);
        log.push(...page.right.map((event) => event.metadata.eventId));
      }
      expect(log).toHaveLength(1_000 + 2 * 7 + 1);
      expect(eventIds(delivered.filter((message) => message !== 'ended'))).toEqual(log);
      expect(delivered.filter((message) => message !== 'ended' && message._tag === 'CaughtUp')).toHaveLength(1);
      // The history read was dropped and read again from where it stopped, and the live
      // subscription came back after the drop and after the restart.
      expect(server.calls().read).toBeGreaterThanOrEqual(readsBefore + 2);
      expect(server.calls().subscribe).toBeGreaterThanOrEqual(subscribedBefore + 3);
    } finally {
      await store.close();
    }
  });

  it('eventstoredb: a subscription whose node stays away gives up after its attempts with Dropped(StoreUnavailable), then ends', async () => {
    const store = openStore(conformanceRegistry, server.connectionString, { resubscribe: { maxAttempts: 3, initialDelayMs: 5, maxDelayMs: 20 } });
    const prefix = uniquePrefix('gives-up');
    try {
      await write(store, `${prefix}s`, 'e', 1);
      await closing(store.subscribeToAll({ streamPrefixes: [prefix] }), async (iterator) => {
        await messagesUntil(iterator, (message) => message._tag === 'CaughtUp');
        await server.stop();
        const dropped = await nextMessage(iterator);
        expect(dropped).toMatchObject({ _tag: 'Dropped', error: { _tag: 'StoreUnavailable', retryable: true, operation: 'subscription' } });
        expect(dropped !== 'ended' && dropped._tag === 'Dropped' && dropped.error._tag === 'StoreUnavailable' ? dropped.error.reason : '').toMatch(/gave up after 3 attempts/);
        expect(await nextMessage(iterator)).toBe('ended');
      });
    } finally {
      await server.restart();
      await store.close();
    }
  });
});
