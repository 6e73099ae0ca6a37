/**
 * A fault storm: while a domain story is told through `createBoroughCommand` over the adapter, and
 * a projection runner follows it through a subscription, and a reader reads `$all` again and
 * again, the test server is hit at random moments by every fault it has: dropped connections,
 * refused calls, delays, restarts. Every failed command and read is a retryable `StoreUnavailable`
 * that says a retry is safe; commands are sent again until acknowledged. At the end the log holds
 * every acknowledged event exactly once and nothing else, and the runner's six views equal a
 * rebuild from zero: no event lost or doubled in any view. `BOROUGH_COMMAND_FAULT_STORMS` sets the
 * number of storms (one story each, on a node of its own; 3 by default). With
 * `@kurrent/kurrentdb-client` the storms run once per append method: its batch appends survive
 * dropped connections (`@eventstore/db-client` 6.2.1's end the process, so it runs `append` only);
 * its connection string sets `discoveryInterval=10`, as its native bridge otherwise waits 500 ms
 * before every reconnection, and faults here come every few milliseconds.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import * as E from 'fp-ts/lib/Either.js';
import { domainEventRegistry, type DomainEvent } from '@borough-command/domain';
import { describeStoreError, type EventStore, type StoreError } from '@borough-command/domain/eventsourcing';
import { startTestServer, type TestServer } from '@borough-command/eventstoredb/testing';
import { createViews, projectionsOf, rebuildViews, startRunner } from '@borough-command/projections';
import { checkLedger, readAllEvents } from '@borough-command/test-machinery';
import { afterAll, expect, it } from 'vitest';
import type { AppendMethod } from '../../src/index.js';
import { clientUnderTest, isKurrentDbClient, noConnectionWait } from '../support/client-under-test.js';
import { commandIdOf, storyPolicy, storyService, wholeStory } from '../support/domain-story.js';
import { openStore } from '../support/open-store.js';
import { comparableSnapshots, eventIdsByPosition } from '../support/view-snapshots.js';
import { eventually } from '../support/waiting.js';

const STORMS = Number(process.env['BOROUGH_COMMAND_FAULT_STORMS'] ?? '3');
const FAULTS = ['drop', 'refuse', 'delay', 'restart'] as const;
type Fault = (typeof FAULTS)[number];

const servers: TestServer[] = [];

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
});

const randomInt = (min: number, max: number): number => min + Math.floor(Math.random() * (max - min + 1));

/** Injects a random fault every few milliseconds until `stop` is set; returns how many of each. */
const storm = async (server: TestServer, until: { stop: boolean }): Promise<Record<Fault, number>> => {
  const injected: Record<Fault, number> = { drop: 0, refuse: 0, delay: 0, restart: 0 };
  while (!until.stop) {
    await sleep(randomInt(2, 30));
    const fault = FAULTS[randomInt(0, FAULTS.length - 1)] as Fault;
    injected[fault] += 1;
    if (fault === 'drop') server.dropConnections();
    if (fault === 'refuse') server.refuseNextCalls(randomInt(1, 3));
    if (fault === 'restart') await server.restart();
    if (fault === 'delay') {
      server.setDelay(randomInt(1, 40));
      await sleep(randomInt(5, 40));
      server.setDelay(0);
    }
  }
  server.setDelay(0);
  server.refuseNextCalls(0);
  return injected;
};

/** Reads `$all` from the start again and again until `stop`, resuming after a failure; returns the failures. */
const rereadAll = async (store: EventStore<DomainEvent>, until: { stop: boolean }): Promise<{ readonly errors: StoreError[]; readonly reads: number }> => {
  const errors: StoreError[] = [];
  let reads = 0;
  while (!until.stop) {
    const seen = new Set<string>();
    let after: bigint | undefined;
    for (let whole = false; !whole && !until.stop; ) {
      whole = true;
      for await (const page of store.readAll(after === undefined ? { pageSize: 5 } : { pageSize: 5, after })) {
        if (E.isLeft(page)) {
          errors.push(page.left);
          whole = false;
          await sleep(1);
          break;
        }
        for (const event of page.right) {
          // a resumed read never delivers an event twice
          expect(seen.has(event.metadata.eventId)).toBe(false);
          seen.add(event.metadata.eventId);
          after = event.position;
        }
      }
    }
    reads += 1;
    await sleep(1);
  }
  return { errors, reads };
};

/** Whether `$all` reads through to its end without a failure. */
const answersWholeRead = async (store: EventStore<DomainEvent>): Promise<boolean> => {
  for await (const page of store.readAll()) if (E.isLeft(page)) return false;
  return true;
};

const APPEND_METHODS: readonly AppendMethod[] = isKurrentDbClient ? ['append', 'batch-append'] : ['append'];

