import fc from 'fast-check';
import { expect, it } from 'vitest';
import { londonHistoryArbitrary, runLondonHistory } from '@borough-command/testing';

it('every confirmed appointment puts its candidate in post on the day decided', async () => {
  await fc.assert(
    fc.asyncProperty(londonHistoryArbitrary(), async (history) => {
      const { events, views } = await runLondonHistory(history);
      for (const { event } of events) {
        if (event.type !== 'AppointmentConfirmed') continue;
        const career = views.careers.careerOf(event.data.candidate.id);
        expect(career?.postings.some((posting) => posting.start === event.data.startDate)).toBe(true);
      }
    }),
    { numRuns: 20 },
  );
});

/* The examples of docs/testing.md after the first: each TypeScript block of the page appears in this file, which compiles and runs. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import {
  appointmentDecider,
  createInMemoryStore,
  defaultPolicy,
  describeStoreError,
  domainEventRegistry,
  isoDate,
  openJournalStore,
  postingDecider,
  readJournal,
  ruleIds,
  type AppointmentState,
  type DomainEvent,
} from '@borough-command/domain';
import { createTenureView, createViews, projectionsOf } from '@borough-command/projections';
import { afterAll, beforeAll, describe } from 'vitest';
import {
  appointmentCommandArbitrary,
  appointmentConfirmedArbitrary,
  bcuWentLiveArbitrary,
  candidateOfficerArbitrary,
  checkBoroughCommandModel,
  conformanceCase,
  defaultRestructureVocabulary,
  ensureEqual,
  idsOf,
  mustSucceed,
  numberedItems,
  openAppointmentProcessArbitrary,
  proposeBcuArbitrary,
  readStreamOk,
  validRestructureHistory,
  checkDeciderLaws,
  DeciderLawViolation,
  deciderLaws,
  deciderSpecification,
  describeEventStoreConformance,
  envelopesOf,
  largeHistory,
  londonHistoryPolicy,
  postingCommandArbitrary,
  postingStartedArbitrary,
  projectionSpecification,
  validAppointmentHistory,
  validPostingHistory,
  writeJournalFile,
  type LondonHistory,
} from '@borough-command/testing';

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'testing-docs-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('the examples of docs/testing.md', () => {
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
    const summary = await writeJournalFile(join(directory, 'large.ndjson'), history);
    const views = createViews(londonHistoryPolicy);
    const projections = projectionsOf(views);
    for await (const page of readJournal(domainEventRegistry, summary.file)) {
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

  it('the decider laws', () => {
    const report = checkDeciderLaws({
      decider: postingDecider(londonHistoryPolicy),
      histories: validPostingHistory(londonHistoryPolicy),
      commands: (history) => postingCommandArbitrary({ unit: history.unit }),
      codecs: domainEventRegistry,
      ruleIds,
      numRuns: 25,
    });
    expect(report.laws).toEqual(Object.keys(deciderLaws));
    expect(report.accepted).toBeGreaterThan(0);
    expect(report.rejected).toBeGreaterThan(0);
  });

  it('a decider that breaks a law', () => {
    // A decider whose evolve forgets every event: replayed, its history decides otherwise.
    const forgetful = { ...appointmentDecider(defaultPolicy), evolve: (state: AppointmentState) => state };
    expect(() =>
      checkDeciderLaws({ decider: forgetful, histories: validAppointmentHistory(defaultPolicy), commands: appointmentCommandArbitrary(), numRuns: 20, seed: 42 }),
    ).toThrow(DeciderLawViolation);
  });

  it('given, when, then for a decider', () => {
    const processId = 'camden-2012';
    const at = isoDate('2012-02-01');
    const appointment = deciderSpecification(appointmentDecider(defaultPolicy));
    appointment([
      { type: 'AppointmentProcessOpened', data: { processId, unit: { kind: 'borough', name: 'Camden' }, role: 'borough-commander', areaCommander: 'Area Commander Hart', at } },
    ])
      .when({ type: 'InterviewCandidate', commandId: 'c-2', processId, at, candidateId: 'alice' })
      .then({ _tag: 'RoleDescriptionNotAttached', rule: 'AP-2' });
  });

  it('given, when, then for a view', () => {
    const camden = { kind: 'borough', name: 'Camden' } as const;
    const officer = { id: 'alice', name: 'Alice Adeyemi', rank: 'chief-superintendent' } as const;
    const started: DomainEvent = {
      type: 'PostingStarted',
      data: {
        postingId: 'camden-1',
        unit: camden,
        role: 'borough-commander',
        officer,
        acting: false,
        interim: false,
        designate: false,
        start: isoDate('2012-04-02'),
        lineManager: 'Area Commander Hart',
        appointmentProcessId: null,
        minimumTermEnd: isoDate('2015-04-02'),
      },
    };
    const tenure = projectionSpecification(createTenureView);
    tenure([started]).then((view) => {
      expect(view.tenureOf(camden).postings.map((posting) => posting.minimumTerm)).toEqual(['pending']);
    });
    const [envelope] = envelopesOf([started], { firstPosition: 100n });
    expect([envelope?.stream, envelope?.revision, envelope?.position]).toEqual(['posting-borough-camden', 0n, 100n]);
  });

  it('the appointment arbitraries', () => {
    const opened = fc.sample(openAppointmentProcessArbitrary({ processId: fc.constant('camden-2012') }), 3);
    const candidates = fc.sample(candidateOfficerArbitrary, 3);
    const confirmed = fc.sample(appointmentConfirmedArbitrary, 3);
    const completed = fc.sample(validAppointmentHistory(defaultPolicy).filter((history) => history.stage === 'completed'), 3);
    expect([opened, candidates, confirmed, completed].map((drawn) => drawn.length)).toEqual([3, 3, 3, 3]);
    expect(completed.every((history) => history.events.at(-1)?.type === 'OutcomeReported')).toBe(true);
  });

  it('the restructure arbitraries', () => {
    const vocabulary = { ...defaultRestructureVocabulary, bcuNames: ['Central North'] };
    const proposals = fc.sample(proposeBcuArbitrary(vocabulary), 3);
    const wentLive = fc.sample(bcuWentLiveArbitrary(vocabulary), 3);
    const restructures = fc.sample(validRestructureHistory(defaultPolicy), 2);
    expect([...proposals, ...wentLive].every((drawn) => ('bcu' in drawn ? drawn.bcu : drawn.data.bcu) === 'Central North')).toBe(true);
    expect(restructures.every((history) => history.bcus.length > 0)).toBe(true);
  });

  it('a conformance case of your own', async () => {
    const readsBack = conformanceCase('my guarantees', 'a stream reads back what was appended', async ({ store, stream, append }) => {
      mustSucceed(await append(stream('orders'), numberedItems('item', 1, 3), 'no_stream'), 'an append to a new stream succeeds');
      const events = await readStreamOk(store, stream('orders'), undefined, 'a written stream can be read');
      ensureEqual(idsOf(events).length, 3, 'every event appended is read back');
    });
    await readsBack.run({ name: 'in-memory', open: (registry) => Promise.resolve(createInMemoryStore(registry)) });
  });

  it('arbitraries of commands, events and valid histories', () => {
    const commands = fc.sample(postingCommandArbitrary({ unit: { kind: 'borough', name: 'Camden' } }), 5);
    const events = fc.sample(postingStartedArbitrary, 5);
    const histories = fc.sample(validAppointmentHistory(defaultPolicy), 5);
    expect(commands.length + events.length + histories.length).toBe(15);
  });

  it('replaying a reported failure', async () => {
    const check = async (history: LondonHistory): Promise<void> => {
      const { views } = await runLondonHistory(history);
      expect(views.tenure.units().length).toBeGreaterThan(0);
    };
    await fc.assert(fc.asyncProperty(londonHistoryArbitrary(), check), { seed: 1_234_567, path: '0' });
  });
});

describeEventStoreConformance({
  name: 'my wrapped in-memory store',
  open: (registry) => Promise.resolve(createInMemoryStore(registry)),
});
