/**
 * The global order under concurrent transactions (ADR 7): an append that takes its positions while
 * another transaction holding earlier positions is still open waits for it, so positions commit in
 * order and a live subscription never skips an event committed late. Two real connections: A runs
 * the store's own append statements in a transaction the test holds open, B is a store append.
 */
import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import { defaultStoreLimits, encodeAppend, type AppendResult, type EventStore, type RecordedEvent } from '@borough-command/domain/eventsourcing';
import {
  commandEvents,
  conformanceRegistry,
  freshCommandId,
  isCaughtUp,
  numberedItems,
  readSubscription,
  type ConformanceEvent,
} from '@borough-command/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeAppend } from '../src/append/write-append.js';
import { schemaName, type SchemaName } from '../src/schema/schema-name.js';
import { freshSchema, postgresUrl } from './support/fresh-schema.js';
import { openStore } from './support/open-store.js';

let schema: SchemaName;
let pool: pg.Pool;
const stores: EventStore<ConformanceEvent>[] = [];

beforeAll(async () => {
  const name = await freshSchema('order');
  const checked = schemaName(name);
  if (E.isLeft(checked)) throw new Error(checked.left);
  schema = checked.right;
  pool = new pg.Pool({ connectionString: postgresUrl() });
});

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

afterAll(async () => {
  await pool.end();
});

const store = (): EventStore<ConformanceEvent> => {
  const opened = openStore(schema.name);
  stores.push(opened);
  return opened;
};

/** The events of a fresh command, as the store would encode them for `stream` from revision 0. */
const encoded = (stream: string, count: number) => {
  const events = commandEvents(freshCommandId('held'), numberedItems('held', 0, count));
  const result = encodeAppend(conformanceRegistry, defaultStoreLimits, stream, 0n, events);
  if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
  return result.right;
};

