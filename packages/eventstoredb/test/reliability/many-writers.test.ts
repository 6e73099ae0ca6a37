/**
 * Many writers at once through `createBoroughCommand` on the EventStoreDB adapter, over real gRPC
 * to the wire-level test server: the check of `@borough-command/testing` (dozens of commands per
 * round, duplicates included), then the whole log read back. A fresh server for each round, so
 * every round starts from an empty log; one round over Streams.Append, the others over BatchAppend.
 */
import { domainEventRegistry } from '@borough-command/domain';
import { startTestServer, type TestServer } from '@borough-command/eventstoredb/testing';
import { checkConcurrentCommands, type ConcurrentCommandsReport } from '@borough-command/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../support/open-store.js';

const servers: TestServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
});

/** A store over a new test server; the round's check closes the store, `afterAll` stops the server. */
const freshStore = (batchAppend: boolean) => async () => {
  const server = await startTestServer({ batchAppend });
  servers.push(server);
  return openStore(domainEventRegistry, server.connectionString);
};

const summary = (report: ConcurrentCommandsReport): string =>
  `${String(report.rounds)} rounds, ${String(report.sentAtOnce)} commands sent at once, ${String(report.acknowledged)} acknowledged, ` +
  `refused ${JSON.stringify(report.refusedByRule)}, ${String(report.resent)} resent after a retryable answer, ${String(report.eventsChecked)} events checked, ` +
  `lost ${String(report.ledgers.reduce((sum, ledger) => sum + ledger.lost.length, 0))}, doubled ${String(report.ledgers.reduce((sum, ledger) => sum + ledger.doubled.length, 0))}`;

describe('eventstoredb: many writers at once', () => {
  it.each([
    { api: 'BatchAppend', batchAppend: true, rounds: 3, maxRetries: 3 },
    { api: 'Streams.Append, no retry after a conflict', batchAppend: false, rounds: 1, maxRetries: 0 },
  ])('eventstoredb PO-1 RS-1 over $api: dozens of concurrent commands per round, no event lost or doubled, one commander per unit, no borough in two BCUs', async ({ api, batchAppend, rounds, maxRetries }) => {
    const report = await checkConcurrentCommands({ open: freshStore(batchAppend), rounds, maxRetries, seed: 1989 });
    for (const ledger of report.ledgers) expect(ledger).toMatchObject({ lost: [], doubled: [], gaps: [], outOfOrder: [], unacknowledged: [] });
    expect(report.violations).toEqual([]);
    expect(report.substantiveCommanders.every((count) => count === 1)).toBe(true);
    expect(report.bcusProposed.every((count) => count >= 1 && count < 8)).toBe(true);
    expect(report.refusedByRule['PO-1'] ?? 0).toBeGreaterThan(0);
    expect(report.refusedByRule['RS-1'] ?? 0).toBeGreaterThan(0);
    if (maxRetries === 0) expect(report.resent).toBeGreaterThan(0);
    console.log(`many writers, eventstoredb over ${api}: ${summary(report)}`);
  });
});
