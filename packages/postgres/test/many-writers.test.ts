/**
 * Many writers at once through `createBoroughCommand` on the PostgreSQL store: the check of
 * `@borough-command/testing` (dozens of commands per round, duplicates included, racing on the
 * pool's connections, so on concurrent transactions of a real server), then the whole log read
 * back. A fresh schema for each round, so every round starts from an empty log.
 */
import * as E from 'fp-ts/lib/Either.js';
import { domainEventRegistry } from '@borough-command/domain';
import { checkConcurrentCommands, type ConcurrentCommandsReport } from '@borough-command/test-machinery';
import { describe, expect, it } from 'vitest';
import { createPostgresStore } from '../src/index.js';
import { freshSchema, postgresUrl } from './support/fresh-schema.js';

const freshStore = async () => {
  const schema = await freshSchema('writers');
  const store = createPostgresStore(domainEventRegistry, { connectionString: postgresUrl() }, { schema, maxConnections: 8 });
  if (E.isLeft(store)) throw new Error(JSON.stringify(store.left));
  return store.right;
};

const summary = (report: ConcurrentCommandsReport): string =>
  `${String(report.rounds)} rounds, ${String(report.sentAtOnce)} commands sent at once, ${String(report.acknowledged)} acknowledged, ` +
  `refused ${JSON.stringify(report.refusedByRule)}, ${String(report.resent)} resent after a retryable answer, ${String(report.eventsChecked)} events checked, ` +
  `lost ${String(report.ledgers.reduce((sum, ledger) => sum + ledger.lost.length, 0))}, doubled ${String(report.ledgers.reduce((sum, ledger) => sum + ledger.doubled.length, 0))}`;

describe('postgres: many writers at once', () => {
  it.each([
    { retries: 'up to 3 retries after a conflict', rounds: 3, maxRetries: 3 },
    { retries: 'no retry after a conflict', rounds: 1, maxRetries: 0 },
  ])('postgres PO-1 RS-1 with $retries: dozens of concurrent commands per round, no event lost or doubled, one commander per unit, no borough in two BCUs', async ({ retries, rounds, maxRetries }) => {
    const report = await checkConcurrentCommands({ open: freshStore, rounds, maxRetries, seed: 1989 });
    for (const ledger of report.ledgers) expect(ledger).toMatchObject({ lost: [], doubled: [], gaps: [], outOfOrder: [], unacknowledged: [] });
    expect(report.violations).toEqual([]);
    expect(report.substantiveCommanders.every((count) => count === 1)).toBe(true);
    expect(report.bcusProposed.every((count) => count >= 1 && count < 8)).toBe(true);
    expect(report.refusedByRule['PO-1'] ?? 0).toBeGreaterThan(0);
    expect(report.refusedByRule['RS-1'] ?? 0).toBeGreaterThan(0);
    if (maxRetries === 0) expect(report.resent).toBeGreaterThan(0);
    console.log(`many writers, postgres with ${retries}: ${summary(report)}`);
  });
});
