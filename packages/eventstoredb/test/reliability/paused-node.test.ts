/**
 * A node paused (it answers nothing, as one stopped by SIGSTOP) past the store's deadline, then
 * resumed: an append it holds has an unknown outcome, which the command settles by reading the
 * stream back or reports as unknown (never as not written); reads and a subscription's catch-up
 * fail as `StoreUnavailable` within the deadline instead of waiting for the connection's keepalive.
 * What the client side ends up reporting is checked against what the node holds. One server.
 */
import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { createBoroughCommand, domainEventRegistry, type DomainEvent } from '@borough-command/domain';
import { describeStoreError, type EventStore, type RecordedEvent } from '@borough-command/domain/eventsourcing';
import { startTestServer, type TestServer } from '@borough-command/eventstoredb/testing';
import { commandEvents, conformanceRegistry, numberedItems, type ConformanceEvent } from '@borough-command/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appendThroughOutage, closing, nextMessage, readAllOnce, uniquePrefix } from '../support/messages.js';
import { openStore } from '../support/open-store.js';
import { eventually } from '../support/waiting.js';

/** The store's deadline in these tests: short, so a pause outlasts it quickly. */
const DEADLINE_MS = 300;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterEach(() => {
  server.resume();
  server.setDelay(0);
});

afterAll(async () => {
  await server.stop();
});

/** A command opening an appointment process of its own. */
const openingCommand = () => {
  const processId = `paused-${randomUUID()}`;
  return {
    stream: `appointment-${processId}`,
    json: { type: 'OpenAppointmentProcess', commandId: `open-${processId}`, processId, at: '2015-05-01', unit: { kind: 'borough', name: 'Lambeth' }, role: 'borough-commander', areaCommander: 'Area Commander Reed' },
  };
};

/** What the client side reports of a command: applied (and whether already), or the error's tag and sentence. */
const execute = async (store: EventStore<DomainEvent>, json: Readonly<Record<string, unknown>>) => {
  const result = await createBoroughCommand({ store }).executeJson(json, { actor: 'paused-node' })();
  if (E.isRight(result)) return { ok: true as const, alreadyApplied: result.right.handled[0]?.result.alreadyApplied };
  const error = result.left;
  return { ok: false as const, tag: error._tag, message: error._tag === 'AppendOutcomeUnknown' ? describeStoreError(error) : '' };
};

/** How many events the node holds in a stream: the truth the client's report is held to. */
const heldByNode = (stream: string): number => server.events().filter((event) => event.streamName === stream).length;

/**
 * Starts the command and pauses the node as its append arrives: every call is slowed a little so
 * the append is counted before it is served, and the pause holds it.
 */
const runWithAppendHeld = async (store: EventStore<DomainEvent>, json: Readonly<Record<string, unknown>>) => {
  const appends = server.calls().append;
  server.setDelay(50);
  const running = execute(store, json);
  await server.whenCalls((calls) => calls.append > appends);
  server.pause();
  server.setDelay(0);
  return running;
};

describe('eventstoredb: a node paused past the append deadline, then resumed', () => {
  it('eventstoredb: the command answers unknown (run it again), not "not written", in bounded time; the node commits the append on resume and the same command then finds it applied: one copy', async () => {
    const store = openStore(domainEventRegistry, server.connectionString, { deadlineMs: DEADLINE_MS });
    try {
      const command = openingCommand();
      const started = Date.now();
      const outcome = await runWithAppendHeld(store, command.json);
      const elapsed = Date.now() - started;

      // The append's deadline passed, then the read-back's: the command cannot tell, and says so.
      expect(outcome).toMatchObject({ ok: false, tag: 'AppendOutcomeUnknown' });
      expect(outcome.ok ? '' : outcome.message).toMatch(new RegExp(`append to stream '${command.stream}' .* run the same command again`));
      expect(elapsed).toBeGreaterThanOrEqual(2 * DEADLINE_MS);
      expect(elapsed).toBeLessThan(5_000);
      expect(heldByNode(command.stream)).toBe(0);

      server.resume();
      // The node had the whole request: it commits it although the client stopped waiting.
      await eventually(() => heldByNode(command.stream) > 0);
      expect(heldByNode(command.stream)).toBe(1);

      // Run again, as the message said: the command is found applied, nothing is written twice.
      expect(await execute(store, command.json)).toEqual({ ok: true, alreadyApplied: true });
      expect(heldByNode(command.stream)).toBe(1);
      console.log(`paused node: deadline ${String(DEADLINE_MS)} ms, answered AppendOutcomeUnknown after ${String(elapsed)} ms; held by the node after resume 1, after the run again 1`);
    } finally {
      await store.close();
    }
  });

  it('eventstoredb: a node resumed while the command reads the stream back: the command answers applied, as the node holds it; one copy', async () => {
    const store = openStore(domainEventRegistry, server.connectionString, { deadlineMs: DEADLINE_MS });
    try {
      const command = openingCommand();
      const appends = server.calls().append;
      server.setDelay(50);
      const running = execute(store, command.json);
      await server.whenCalls((calls) => calls.append > appends);
      server.pause();
      server.setDelay(0);
      // The append's deadline passes; the handler's read-back reaches the paused node and is held; the node resumes.
      const reads = server.calls().read;
      await server.whenCalls((calls) => calls.read > reads);
      server.resume();

      expect(await running).toEqual({ ok: true, alreadyApplied: false });
      expect(heldByNode(command.stream)).toBe(1);
      expect(server.calls().append).toBe(appends + 1);
    } finally {
      await store.close();
    }
  });

  it('eventstoredb: a paused node that drops the held append and the read-back: the command answers unknown, not "not written"; the same command run again writes one copy', async () => {
    const store = openStore(domainEventRegistry, server.connectionString, { deadlineMs: DEADLINE_MS });
    try {
      const command = openingCommand();
      const appends = server.calls().append;
      server.setDelay(50);
      const running = execute(store, command.json);
      await server.whenCalls((calls) => calls.append > appends);
      server.pause();
      server.setDelay(0);
      // Past the append's deadline the read-back arrives and is held too; then both calls are dropped.
      const reads = server.calls().read;
      await server.whenCalls((calls) => calls.read > reads);
      server.dropConnections();
      server.resume();

      expect(await running).toMatchObject({ ok: false, tag: 'AppendOutcomeUnknown' });
      expect(heldByNode(command.stream)).toBe(0);
      let again = await execute(store, command.json);
      // The first call after the drop may still meet the old connection; the client then reconnects.
      for (let attempt = 0; !again.ok && attempt < 20; attempt++) again = await execute(store, command.json);
      expect(again).toEqual({ ok: true, alreadyApplied: false });
      expect(heldByNode(command.stream)).toBe(1);
    } finally {
      await store.close();
    }
  });
});

