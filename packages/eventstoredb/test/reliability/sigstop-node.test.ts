/**
 * The test server in a process of its own, stopped with SIGSTOP past the store's deadline and
 * resumed with SIGCONT: the kernel holds the requests in the socket, the node answers nothing, not
 * even the connection's pings. Reads fail as `StoreUnavailable` within the deadline; a command whose
 * append was sent answers `AppendOutcomeUnknown`, never "not written"; once the node is back, what
 * the client side reports is what the node holds, and the same command run again leaves one copy
 * whether the node committed the first append or not.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import { createBoroughCommand, domainEventRegistry, type DomainEvent } from '@borough-command/domain';
import type { EventStore } from '@borough-command/domain/eventsourcing';
import { EventStoreDBClient } from '@eventstore/db-client';
import { bundledScript } from '@borough-command/test-machinery';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventStoreDbStore, dbClientConnection, type EsdbConnection } from '../../src/index.js';
import { openStore } from '../support/open-store.js';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The store's deadline: short, so the stop outlasts it quickly. */
const DEADLINE_MS = 500;

let node: ChildProcess;
let connectionString: string;

beforeAll(async () => {
  node = spawn(process.execPath, [bundledScript(join(packageRoot, 'test', 'fixtures', 'test-server-process.ts'))], {
    cwd: packageRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  connectionString = await new Promise<string>((resolve, reject) => {
    let output = '';
    node.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const line = output.split('\n')[0];
      if (output.includes('\n') && line !== undefined) resolve(line.trim());
    });
    node.once('exit', (code) => {
      reject(new Error(`the test server process exited with ${String(code)} before it listened`));
    });
  });
}, 30_000);

afterAll(async () => {
  node.kill('SIGCONT');
  const exited = new Promise((resolve) => node.once('exit', resolve));
  node.kill('SIGTERM');
  await exited;
});

/** Stops the node's process for the length of `body`, resuming it whatever happens. */
const whileStopped = async <A>(body: () => Promise<A>): Promise<A> => {
  node.kill('SIGSTOP');
  try {
    return await body();
  } finally {
    node.kill('SIGCONT');
  }
};

const execute = async (store: EventStore<DomainEvent>, json: Readonly<Record<string, unknown>>) => {
  const result = await createBoroughCommand({ store }).executeJson(json, { actor: 'sigstop' })();
  if (E.isRight(result)) return { ok: true as const, alreadyApplied: result.right.handled[0]?.result.alreadyApplied };
  return { ok: false as const, tag: result.left._tag };
};

/** The events of the stream as the node holds them, read once it answers again. */
const eventIdsHeld = async (store: EventStore<DomainEvent>, stream: string): Promise<readonly string[]> => {
  for (let attempt = 0; attempt < 40; attempt++) {
    const read = await store.readStream(stream)();
    if (E.isRight(read)) return read.right.map((event) => event.metadata.eventId);
    if (read.left._tag === 'StreamNotFound') return [];
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`stream ${stream} could not be read after the node resumed`);
};

describe('eventstoredb: a node stopped with SIGSTOP past the deadline, then resumed with SIGCONT', () => {
  it('eventstoredb: a read fails as StoreUnavailable within the deadline instead of the keepalive, and reads again after SIGCONT', async () => {
    const store = openStore(domainEventRegistry, connectionString, { deadlineMs: DEADLINE_MS });
    try {
      const stream = `appointment-sigstop-read-${randomUUID()}`;
      expect(await store.readStream(stream)()).toEqual(E.left({ _tag: 'StreamNotFound', stream }));
      const { read, ms } = await whileStopped(async () => {
        const started = Date.now();
        const result = await store.readStream(stream)();
        return { read: result, ms: Date.now() - started };
      });
      expect(read).toMatchObject(E.left({ _tag: 'StoreUnavailable', retryable: true, operation: `read stream '${stream}'` }));
      console.log(`SIGSTOP node read: deadline ${String(DEADLINE_MS)} ms, StoreUnavailable after ${String(ms)} ms`);
      expect(ms).toBeGreaterThanOrEqual(DEADLINE_MS - 20);
      expect(ms).toBeLessThan(DEADLINE_MS + 2_000);
      expect(await eventIdsHeld(store, stream)).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('eventstoredb: a command whose append is sent to the stopped node answers AppendOutcomeUnknown in bounded time; after SIGCONT the client reports what the node holds, and the same command run again leaves one copy', async () => {
    const store = openStore(domainEventRegistry, connectionString, { deadlineMs: DEADLINE_MS });
    try {
      const processId = `sigstop-${randomUUID()}`;
      const stream = `appointment-${processId}`;
      const json = { type: 'OpenAppointmentProcess', commandId: `open-${processId}`, processId, at: '2015-05-01', unit: { kind: 'borough', name: 'Lambeth' }, role: 'borough-commander', areaCommander: 'Area Commander Reed' };
      // The node is stopped once the adapter has read the stream's tail, as the append itself is sent.
      let stopped = false;
      const connection = dbClientConnection(EventStoreDBClient.connectionString(connectionString), { deadlineMs: DEADLINE_MS });
      const stopping: EsdbConnection = {
        ...connection,
        append: (target, events, expected) => () => {
          if (!stopped && target === stream) {
            stopped = true;
            node.kill('SIGSTOP');
          }
          return connection.append(target, events, expected)();
        },
      };
      const opened = createEventStoreDbStore(domainEventRegistry, { connection: stopping });
      if (E.isLeft(opened)) throw new Error(opened.left._tag);
      const stoppingStore = opened.right;
      const started = Date.now();
      let outcome: Awaited<ReturnType<typeof execute>>;
      try {
        outcome = await execute(stoppingStore, json);
      } finally {
        node.kill('SIGCONT');
        await stoppingStore.close();
      }
      const ms = Date.now() - started;

      expect(stopped).toBe(true);
      expect(outcome).toEqual({ ok: false, tag: 'AppendOutcomeUnknown' });
      expect(ms).toBeLessThan(6 * DEADLINE_MS + 2_000);

      // Back: the node holds the command's events or it does not; the command run again says which.
      const held = await eventIdsHeld(store, stream);
      let again = await execute(store, json);
      for (let attempt = 0; !again.ok && attempt < 20; attempt++) again = await execute(store, json);
      expect(again).toEqual({ ok: true, alreadyApplied: held.length > 0 });
      expect(await eventIdsHeld(store, stream)).toHaveLength(1);
      console.log(
        `SIGSTOP node: deadline ${String(DEADLINE_MS)} ms, AppendOutcomeUnknown after ${String(ms)} ms; after SIGCONT the node held ${String(held.length)} event(s) of the command, the run again answered alreadyApplied ${String(held.length > 0)}, 1 copy`,
      );
    } finally {
      await store.close();
    }
  });
});