// The append methods storm at once, each on servers of its own: the storms mostly wait on the
// faults, so side by side they take the time of one.
it.concurrent.each(APPEND_METHODS)(
  `eventstoredb fault storm over ${clientUnderTest} appending with '%s': drops, refusals, delays and restarts at random during appends, reads and subscriptions lose no event and double none in the log or in any view`,
  async (appendMethod) => {
    expect(Number.isInteger(STORMS) && STORMS > 0).toBe(true);
    const totals = { faults: { drop: 0, refuse: 0, delay: 0, restart: 0 } as Record<Fault, number>, commandErrors: 0, unknownOutcomes: 0, readErrors: 0, reads: 0, subscribes: 0, events: 0, lost: 0, doubled: 0 };
    for (let round = 0; round < STORMS; round++) {
      // each storm tells the story to a node of its own, from an empty log
      const server = await startTestServer();
      servers.push(server);
      const store = openStore(domainEventRegistry, `${server.connectionString}${noConnectionWait}`, { appendMethod, readBatchSize: 3, resubscribe: { maxAttempts: 10_000, initialDelayMs: 2, maxDelayMs: 50 } });
      try {
        const service = storyService(store);
        const views = createViews(storyPolicy);
        const runner = startRunner({ store, projections: projectionsOf(views) });
        expect(E.isRight(await runner.caughtUp())).toBe(true);
        const until = { stop: false };
        const faults = storm(server, until);
        const reader = rereadAll(store, until);
        const errors: StoreError[] = [];
        const acknowledged: string[] = [];
        for (const step of wholeStory) {
          const command: Readonly<Record<string, unknown>> = { ...step.command, commandId: commandIdOf(step) };
          for (let attempt = 0; ; attempt++) {
            expect(attempt, `${String(command['type'])} never got through`).toBeLessThan(500);
            const result = await service.executeJson(command, { actor: step.actor })();
            if (E.isLeft(result)) {
              // only an unreachable store, or an append of unknown outcome, is sent again (the same
              // command, as the error says): anything else is a failure of the test
              if (result.left._tag !== 'StoreUnavailable' && result.left._tag !== 'AppendOutcomeUnknown') {
                throw new Error(`${String(command['type'])} was refused: ${result.left._tag}`);
              }
              errors.push(result.left);
              await sleep(1);
              continue;
            }
            acknowledged.push(...result.right.handled.flatMap((handled) => handled.result.events.map((event) => event.metadata.eventId)));
            const failed = result.right.failedReactions.map((reaction) => {
              if (reaction.error._tag !== 'StoreUnavailable' && reaction.error._tag !== 'AppendOutcomeUnknown') {
                throw new Error(`a reaction to ${String(command['type'])} was refused: ${reaction.error._tag}`);
              }
              return reaction.error;
            });
            errors.push(...failed);
            if (failed.length === 0) break;
            await sleep(1);
          }
        }
        until.stop = true;
        const injected = await faults;
        const read = await reader;

        // every failure said what happened and that a retry is safe, or, for an append that may
        // have been written, to run the same command again
        for (const error of [...errors, ...read.errors]) {
          if (error._tag === 'AppendOutcomeUnknown') {
            expect(describeStoreError(error)).toContain('run the same command again');
            continue;
          }
          expect(error).toMatchObject({ _tag: 'StoreUnavailable', retryable: true });
          expect(describeStoreError(error)).toContain('the operation is safe to retry');
        }
        totals.unknownOutcomes += errors.filter((error) => error._tag === 'AppendOutcomeUnknown').length;
        // the storm's last fault may leave the client reconnecting: the log is read once it answers
        await eventually(() => answersWholeRead(store));
        const log = await readAllEvents(store);
        const ledger = checkLedger(log, acknowledged);
        expect(ledger).toMatchObject({ lost: [], doubled: [], gaps: [], outOfOrder: [], unacknowledged: [] });

        // the runner followed through every fault: its views are a rebuild's
        const last = log.at(-1)?.position;
        await eventually(() => projectionsOf(views).every((projection) => projection.position() === last));
        expect(E.isRight(await runner.stop())).toBe(true);
        const rebuilt = await rebuildViews(store, { policy: storyPolicy })();
        if (E.isLeft(rebuilt)) throw new Error(rebuilt.left.message);
        const ids = await eventIdsByPosition(store);
        expect(comparableSnapshots(views, ids)).toEqual(comparableSnapshots(rebuilt.right, ids));
        // the runner's subscription was cut and came back: the server saw it subscribe again
        expect(server.calls().subscribe).toBeGreaterThan(1);
        // the appends took the method asked for
        if (appendMethod === 'batch-append') expect(server.calls().batchAppend).toBeGreaterThan(0);
        else expect(server.calls().batchAppend).toBe(0);
        totals.subscribes += server.calls().subscribe;

        for (const fault of FAULTS) totals.faults[fault] += injected[fault];
        totals.commandErrors += errors.length;
        totals.readErrors += read.errors.length;
        totals.reads += read.reads;
        totals.events += ledger.events;
        totals.lost += ledger.lost.length;
        totals.doubled += ledger.doubled.length;
      } finally {
        await store.close();
      }
    }
    const injectedCount = FAULTS.reduce((sum, fault) => sum + totals.faults[fault], 0);
    console.log(
      `eventstoredb fault storm over ${clientUnderTest} appending with '${appendMethod}': ${String(STORMS)} storms, ${String(injectedCount)} faults injected (${JSON.stringify(totals.faults)}), ` +
        `${String(totals.commandErrors)} command failures (${String(totals.unknownOutcomes)} of them unknown outcomes) and ${String(totals.readErrors)} readAll failures, each retryable and retried, ` +
        `${String(totals.reads)} whole reads of $all, ${String(totals.subscribes)} subscription requests of the runner and the resubscriptions, ${String(totals.events)} events checked, lost ${String(totals.lost)}, doubled ${String(totals.doubled)}`,
    );
    expect(injectedCount).toBeGreaterThan(0);
    expect(totals.commandErrors).toBeGreaterThan(0);
  },
  120_000,
);
