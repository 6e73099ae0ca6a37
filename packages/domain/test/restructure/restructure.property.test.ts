import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { defaultPolicy, valuesOn } from '../../src/policy/policy.js';
import { isoDate } from '../../src/shared/iso-date.js';
import { londonBoroughs } from '../../src/reference/london-boroughs.js';
import { coreFunctions } from '../../src/shared/vocabulary.js';
import { holdsBoroughs, superintendentsOf, twentyFourHourStationsOf } from '../../src/restructure/restructure-queries.js';
import { restructureDecider } from '../../src/restructure/restructure-decider.js';
import type { RestructureCommand } from '../../src/restructure/restructure-commands.js';
import type { RestructureEvent } from '../../src/restructure/restructure-events.js';
import type { RestructureRejection } from '../../src/restructure/restructure-rejections.js';
import type { RestructureState } from '../../src/restructure/restructure-state.js';
import { restructureCommandArbitrary, validRestructureHistory, type RestructureVocabulary } from '@borough-command/testing';
import { startRestructureProgrammeArbitrary } from '@borough-command/testing/arbitraries';

const decider = restructureDecider(defaultPolicy);

/** One decided command: the state it was decided in, the decision, and the state after. */
interface Step {
  readonly command: RestructureCommand;
  readonly before: RestructureState;
  readonly decision: E.Either<RestructureRejection, readonly RestructureEvent[]>;
  readonly after: RestructureState;
}

const replay = (commands: readonly RestructureCommand[]): readonly Step[] => {
  let state = decider.initialState;
  return commands.map((command) => {
    const before = state;
    const decision = decider.decide(command, before);
    if (E.isRight(decision)) state = decision.right.reduce(decider.evolve, before);
    return { command, before, decision, after: state };
  });
};

const eventsOf = (step: Step): readonly RestructureEvent[] => (E.isRight(step.decision) ? step.decision.right : []);

/** Random commands over a small vocabulary, after a pathfinder programme has started so proposals can succeed. */
const randomCommands = (vocabulary: Partial<RestructureVocabulary> = {}): fc.Arbitrary<RestructureCommand[]> =>
  fc
    .tuple(
      startRestructureProgrammeArbitrary(vocabulary).map((command) => ({ ...command, programmeId: 'pathfinder', stage: 'pathfinder' as const })),
      fc.array(restructureCommandArbitrary(vocabulary), { minLength: 5, maxLength: 60 }),
    )
    .map(([start, rest]) => [start, ...rest]);

/** The names valid histories use, so noise commands meet their programmes, BCUs and boroughs. */
const historyVocabulary: Partial<RestructureVocabulary> = {
  programmeIds: ['pathfinder', 'roll-out', 'second-wave'],
  bcuNames: ['Pathfinder BCU 1', 'Pathfinder BCU 2', 'Roll-out BCU 1', 'Roll-out BCU 2', 'Withdrawn BCU'],
  boroughs: [...londonBoroughs.slice(0, 12).map((borough) => borough.name), 'City of London'],
};

/** A valid history with some commands dropped and random commands slipped in: many go-lives succeed, many are refused. */
const disturbedHistory: fc.Arbitrary<RestructureCommand[]> = validRestructureHistory().chain((history) =>
  fc
    .tuple(
      fc.array(fc.integer({ min: 0, max: 11 }), { minLength: history.commands.length, maxLength: history.commands.length }),
      fc.array(fc.tuple(fc.nat({ max: history.commands.length }), restructureCommandArbitrary(historyVocabulary)), { maxLength: 20 }),
    )
    .map(([keep, noise]) => {
      const kept = history.commands.filter((_, index) => keep[index] !== 0);
      return noise.reduce<RestructureCommand[]>(
        (commands, [position, command]) => [...commands.slice(0, position), command, ...commands.slice(position)],
        kept,
      );
    }),
);

const anySequence = fc.oneof(randomCommands(), randomCommands(historyVocabulary), disturbedHistory);