describe('eventstoredb: reads of a paused node', () => {
  it('eventstoredb: readStream, readAll and a subscription catch-up each fail as StoreUnavailable within the deadline, write nothing, and read again after resume', async () => {
    const store = openStore(conformanceRegistry, server.connectionString, { deadlineMs: DEADLINE_MS, resubscribe: { maxAttempts: 0 } });
    try {
      const prefix = uniquePrefix('paused-read');
      const stream = `${prefix}s`;
      await appendThroughOutage(store, stream, commandEvents(`seed-${prefix}`, numberedItems('seed', 0, 2)), 'no_stream');
      const writes = server.calls().writes;
      server.pause();

      const timed = async <A>(read: () => Promise<A>): Promise<{ readonly value: A; readonly ms: number }> => {
        const started = Date.now();
        const value = await read();
        return { value, ms: Date.now() - started };
      };
      const single = await timed(() => store.readStream(stream)());
      expect(single.value).toMatchObject(E.left({ _tag: 'StoreUnavailable', retryable: true, operation: `read stream '${stream}'` }));
      expect(E.isLeft(single.value) ? describeStoreError(single.value.left) : '').toContain(`sent nothing for ${String(DEADLINE_MS)} ms`);

      const all = await timed(async () => {
        for await (const page of store.readAll({ streamPrefixes: [prefix] })) if (E.isLeft(page)) return page.left;
        return undefined;
      });
      expect(all.value).toMatchObject({ _tag: 'StoreUnavailable', operation: 'read all' });

      const caughtUp = await timed(() => closing(store.subscribeToAll({ streamPrefixes: [prefix] }), (iterator) => nextMessage(iterator)));
      expect(caughtUp.value).toMatchObject({ _tag: 'Dropped', error: { _tag: 'StoreUnavailable', operation: 'subscription' } });

      console.log(`paused node reads: deadline ${String(DEADLINE_MS)} ms, readStream ${String(single.ms)} ms, readAll ${String(all.ms)} ms, subscription catch-up ${String(caughtUp.ms)} ms`);
      for (const { ms } of [single, all, caughtUp]) {
        expect(ms).toBeGreaterThanOrEqual(DEADLINE_MS - 20);
        expect(ms).toBeLessThan(DEADLINE_MS + 2_000);
      }
      expect(server.calls().writes).toBe(writes);

      server.resume();
      const again = await store.readStream(stream)();
      expect(E.isRight(again) && again.right.length).toBe(2);
    } finally {
      await store.close();
    }
  });
});

describe('eventstoredb: a readAll held open', () => {
  it('eventstoredb: a reader slower than the deadline between pages is not cut off; a node stopped in the middle of the read fails it as StoreUnavailable, and it resumes after the last event delivered', async () => {
    const store = openStore(conformanceRegistry, server.connectionString, { deadlineMs: DEADLINE_MS, readBatchSize: 2 });
    try {
      const prefix = uniquePrefix('held-read');
      const ids: string[] = [];
      // More than the transport holds at once, so the node is still sending after the first pages.
      for (let from = 0; from < 2_000; from += 50) {
        const events = commandEvents(`seed-${prefix}${String(from)}`, numberedItems(`seed-${String(from)}`, from, 50));
        await appendThroughOutage(store, `${prefix}${String(from % 200)}`, events, 'any');
        ids.push(...events.map((event) => event.metadata.eventId));
      }

      const idsOf = (events: readonly RecordedEvent<ConformanceEvent>[]): readonly string[] => events.map((event) => event.metadata.eventId);
      const slow = await readAllOnce(store, prefix, undefined, async (pages) => {
        if (pages === 2) await new Promise((resolve) => setTimeout(resolve, 2 * DEADLINE_MS));
      });
      expect(slow.error).toBeUndefined();
      expect(idsOf(slow.events)).toEqual(ids);

      const reads = server.calls().read;
      const stopped = await readAllOnce(store, prefix, undefined, (pages) => {
        if (pages === 2) server.pause();
      });
      expect(server.calls().read).toBe(reads + 1);
      expect(stopped.error).toMatchObject({ _tag: 'StoreUnavailable', retryable: true, operation: 'read all' });
      expect(stopped.events.length).toBeLessThan(ids.length);
      server.resume();
      const rest = await readAllOnce(store, prefix, stopped.events.at(-1)?.position);
      expect(rest.error).toBeUndefined();
      expect(idsOf([...stopped.events, ...rest.events])).toEqual(ids);
    } finally {
      await store.close();
    }
  });
});
