/**
 * A server without event-id de-duplication (the test server with `deduplicateEventIds: false`):
 * EventStoreDB takes an append of events it already holds as already written; such a server writes
 * them again (`any`) or refuses them (a revision passed). What must not depend on it does not: the
 * store's answer to a repeat at its revision, settling a batch by its event ids before copying it,
 * and a command whose append was held past its deadline and committed later.
 */
import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { EventStoreDBClient, jsonEvent, NO_STREAM } from '@eventstore/db-client';
import { createBoroughCommand, domainEventRegistry, type DomainEvent } from '@borough-command/domain';
import { type EventStore, settleAppendByEventIds } from '@borough-command/domain/eventsourcing';
import { startTestServer, type TestServer } from '@borough-command/eventstoredb/testing';
import { commandEvents, conformanceRegistry, numberedItems } from '@borough-command/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../support/open-store.js';
import { eventually } from '../support/waiting.js';

let plain: TestServer;
let deduplicating: TestServer;

beforeAll(async () => {
  plain = await startTestServer({ deduplicateEventIds: false });
  deduplicating = await startTestServer();
});

afterAll(async () => {
  await Promise.all([plain.stop(), deduplicating.stop()]);
});

const copiesIn = (server: TestServer, stream: string): number => server.events().filter((event) => event.streamName === stream).length;

describe('a test server without event-id de-duplication', () => {
  it('writes a repeated append with expected revision any a second time, and refuses a repeat at a revision passed; the de-duplicating server takes both as already written', async () => {
    const outcomes: Record<string, unknown> = {};
    for (const [name, server] of [['plain', plain], ['deduplicating', deduplicating]] as const) {
      const client = EventStoreDBClient.connectionString(server.connectionString);
      try {
        const stream = `repeat-${randomUUID()}`;
        const event = jsonEvent({ id: randomUUID(), type: 'Numbered', data: { n: 1 } });
        await client.appendToStream(stream, [event], { expectedRevision: NO_STREAM });
        const atRevision = await client.appendToStream(stream, [event], { expectedRevision: NO_STREAM }).then(
          () => 'written',
          (error: unknown) => (error instanceof Error ? error.constructor.name : 'error'),
        );
        await client.appendToStream(stream, [event], { expectedRevision: 'any' });
        outcomes[name] = { atRevision, copies: copiesIn(server, stream) };
      } finally {
        await client.dispose();
      }
    }
    expect(outcomes).toEqual({ plain: { atRevision: 'WrongExpectedVersionError', copies: 2 }, deduplicating: { atRevision: 'written', copies: 1 } });
  });
});

describe('eventstoredb over a server without event-id de-duplication', () => {
  it.each([
    { name: 'without de-duplication', server: () => plain },
    { name: 'with de-duplication', server: () => deduplicating },
  ])('the store answers a repeat of an append at its revision as already written (written 0), one copy, on a server $name', async ({ server }) => {
    const store = openStore(conformanceRegistry, server().connectionString);
    try {
      const stream = `basket-${randomUUID()}`;
      const events = commandEvents(`fill-${stream}`, numberedItems('tea', 0, 3));
      const first = await store.appendToStream(stream, events, 'no_stream')();
      const again = await store.appendToStream(stream, events, 'no_stream')();
      expect(E.isRight(first) && first.right.written).toBe(3);
      expect(again).toEqual(E.right({ nextExpectedRevision: 2n, position: E.isRight(first) ? first.right.position : -1n, written: 0 }));
      expect(copiesIn(server(), stream)).toBe(3);
      // Other events at that place are still a conflict.
      const other = await store.appendToStream(stream, commandEvents(`other-${stream}`, numberedItems('jam', 0, 3)), 'no_stream')();
      expect(E.isLeft(other) && other.left._tag).toBe('WrongExpectedRevision');
    } finally {
      await store.close();
    }
  });

  it('a batch settled by its event ids before it is appended with expected revision any is copied once, where appending it twice would write it twice', async () => {
    const store = openStore(conformanceRegistry, plain.connectionString);
    try {
      const stream = `import-${randomUUID()}`;
      const batch = commandEvents(`batch-${stream}`, numberedItems('tea', 0, 2));
      const ids = batch.map((event) => event.metadata.eventId);
      const settlements: string[] = [];
      for (let copy = 0; copy < 2; copy++) {
        const settled = await settleAppendByEventIds(store, stream, 'any', ids);
        settlements.push(settled._tag);
        if (settled._tag === 'Absent') {
          const appended = await store.appendToStream(stream, batch, 'any')();
          expect(E.isRight(appended)).toBe(true);
        }
      }
      expect(settlements).toEqual(['Absent', 'Written']);
      expect(copiesIn(plain, stream)).toBe(2);
      // Without the settling, the server writes the same batch a second time.
      expect(E.isRight(await store.appendToStream(stream, batch, 'any')())).toBe(true);
      expect(copiesIn(plain, stream)).toBe(4);
    } finally {
      await store.close();
    }
  });

  it('a command whose append the paused server commits after its deadline answers unknown, then already applied when run again: one copy', async () => {
    const store: EventStore<DomainEvent> = openStore(domainEventRegistry, plain.connectionString, { deadlineMs: 300 });
    const execute = async (json: Readonly<Record<string, unknown>>) => {
      const result = await createBoroughCommand({ store }).executeJson(json, { actor: 'no-dedup' })();
      return E.isRight(result) ? { ok: true, alreadyApplied: result.right.handled[0]?.result.alreadyApplied } : { ok: false, tag: result.left._tag };
    };
    try {
      const processId = `no-dedup-${randomUUID()}`;
      const stream = `appointment-${processId}`;
      const json = { type: 'OpenAppointmentProcess', commandId: `open-${processId}`, processId, at: '2015-05-01', unit: { kind: 'borough', name: 'Lambeth' }, role: 'borough-commander', areaCommander: 'Area Commander Reed' };
      const appends = plain.calls().append;
      plain.setDelay(50);
      const running = execute(json);
      await plain.whenCalls((calls) => calls.append > appends);
      plain.pause();
      plain.setDelay(0);
      expect(await running).toEqual({ ok: false, tag: 'AppendOutcomeUnknown' });
      plain.resume();
      await eventually(() => copiesIn(plain, stream) > 0);
      expect(await execute(json)).toEqual({ ok: true, alreadyApplied: true });
      expect(copiesIn(plain, stream)).toBe(1);
    } finally {
      plain.resume();
      plain.setDelay(0);
      await store.close();
    }
  });
});
