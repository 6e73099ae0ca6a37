/**
 * Many writers at once through `createBoroughCommand` on the EventStoreDB adapter, over real gRPC
 * to the wire-level test server: the check of `@borough-command/testing` (dozens of commands per
 * round, duplicates included), then the whole log read back. A fresh server for each round, so
 * every round starts from an empty log; one round over Streams.Append, the others over BatchAppend.
 */
import { domainEventRegistry } from '@borough-command/domain';
import { startTestServer, type TestServer } from '@borough-command/eventstoredb/testing';
import { checkConcurrentCommands, type ConcurrentCommandsReport } from '@borough-command/test-machinery';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppendMethod } from '../../src/index.js';
import { openStore } from '../support/open-store.js';
import { noConnectionWait } from '../support/client-under-test.js';

const servers: TestServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
});

/** A store appending with the method given, over a new test server; the round's check closes the store, `afterAll` stops the server. */
const freshStore = (appendMethod: AppendMethod) => async () => {
  const server = await startTestServer();
  servers.push(server);
  return openStore(domainEventRegistry, `${server.connectionString}${noConnectionWait}`, { appendMethod });
};

const summary = (report: ConcurrentCommandsReport): string =>
  `${String(report.rounds)} rounds, ${String(report.sentAtOnce)} commands sent at once, ${String(report.acknowledged)} acknowledged, ` +
  `refused ${JSON.stringify(report.refusedByRule)}, ${String(report.resent)} resent after a retryable answer, ${String(report.eventsChecked)} events checked, ` +
  `lost ${String(report.ledgers.reduce((sum, ledger) => sum + ledger.lost.length, 0))}, doubled ${String(report.ledgers.reduce((sum, ledger) => sum + ledger.doubled.length, 0))}`;

describe('eventstoredb: many writers at once', () => {
  it.each([
    { api: 'Streams.Append (the default)', appendMethod: 'append' as const, rounds: 3, maxRetries: 3 },
    { api: 'BatchAppend', appendMethod: 'batch-append' as const, rounds: 3, maxRetries: 3 },
    { api: 'Streams.Append, no retry after a conflict', appendMethod: 'append' as const, rounds: 1, maxRetries: 0 },
  ])('eventstoredb PO-1 RS-1 over $api: dozens of concurrent commands per round, no event lost or doubled, one commander per unit, no borough in two BCUs', async ({ api, appendMethod, rounds, maxRetries }) => {
    const serversBefore = servers.length;
    const report = await checkConcurrentCommands({ open: freshStore(appendMethod), rounds, maxRetries, seed: 1989 });
    // every append took the gRPC call the method names
    const calls = servers.slice(serversBefore).map((server) => server.calls());
    expect(calls.length).toBeGreaterThan(0);
    for (const { append, batchAppend } of calls) expect(appendMethod === 'append' ? { batchAppend, used: append > 0 } : { append, used: batchAppend > 0 }).toEqual(appendMethod === 'append' ? { batchAppend: 0, used: true } : { append: 0, used: true });
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