describe('restructure properties', () => {
  it('RS-1 no sequence of commands produces a borough in two proposed-or-live BCUs at once', () => {
    let proposals = 0;
    fc.assert(
      fc.property(anySequence, (commands) => {
        for (const step of replay(commands)) {
          proposals += eventsOf(step).filter((event) => event.type === 'BcuProposed').length;
          const holders = new Map<string, number>();
          for (const bcu of step.after.bcus.values()) {
            if (!holdsBoroughs(bcu)) continue;
            expect(bcu.boroughs.length).toBeGreaterThanOrEqual(2);
            expect(new Set(bcu.boroughs).size).toBe(bcu.boroughs.length);
            for (const borough of bcu.boroughs) holders.set(borough, (holders.get(borough) ?? 0) + 1);
          }
          for (const [borough, count] of holders) expect({ borough, count }).toEqual({ borough, count: 1 });
        }
      }),
      { numRuns: 150 },
    );
    expect(proposals).toBeGreaterThan(0);
  });

  it('RS-7 no sequence of commands leaves a ward with fewer DWOs than the policy in force on the allocation required', () => {
    let refusals = 0;
    fc.assert(
      fc.property(anySequence, (commands) => {
        for (const step of replay(commands)) {
          if (E.isLeft(step.decision) && step.decision.left._tag === 'WardBelowMinimum') refusals += 1;
          for (const allocation of step.after.wardOfficers.values()) {
            const minimum = valuesOn(defaultPolicy, allocation.on).minimumDedicatedWardOfficers;
            expect(allocation.officersPerWard).toBeGreaterThanOrEqual(minimum);
            for (const exception of allocation.exceptions) expect(exception.officers).toBeGreaterThanOrEqual(minimum);
          }
        }
      }),
      { numRuns: 150 },
    );
    expect(refusals).toBeGreaterThan(0);
  });

  it('RS-8 no borough ever loses its last 24/7 station', () => {
    let closures = 0;
    fc.assert(
      fc.property(anySequence, (commands) => {
        for (const step of replay(commands)) {
          closures += eventsOf(step).filter((event) => event.type === 'TwentyFourHourStationClosed').length;
          for (const borough of step.before.stations.keys()) {
            if (twentyFourHourStationsOf(step.before, borough).length > 0) {
              expect(twentyFourHourStationsOf(step.after, borough).length).toBeGreaterThan(0);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
    expect(closures).toBeGreaterThan(0);
  });

  it('RS-5 RS-4 RS-2 RS-7 RS-8 no BCU goes live without a commander, four function leads, a dedicated superintendent per borough, its consultations, DWOs and 24/7 stations', () => {
    let live = 0;
    let refused = 0;
    fc.assert(
      fc.property(disturbedHistory, (commands) => {
        for (const step of replay(commands)) {
          if (step.command.type === 'TakeBcuLive' && E.isLeft(step.decision)) refused += 1;
          for (const event of eventsOf(step)) {
            if (event.type !== 'BcuWentLive') continue;
            live += 1;
            const bcu = step.before.bcus.get(event.data.bcu);
            expect(bcu?.status).toBe('proposed');
            if (bcu === undefined) return;
            // RS-4: a chief superintendent, interim only in a pathfinder.
            expect(event.data.commander.rank).toBe('chief-superintendent');
            expect(event.data.commander).toEqual(bcu.commander?.officer);
            if (event.data.interim) expect(bcu.pathfinder).toBe(true);
            // RS-5: a superintendent leads each of the four core functions; every borough has its dedicated superintendent.
            expect(event.data.functionLeads.map((lead) => lead.function)).toEqual([...coreFunctions]);
            expect(event.data.dedicatedSuperintendents.map((dedicated) => dedicated.borough)).toEqual(bcu.boroughs);
            for (const { superintendent } of [...event.data.functionLeads, ...event.data.dedicatedSuperintendents]) {
              expect(superintendent.rank).toBe('superintendent');
            }
            if (bcu.pathfinder) expect(superintendentsOf(bcu).length).toBeLessThanOrEqual(valuesOn(defaultPolicy, isoDate('2017-01-01')).superintendentsPerBcu);
            // RS-2: every borough's leader and chief executive, and MOPAC.
            for (const borough of bcu.boroughs) {
              for (const consultee of ['local-authority-leader', 'local-authority-chief-executive'] as const) {
                expect(bcu.consultations.some((done) => done.consultee === consultee && done.borough === borough)).toBe(true);
              }
            }
            expect(bcu.consultations.some((done) => done.consultee === 'mopac')).toBe(true);
            // RS-7, RS-8: DWOs allocated and a 24/7 station in every borough.
            for (const borough of bcu.boroughs) {
              expect(step.before.wardOfficers.has(borough)).toBe(true);
              expect(twentyFourHourStationsOf(step.before, borough).length).toBeGreaterThan(0);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
    expect(live).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });

  it('RS-3 no roll-out programme starts before a pathfinder evaluation is recorded', () => {
    let rollOuts = 0;
    // Whole valid histories beside the others, so that roll-outs are tried in every run of the test.
    const withRollOuts = fc.oneof(anySequence, validRestructureHistory().map((history) => history.commands));
    fc.assert(
      fc.property(withRollOuts, (commands) => {
        let evaluated = false;
        for (const step of replay(commands)) {
          for (const event of eventsOf(step)) {
            if (event.type === 'PathfinderEvaluationRecorded') evaluated = true;
            if (event.type === 'RestructureProgrammeStarted' && event.data.stage === 'roll-out') {
              rollOuts += 1;
              expect(evaluated).toBe(true);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
    expect(rollOuts).toBeGreaterThan(0);
  });

  it('RS-6 RS-9 resources are shared, and BCUs dissolved, only while live; an abandoned programme records nothing more', () => {
    fc.assert(
      fc.property(anySequence, (commands) => {
        const abandoned = new Set<string>();
        for (const step of replay(commands)) {
          for (const event of eventsOf(step)) {
            if (event.type === 'ResourcesShared' || event.type === 'BcuDissolved') {
              expect(step.before.bcus.get(event.data.bcu)?.status).toBe('live');
            }
            if (event.type === 'BcuProposed' || event.type === 'PathfinderEvaluationRecorded') {
              expect(abandoned.has(event.data.programmeId)).toBe(false);
            }
            if (event.type === 'RestructureProgrammeAbandoned') {
              expect(abandoned.has(event.data.programmeId)).toBe(false);
              for (const bcu of step.before.bcus.values()) {
                if (bcu.programmeId === event.data.programmeId) expect(bcu.status).not.toBe('live');
              }
              abandoned.add(event.data.programmeId);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('RS-9 history is never rewritten: every accepted command only appends events, and a refused one changes nothing', () => {
    fc.assert(
      fc.property(anySequence, (commands) => {
        for (const step of replay(commands)) {
          if (E.isLeft(step.decision)) {
            expect(step.after).toBe(step.before);
          } else {
            for (const bcu of step.before.bcus.values()) {
              const later = step.after.bcus.get(bcu.name);
              expect(later?.proposedOn).toBe(bcu.proposedOn);
              if (bcu.wentLiveOn !== undefined) expect(later?.wentLiveOn).toBe(bcu.wentLiveOn);
            }
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
