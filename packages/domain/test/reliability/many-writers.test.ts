/**
 * Many writers at once through `createBoroughCommand`, on the in-memory store and on a journal:
 * dozens of commands sent together in each round (the check of `@borough-command/testing`), then
 * the whole log read back. PO-1 and RS-1 hold after every event, every contested unit ends with
 * exactly one substantive commander, and every acknowledged event is there exactly once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { checkConcurrentCommands, type ConcurrentCommandsReport } from '@borough-command/test-machinery';
import { afterAll, describe, expect, it } from 'vitest';
import { createInMemoryStore } from '../../src/eventsourcing/in-memory-store.js';
import { describeStoreError } from '../../src/eventsourcing/errors.js';
import { domainEventRegistry } from '../../src/borough-command/domain-events.js';
import { openJournalStore } from '../../src/eventsourcing/journal/journal-store.js';

const directory = mkdtempSync(join(tmpdir(), 'many-writers-'));
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

/** The assertions every store must pass, and the figures printed for docs/reliability.md. */
const expectNoLossNoDoubleNoBreach = (name: string, report: ConcurrentCommandsReport): void => {
  for (const ledger of report.ledgers) {
    expect(ledger).toMatchObject({ lost: [], doubled: [], gaps: [], outOfOrder: [], unacknowledged: [] });
  }
  expect(report.violations).toEqual([]);
  expect(report.substantiveCommanders.every((count) => count === 1)).toBe(true);
  expect(report.bcusProposed.every((count) => count >= 1 && count < 8)).toBe(true);
  // the races were really run: commanders and BCUs lost them to PO-1 and RS-1
  expect(report.refusedByRule['PO-1'] ?? 0).toBeGreaterThan(0);
  expect(report.refusedByRule['RS-1'] ?? 0).toBeGreaterThan(0);
  console.log(
    `many writers, ${name}: ${String(report.rounds)} rounds, ${String(report.sentAtOnce)} commands sent at once, ${String(report.acknowledged)} acknowledged, ` +
      `refused ${JSON.stringify(report.refusedByRule)}, ${String(report.resent)} resent after a retryable answer, ${String(report.eventsChecked)} events checked, ` +
      `lost ${String(report.ledgers.reduce((sum, ledger) => sum + ledger.lost.length, 0))}, doubled ${String(report.ledgers.reduce((sum, ledger) => sum + ledger.doubled.length, 0))}`,
  );
};

describe('many writers at once', () => {
  it('PO-1 RS-1 in-memory store: dozens of concurrent commands per round, no event lost or doubled, one commander per unit, no borough in two BCUs', async () => {
    const report = await checkConcurrentCommands({ open: () => Promise.resolve(createInMemoryStore(domainEventRegistry)), rounds: 20 });
    expect(report.sentAtOnce).toBe(20 * 82);
    expectNoLossNoDoubleNoBreach('in-memory', report);
  });

  it('PO-1 RS-1 in-memory store with no retry after a conflict: commands answered TooManyConflicts wrote nothing, and sending them again is safe', async () => {
    const report = await checkConcurrentCommands({ open: () => Promise.resolve(createInMemoryStore(domainEventRegistry)), rounds: 10, maxRetries: 0, seed: 7 });
    expect(report.resent).toBeGreaterThan(0);
    expectNoLossNoDoubleNoBreach('in-memory, maxRetries 0', report);
  });

  it('PO-1 RS-1 journal store: dozens of concurrent commands per round, every acknowledged event written once, and read back so after reopening', async () => {
    let round = 0;
    const files: string[] = [];
    const report = await checkConcurrentCommands({
      rounds: 4,
      open: async () => {
        const file = join(directory, `journal-${String(round++)}.ndjson`);
        files.push(file);
        const opened = await openJournalStore(domainEventRegistry, { file })();
        if (E.isLeft(opened)) throw new Error(describeStoreError(opened.left));
        return opened.right;
      },
    });
    expectNoLossNoDoubleNoBreach('journal', report);
    // the file holds what the store held: reopened read-only, the same number of events
    for (const [index, file] of files.entries()) {
      const reopened = await openJournalStore(domainEventRegistry, { file, readOnly: true })();
      if (E.isLeft(reopened)) throw new Error(describeStoreError(reopened.left));
      expect(reopened.right.recovery).toMatchObject({ lines: report.ledgers[index]?.events, tornTail: undefined });
      await reopened.right.close();
    }
  });
});
