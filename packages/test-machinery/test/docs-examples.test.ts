/* The examples of docs/testing.md about the machinery: each of those TypeScript blocks appears in this file, which compiles and runs. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { defaultPolicy, domainEventRegistry } from '@borough-command/domain';
import { createInMemoryStore, describeStoreError, openJournalStore, readJournalFile, writeJournalFile } from '@borough-command/domain/eventsourcing';
import { createViews, projectionsOf } from '@borough-command/projections';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBoroughCommandModel, largeHistory, londonHistoryArbitrary, londonHistoryPolicy, runLondonHistory, type LondonHistory } from '../src/index.js';

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'machinery-docs-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('the examples of docs/testing.md about the machinery', () => {
  it('sizes and policies of generated histories', () => {
    const bigger = londonHistoryArbitrary({ years: { min: 2, max: 6 }, boroughs: 12, appointmentsPerYear: 5, restructure: 'always' });
    const enforced = londonHistoryArbitrary({ policy: defaultPolicy, restructure: 'never' });
    const [history] = fc.sample(bigger, { numRuns: 1, seed: 7 });
    expect(history?.boroughs.length).toBeLessThanOrEqual(12);
    expect(fc.sample(enforced, { numRuns: 5 }).every((drawn) => drawn.bcus.length === 0)).toBe(true);
  });

  it('a history run on the journal store', async () => {
    const [history] = fc.sample(londonHistoryArbitrary(), { numRuns: 1, seed: 11 });
    if (history === undefined) throw new Error('no history drawn');
    const opened = await openJournalStore(domainEventRegistry, { file: join(directory, 'history.ndjson') })();
    if (E.isLeft(opened)) throw new Error(opened.left._tag);
    const run = await runLondonHistory(history, { store: opened.right, actor: 'docs' });
    expect(run.events.length).toBeGreaterThan(0);
    await opened.right.close();
  });

  it('a large history written as a journal and replayed into the views', async () => {
    const history = largeHistory({ seed: 2017, events: 20_000 });
    const written = await writeJournalFile(join(directory, 'large.ndjson'), history)();
    if (E.isLeft(written)) throw new Error(describeStoreError(written.left));
    const views = createViews(londonHistoryPolicy);
    const projections = projectionsOf(views);
    for await (const page of readJournalFile(domainEventRegistry, written.right.file)) {
      if (E.isLeft(page)) throw new Error(describeStoreError(page.left));
      if (page.right._tag === 'Events') for (const envelope of page.right.events) for (const projection of projections) projection.apply(envelope);
    }
    expect(views.continuity.londonWide().endedSubstantivePostings).toBeGreaterThan(0);
  });

  it('the model-based test of the whole system', async () => {
    const report = await checkBoroughCommandModel({
      open: () => Promise.resolve(createInMemoryStore(domainEventRegistry)),
      numRuns: 10,
    });
    expect(report.steps.appoint?.accepted).toBeGreaterThan(0);
  });

  it('replaying a reported failure', async () => {
    const check = async (history: LondonHistory): Promise<void> => {
      const { views } = await runLondonHistory(history);
      expect(views.tenure.units().length).toBeGreaterThan(0);
    };
    await fc.assert(fc.asyncProperty(londonHistoryArbitrary(), check), { seed: 1_234_567, path: '0' });
  });
});