/** Waits until some session of the server waits for a lock on the log head: an append queued behind A. */
const appendWaitingForTheHead = async (): Promise<void> => {
  for (let tries = 0; tries < 400; tries++) {
    const waiting = await pool.query<{ count: string }>(
      `SELECT count(*) AS count FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%log_head%' AND datname = current_database()`,
    );
    if (waiting.rows[0]?.count !== '0') return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('no append ever waited for the log head');
};

/** A transaction held open on its own connection, that has run the store's append statements. */
const holdAppend = async (stream: string, count: number): Promise<{ readonly result: AppendResult; readonly commit: () => Promise<void>; readonly rollback: () => Promise<void> }> => {
  const client = await pool.connect();
  await client.query('BEGIN');
  const written = await writeAppend(client, schema, stream, encoded(stream, count), 'no_stream');
  if (E.isLeft(written)) throw new Error(JSON.stringify(written.left));
  const end = (statement: string) => async () => {
    await client.query(statement);
    client.release();
  };
  return { result: written.right, commit: end('COMMIT'), rollback: end('ROLLBACK') };
};

const prefix = (): string => `order-${freshCommandId('t').slice(2, 14)}-`;

describe('the global order: positions commit in order', () => {
  it('a live subscriber sees an event committed late by a slower transaction, before the one that had to wait for it', async () => {
    const subscriber = store();
    const writer = store();
    const p = prefix();
    const reader = readSubscription(subscriber.subscribeToAll({ streamPrefixes: [p] }), 10_000, 'no event committed late is skipped');
    try {
      await reader.until(isCaughtUp, 'CaughtUp on an empty log');
      const a = await holdAppend(`${p}a`, 2);
      let bDone = false;
      const b = writer.appendToStream(`${p}b`, commandEvents(freshCommandId('b'), numberedItems('b', 0, 1)), 'no_stream')().then((result) => {
        bDone = true;
        return result;
      });
      await appendWaitingForTheHead();
      expect(bDone).toBe(false);
      // While A is open, neither A's nor B's events can be read.
      const during = [];
      for await (const page of subscriber.readAll({ streamPrefixes: [p] })) during.push(page);
      expect(during).toEqual([]);
      await a.commit();
      const bResult = await b;
      expect(E.isRight(bResult)).toBe(true);
      const bPosition = E.isRight(bResult) ? bResult.right.position : -1n;
      expect(bPosition).toBe(a.result.position + 1n);
      const delivered = (await reader.until((m) => m._tag === 'Event' && m.event.stream === `${p}b`, "B's event"))
        .flatMap((m) => (m._tag === 'Event' ? [m.event] : []));
      expect(delivered.map((e) => [e.stream, e.position])).toEqual([
        [`${p}a`, a.result.position - 1n],
        [`${p}a`, a.result.position],
        [`${p}b`, bPosition],
      ]);
    } finally {
      await reader.close();
    }
  });

  it('a rolled-back append leaves no hole: the append that waited takes its positions', async () => {
    const subscriber = store();
    const writer = store();
    const p = prefix();
    const reader = readSubscription(subscriber.subscribeToAll({ streamPrefixes: [p] }), 10_000, 'a rolled-back append leaves no hole');
    try {
      await reader.until(isCaughtUp, 'CaughtUp');
      const a = await holdAppend(`${p}a`, 3);
      const b = writer.appendToStream(`${p}b`, commandEvents(freshCommandId('b'), numberedItems('b', 0, 2)), 'no_stream')();
      await appendWaitingForTheHead();
      await a.rollback();
      const bResult = await b;
      expect(E.isRight(bResult) && bResult.right.position).toBe(a.result.position - 1n);
      const delivered = (await reader.until((m) => m._tag === 'Event' && m.event.position === a.result.position - 1n, "B's last event"))
        .flatMap((m) => (m._tag === 'Event' ? [m.event] : []));
      expect(delivered.map((e) => [e.stream, e.position])).toEqual([
        [`${p}b`, a.result.position - 2n],
        [`${p}b`, a.result.position - 1n],
      ]);
      expect(E.isLeft(await subscriber.readStream(`${p}a`)())).toBe(true);
    } finally {
      await reader.close();
    }
  });

  it('writers racing on separate connections: a live subscriber gets the whole log, in order, dense, each event once', async () => {
    const p = prefix();
    const subscriber = store();
    const reader = readSubscription(subscriber.subscribeToAll({ streamPrefixes: [p] }), 20_000, 'racing writers: nothing skipped');
    try {
      await reader.until(isCaughtUp, 'CaughtUp');
      const writers = Array.from({ length: 6 }, () => store());
      const appends = writers.map(async (writer, w) => {
        for (let i = 0; i < 25; i++) {
          const result = await writer.appendToStream(`${p}w${String(w)}-${String(i % 3)}`, commandEvents(freshCommandId('race'), numberedItems('race', i, 1 + (i % 3))), 'any')();
          if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
        }
      });
      await Promise.all(appends);
      const log: RecordedEvent<ConformanceEvent>[] = [];
      for await (const page of subscriber.readAll({ streamPrefixes: [p] })) if (E.isRight(page)) log.push(...page.right);
      const perWriter = Array.from({ length: 25 }, (_, i) => 1 + (i % 3)).reduce((a, b) => a + b, 0);
      expect(log).toHaveLength(6 * perWriter);
      const last = log[log.length - 1]?.metadata.eventId;
      const delivered = (await reader.until((m) => m._tag === 'Event' && m.event.metadata.eventId === last, 'the last event of the log'))
        .flatMap((m) => (m._tag === 'Event' ? [m.event] : []));
      expect(delivered.map((e) => e.metadata.eventId)).toEqual(log.map((e) => e.metadata.eventId));
      // Only this test writes to its schema while it runs: its positions are dense.
      for (let i = 1; i < delivered.length; i++) expect(delivered[i]!.position).toBe(delivered[i - 1]!.position + 1n);
    } finally {
      await reader.close();
    }
  });
});
