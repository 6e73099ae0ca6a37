import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { addDays, addYears, daysBetween, defaultPolicy, isLondonBorough, londonBcus, type DomainEvent } from '@borough-command/domain';
import type { RecordedEvent } from '@borough-command/domain/eventsourcing';
import { describe, expect, it } from 'vitest';
import { boroughsInBcuOrder, londonHistoryArbitrary, runLondonHistory, type LondonHistory } from '../src/index.js';

const RUNS = 30;

/** The event of one type. */
type EventOfType<T extends DomainEvent['type']> = Extract<DomainEvent, { readonly type: T }>;

/** The data of the events of one type, in order. */
const ofType = <T extends DomainEvent['type']>(events: readonly RecordedEvent<DomainEvent>[], type: T): readonly EventOfType<T>['data'][] =>
  events.flatMap((envelope) => (envelope.event.type === type ? [envelope.event as EventOfType<T>] : [])).map((event) => event.data as unknown as EventOfType<T>['data']);

describe('londonHistoryArbitrary', () => {
  it('every generated history runs through the domain service with no command and no reaction refused', async () => {
    await fc.assert(
      fc.asyncProperty(londonHistoryArbitrary({ years: 4, boroughs: 8, appointmentsPerYear: 4 }), async (history) => {
        const run = await runLondonHistory(history);
        expect(run.events.length).toBeGreaterThanOrEqual(history.commands.length);
      }),
      { numRuns: RUNS },
    );
  });

  it('histories under the default policy (enforce mode) run too, and record no breach', async () => {
    await fc.assert(
      fc.asyncProperty(londonHistoryArbitrary({ policy: defaultPolicy, years: 4 }), async (history) => {
        const run = await runLondonHistory(history);
        expect(ofType(run.events, 'MinimumTermBreached')).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps to its size options: years, boroughs from the reference data, no command after the last day', () => {
    fc.assert(
      fc.property(londonHistoryArbitrary({ years: { min: 2, max: 3 }, boroughs: { min: 3, max: 5 } }), (history) => {
        const years = [2, 3].filter((count) => addDays(addYears(history.from, count), -1) === history.until);
        expect(years).toHaveLength(1);
        expect(history.boroughs.length).toBeGreaterThanOrEqual(3);
        expect(history.boroughs.length).toBeLessThanOrEqual(5);
        expect(new Set(history.boroughs).size).toBe(history.boroughs.length);
        expect(history.boroughs.every(isLondonBorough)).toBe(true);
        expect(history.commands.every((command) => command.at <= history.until)).toBe(true);
        expect(history.commands.map((command) => command.at)).toEqual(history.commands.map((command) => command.at).sort());
      }),
      { numRuns: 100 },
    );
  });

  it('AP-12: every confirmed appointment started its posting, and every completed process followed AP-2 to AP-10', async () => {
    await fc.assert(
      fc.asyncProperty(londonHistoryArbitrary({ appointmentsPerYear: 4 }), async (history) => {
        const run = await runLondonHistory(history);
        const starts = ofType(run.events, 'PostingStarted');
        for (const decision of ofType(run.events, 'AppointmentConfirmed')) {
          expect(starts.filter((start) => start.appointmentProcessId === decision.processId)).toEqual([
            expect.objectContaining({ postingId: decision.processId, officer: decision.candidate, start: decision.startDate, acting: false }),
          ]);
        }
        for (const processId of run.views.compliance.processes()) {
          const compliance = run.views.compliance.complianceOf(processId);
          if (compliance?.stage !== 'completed') continue;
          expect(compliance.rules.filter((rule) => rule.status !== 'followed').map((rule) => `${rule.rule} ${rule.status}`)).toEqual([]);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('PO-6 and RS-4: a BCU that goes live ends its boroughs\' postings and its commander takes command (AC-1 on the day)', async () => {
    await fc.assert(
      fc.asyncProperty(londonHistoryArbitrary({ restructure: 'always', years: 3 }), async (history) => {
        const run = await runLondonHistory(history);
        for (const bcu of history.bcus) {
          if (bcu.goLive === null) continue;
          const commander = ofType(run.events, 'BcuWentLive').find((live) => live.bcu === bcu.name)?.commander;
          expect(commander).toBeDefined();
          for (const borough of bcu.boroughs) {
            const answer = run.views.accountability.accountabilityOn(borough, bcu.goLive);
            expect(E.isRight(answer) && answer.right.commandUnit.unit).toEqual({ kind: 'bcu', name: bcu.name });
            expect(E.isRight(answer) && answer.right.commander?.officer).toEqual(commander);
            const stillInPost = run.views.tenure.postingsOn({ kind: 'borough', name: borough }, bcu.goLive);
            expect(stillInPost).toEqual([]);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('PO-1: no unit ever has two substantive commanders on one day', async () => {
    await fc.assert(
      fc.asyncProperty(londonHistoryArbitrary({ appointmentsPerYear: 5, years: 4 }), async (history) => {
        const run = await runLondonHistory(history);
        for (const unit of run.views.tenure.units()) {
          const substantive = run.views.tenure.tenureOf(unit).postings.filter((posting) => !posting.acting);
          for (const [index, posting] of substantive.entries()) {
            const next = substantive[index + 1];
            if (next !== undefined) expect(posting.end !== null && posting.end <= next.start).toBe(true);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('takes BCUs from the reference data: each merges two or more of the history\'s boroughs of one 2018 BCU, pathfinders first', () => {
    fc.assert(
      fc.property(londonHistoryArbitrary({ restructure: 'always', boroughs: { min: 2, max: 12 } }), (history) => {
        for (const bcu of history.bcus) {
          const reference = londonBcus.find((candidate) => candidate.name === bcu.name);
          expect(bcu.boroughs.length).toBeGreaterThanOrEqual(2);
          expect(bcu.boroughs.every((borough) => history.boroughs.includes(borough) && reference?.boroughs.includes(borough) === true)).toBe(true);
        }
        const pathfinders = history.bcus.filter((bcu) => bcu.pathfinder).length;
        expect(history.bcus.slice(0, pathfinders).every((bcu) => bcu.pathfinder)).toBe(true);
        expect(history.bcus.length === 0 || pathfinders > 0).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('draws every part of the story across a sample: appointments, declines, abandonments, acting cover, breaches, unpartnered assessments, pathfinders and roll-outs', async () => {
    const seen = new Map<string, number>();
    const note = (what: string, happened: boolean): void => {
      if (happened) seen.set(what, (seen.get(what) ?? 0) + 1);
    };
    for (const history of fc.sample(londonHistoryArbitrary({ years: 4, appointmentsPerYear: 3 }), { numRuns: 60, seed: 20_170_101 })) {
      const { events } = await runLondonHistory(history);
      note('appointment', ofType(events, 'AppointmentConfirmed').length > 0);
      note('decline', ofType(events, 'ProposalDeclined').length > 0);
      note('abandoned', ofType(events, 'AppointmentProcessAbandoned').length > 0);
      note('acting', ofType(events, 'PostingStarted').some((start) => start.acting));
      note('breach', ofType(events, 'MinimumTermBreached').length > 0);
      const ends = ofType(events, 'PostingEnded');
      note('early with an exception', ends.some((end) => end.minimumTermMet === false && end.exceptional && end.reason !== 'organisational-restructure'));
      note('unpartnered assessment', ofType(events, 'PerformanceAssessed').some((assessment) => assessment.noPartnerInvolved));
      note('pathfinder live', history.bcus.some((bcu) => bcu.pathfinder && bcu.goLive !== null));
      note('roll-out live', history.bcus.some((bcu) => !bcu.pathfinder && bcu.goLive !== null));
      const successors = ofType(events, 'PostingStarted').filter((start) => start.unit.kind === 'borough' && !start.postingId.endsWith('-commander-1'));
      note('direct posting before role descriptions', successors.some((start) => !start.acting && start.appointmentProcessId === null));
    }
    const parts = ['abandoned', 'acting', 'appointment', 'breach', 'decline', 'direct posting before role descriptions'];
    expect([...seen.keys()].sort()).toEqual([...parts, 'early with an exception', 'pathfinder live', 'roll-out live', 'unpartnered assessment'].sort());
  });

  it('shrinks a failure towards the smallest history: two neighbouring boroughs, a year or two, one appointment, no restructure', () => {
    const result = fc.check(
      fc.property(londonHistoryArbitrary({ years: 5, boroughs: 10, appointmentsPerYear: 4 }), (history) => history.appointments === 0),
      { numRuns: 200, seed: 42 },
    );
    expect(result.failed).toBe(true);
    const [smallest] = result.counterexample ?? [];
    const history = smallest as LondonHistory;
    expect(history.boroughs).toEqual(boroughsInBcuOrder.slice(0, 2));
    expect(daysBetween(history.from, history.until)).toBeLessThan(731);
    expect(history.bcus).toEqual([]);
    expect(history.appointments).toBe(1);
  });

  it('is deterministic: the same seed gives the same histories', () => {
    const draw = (): readonly LondonHistory[] => fc.sample(londonHistoryArbitrary(), { numRuns: 10, seed: 2009 });
    expect(draw().map((history) => history.commands)).toEqual(draw().map((history) => history.commands));
  });
});
