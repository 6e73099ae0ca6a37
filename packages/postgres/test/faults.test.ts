/**
 * Faults of a real PostgreSQL server: stopped and started again in the middle of appends, reads
 * and a live subscription, and a commit whose answer is lost. This file starts a server of its own
 * (the run's shared one is never stopped), and migrates one schema on it.
 */
import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import { isRetryable, type EventStore, type NewEvent, type StoreError } from '@borough-command/domain/eventsourcing';
import { commandEvents, freshCommandId, isCaughtUp, numberedItems, readSubscription, type ConformanceEvent } from '@borough-command/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { migratePostgresSchema, type PostgresStoreOptions } from '../src/index.js';
import { startPostgresServer, type PostgresServer } from '@borough-command/postgres/testing';
import { openStore } from './support/open-store.js';

const SCHEMA = 'faults';
let server: PostgresServer;
const stores: EventStore<ConformanceEvent>[] = [];

beforeAll(async () => {
  server = await startPostgresServer();
  const migrated = await migratePostgresSchema({ connectionString: server.connectionString }, { schema: SCHEMA })();
  if (E.isLeft(migrated)) throw new Error(JSON.stringify(migrated.left));
}, 60_000);

afterEach(async () => {
  await server.start();
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

afterAll(async () => {
  await server.remove();
});

/** Quick to notice the server is back: short waits, many attempts. */
const patient: PostgresStoreOptions = {
  connectionTimeoutMs: 2_000,
  pollIntervalMs: 200,
  resubscribe: { maxAttempts: 60, initialDelayMs: 50, maxDelayMs: 500 },
};

const store = (options: PostgresStoreOptions = patient): EventStore<ConformanceEvent> => {
  const opened = openStore(SCHEMA, options, server.connectionString);
  stores.push(opened);
  return opened;
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const until = async (condition: () => boolean, what: string): Promise<void> => {
  for (let tries = 0; tries < 1_200; tries++) {
    if (condition()) return;
    await sleep(25);
  }
  throw new Error(`gave up waiting for ${what}`);
};

/**
 * Appends one command's events, running the same command again (same event ids) after each
 * retryable failure, as a caller does; a failure that is not retryable fails the test.
 */
const appendUntilWritten = async (target: EventStore<ConformanceEvent>, stream: string, events: readonly NewEvent<ConformanceEvent>[], failures: StoreError[]): Promise<void> => {
  for (;;) {
    const result = await target.appendToStream(stream, events, 'any')();
    if (E.isRight(result)) return;
    if (!isRetryable(result.left)) throw new Error(`a failure that is not retryable: ${JSON.stringify(result.left)}`);
    failures.push(result.left);
    await sleep(50);
  }
};

const commandsOf = (label: string, count: number): readonly (readonly NewEvent<ConformanceEvent>[])[] =>
  Array.from({ length: count }, (_, i) => commandEvents(freshCommandId(label), numberedItems(label, i * 2, 2)));

const ids = (commands: readonly (readonly NewEvent<ConformanceEvent>[])[]): readonly string[] => commands.flat().map((event) => event.metadata.eventId);

describe('postgres faults: the server stops and starts again', () => {
  it('appends in flight fail as retryable, and once the server is back every command is stored once, in order', async () => {
    const writer = store();
    const stream = `appends-${freshCommandId('s').slice(2, 10)}`;
    const commands = commandsOf('a', 60);
    const failures: StoreError[] = [];
    let written = 0;
    const writing = (async () => {
      for (const command of commands) {
        await appendUntilWritten(writer, stream, command, failures);
        written += 1;
      }
    })();
    await until(() => written >= 15, 'fifteen appends');
    await server.stop();
    await until(() => failures.length >= 2, 'appends failing while the server is away');
    await server.start();
    await writing;
    expect(failures.every((failure) => failure._tag === 'StoreUnavailable' || failure._tag === 'AppendOutcomeUnknown')).toBe(true);
    const read = await writer.readStream(stream)();
    expect(E.isRight(read) && read.right.map((event) => event.metadata.eventId)).toEqual(ids(commands));
    expect(E.isRight(read) && read.right.map((event) => event.revision)).toEqual(ids(commands).map((_, i) => BigInt(i)));
  });

  it('reads while the server is away are StoreUnavailable, and read the same events once it is back', async () => {
    const reader = store();
    const stream = `reads-${freshCommandId('s').slice(2, 10)}`;
    const commands = commandsOf('r', 5);
    for (const command of commands) await appendUntilWritten(reader, stream, command, []);
    const before = await reader.readStream(stream)();
    await server.stop();
    const during = await reader.readStream(stream)();
    expect(E.isLeft(during) && during.left._tag).toBe('StoreUnavailable');
    expect(E.isLeft(during) && isRetryable(during.left)).toBe(true);
    const pages = [];
    for await (const page of reader.readAll({ streamPrefixes: [stream] })) pages.push(page);
    expect(pages.length === 1 && E.isLeft(pages[0]!) && pages[0].left._tag).toBe('StoreUnavailable');
    await server.start();
    expect(await reader.readStream(stream)()).toEqual(before);
  });

  it('a live subscription rides out the outage: every event once, in log order, none lost', async () => {
    const p = `live-${freshCommandId('s').slice(2, 10)}-`;
    const subscriber = store();
    const writer = store();
    const reader = readSubscription(subscriber.subscribeToAll({ streamPrefixes: [p] }), 30_000, 'a subscription survives a server restart');
    try {
      await reader.until(isCaughtUp, 'CaughtUp');
      const commands = commandsOf('l', 40);
      const failures: StoreError[] = [];
      let written = 0;
      const writing = (async () => {
        for (const [i, command] of commands.entries()) {
          await appendUntilWritten(writer, `${p}${String(i % 4)}`, command, failures);
          written += 1;
        }
      })();
      await until(() => written >= 10, 'ten appends');
      await server.stop();
      await until(() => failures.length >= 2, 'appends failing while the server is away');
      await sleep(300);
      await server.start();
      await writing;
      const last = ids(commands).at(-1);
      const messages = await reader.until((m) => m._tag === 'Event' && m.event.metadata.eventId === last, 'the last event written');
      const delivered = messages.flatMap((m) => (m._tag === 'Event' ? [m.event] : []));
      const log = [];
      for await (const page of subscriber.readAll({ streamPrefixes: [p] })) if (E.isRight(page)) log.push(...page.right);
      expect(delivered.map((event) => event.metadata.eventId)).toEqual(log.map((event) => event.metadata.eventId));
      expect(new Set(delivered.map((event) => event.metadata.eventId))).toEqual(new Set(ids(commands)));
    } finally {
      await reader.close();
    }
  });

  it('a subscription whose policy runs out while the server is away is dropped with StoreUnavailable, then ends', async () => {
    const subscriber = store({ ...patient, resubscribe: { maxAttempts: 2, initialDelayMs: 10, maxDelayMs: 20 } });
    const reader = readSubscription(subscriber.subscribeToAll({ streamPrefixes: ['nothing-'] }), 30_000, 'a subscription gives up after its policy');
    try {
      await reader.until(isCaughtUp, 'CaughtUp');
      await server.stop();
      const dropped = await reader.next('Dropped');
      expect(dropped !== 'ended' && dropped._tag === 'Dropped' && dropped.error._tag).toBe('StoreUnavailable');
      expect(await reader.next('the end')).toBe('ended');
    } finally {
      await reader.close();
    }
  });
});

describe('postgres faults: a commit whose answer is lost', () => {
  it('is AppendOutcomeUnknown naming its events; running the same command again writes nothing more', async () => {
    const admin = new pg.Pool({ connectionString: server.connectionString });
    // A connection of the pool the server ends while it is idle (a later stop) is reported on the pool: heard, not thrown.
    admin.on('error', () => undefined);
    const writer = store();
    const stream = `unknown-${freshCommandId('s').slice(2, 10)}`;
    const command = commandEvents(freshCommandId('u'), numberedItems('u', 0, 3));
    try {
      // A synchronous standby that never comes: a commit is written locally, then waits for it.
      await admin.query(`ALTER SYSTEM SET synchronous_standby_names = 'standby_that_never_comes'`);
      await admin.query('SELECT pg_reload_conf()');
      const appending = writer.appendToStream(stream, command, 'no_stream')();
      let waiting: number | undefined;
      for (let tries = 0; waiting === undefined && tries < 1_200; tries++) {
        const rows = await admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE wait_event = 'SyncRep'`);
        waiting = rows.rows[0]?.pid;
        if (waiting === undefined) await sleep(25);
      }
      expect(waiting).toBeDefined();
      await admin.query('SELECT pg_terminate_backend($1)', [waiting]);
      const lost = await appending;
      expect(E.isLeft(lost) && lost.left._tag).toBe('AppendOutcomeUnknown');
      expect(E.isLeft(lost) && lost.left._tag === 'AppendOutcomeUnknown' && lost.left.eventIds).toEqual(command.map((event) => event.metadata.eventId));
      await admin.query('ALTER SYSTEM RESET synchronous_standby_names');
      await admin.query('SELECT pg_reload_conf()');
      const again = await writer.appendToStream(stream, command, 'no_stream')();
      expect(E.isRight(again) && again.right.written).toBe(0);
      const read = await writer.readStream(stream)();
      expect(E.isRight(read) && read.right.map((event) => event.metadata.eventId)).toEqual(command.map((event) => event.metadata.eventId));
    } finally {
      await admin.query('ALTER SYSTEM RESET synchronous_standby_names').catch(() => undefined);
      await admin.query('SELECT pg_reload_conf()').catch(() => undefined);
      await admin.end();
    }
  });
});
