import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { postingCommandArbitrary, validPostingHistory, type PostingHistory } from '@borough-command/testing';
import { endPostingArbitrary, startPostingArbitrary, assessPerformanceArbitrary } from '@borough-command/testing/arbitraries';
import { createRegistry } from '../../src/eventsourcing/codec-registry.js';
import { defaultPolicy, policyWith, type Policy } from '../../src/policy/policy.js';
import { postingDecider } from '../../src/posting/posting-decider.js';
import { postingEventDefinitions, type PostingEvent } from '../../src/posting/posting-events.js';
import type { PostingCommand } from '../../src/posting/posting-commands.js';
import type { PostingRejection } from '../../src/posting/posting-rejections.js';
import type { PostingState } from '../../src/posting/posting-state.js';
import { isoDate, type IsoDate } from '../../src/shared/iso-date.js';
import type { CommandUnit } from '../../src/shared/vocabulary.js';
import { camden, centralNorth, endPosting, postingStarted } from './posting-fixtures.js';

const recordPolicy = policyWith({ enforcement: 'record' });
const registry = createRegistry(postingEventDefinitions);
const DAY = 86_400_000;

/** Days from one date to another, counted here with the platform's calendar. */
const daysFrom = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
/** The date `days` days after `date`, counted here with the platform's calendar. */
const plusDays = (date: string, days: number): IsoDate =>
  isoDate(new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10));
/** The third anniversary of a date; 29 February's falls on 1 March. */
const thirdAnniversary = (date: string): IsoDate => {
  const year = Number(date.slice(0, 4)) + 3;
  return isoDate(date.slice(5) === '02-29' ? `${String(year)}-03-01` : `${String(year)}${date.slice(4)}`);
};
const DEFAULT_EXCEPTIONAL = ['personal', 'professional', 'organisational-restructure'];

interface Outcome {
  readonly state: PostingState;
  readonly accepted: readonly (readonly PostingEvent[])[];
  readonly refused: readonly PostingRejection[];
}

/** Runs commands one by one; a refused command changes nothing. */
const run = (
  policy: Policy,
  commands: readonly PostingCommand[],
  onAccepted: (events: readonly PostingEvent[]) => void = () => undefined,
): Outcome => {
  const decider = postingDecider(policy);
  let state = decider.initialState;
  const accepted: (readonly PostingEvent[])[] = [];
  const refused: PostingRejection[] = [];
  for (const command of commands) {
    const decided = decider.decide(command, state);
    if (E.isLeft(decided)) {
      refused.push(decided.left);
      continue;
    }
    accepted.push(decided.right);
    state = decided.right.reduce(decider.evolve, state);
    onAccepted(accepted.flat());
  }
  return { state, accepted, refused };
};

interface Period {
  readonly role: string;
  readonly acting: boolean;
  readonly officer: string;
  readonly start: string;
  readonly end: string | undefined;
}

/** The postings the events describe, read from the events alone. */
const periodsOf = (events: readonly PostingEvent[]): ReadonlyMap<string, Period> => {
  const periods = new Map<string, Period>();
  for (const event of events) {
    if (event.type === 'PostingStarted') {
      const { postingId, role, acting, officer, start } = event.data;
      periods.set(postingId, { role, acting, officer: officer.id, start, end: undefined });
    } else if (event.type === 'PostingEnded') {
      const before = periods.get(event.data.postingId);
      if (before !== undefined) periods.set(event.data.postingId, { ...before, end: event.data.end });
    }
  }
  return periods;
};

const overlap = (a: Period, b: Period): boolean => a.start < (b.end ?? '9999-12-31') && b.start < (a.end ?? '9999-12-31');

const unitArbitrary: fc.Arbitrary<CommandUnit> = fc.constantFrom(camden, centralNorth);
const randomCommands = unitArbitrary.chain((unit) =>
  fc.array(postingCommandArbitrary({ unit, from: isoDate('2005-01-01'), to: isoDate('2016-12-31') }), { maxLength: 40 }),
);
const bothModes = fc.constantFrom(defaultPolicy, recordPolicy);
const histories = bothModes.chain((policy) => validPostingHistory(policy));

describe('posting properties', () => {
  it('PO-1 no sequence of commands produces two active substantive commanders in one role of a unit, but where record mode recorded the later one\'s PO-1 departure', () => {
    fc.assert(
      fc.property(bothModes, randomCommands, (policy, commands) => {
        run(policy, commands, (events) => {
          const departed = new Set(events.flatMap((event) => (event.type === 'PostingRuleDeparted' && event.data.rule === 'PO-1' ? [event.data.postingId] : [])));
          if (policy.enforcement === 'enforce') expect([...departed]).toEqual([]);
          // Leave out the postings recorded after a departure: the others keep the rule.
          const active = [...periodsOf(events).entries()].filter(([id, period]) => period.end === undefined && !departed.has(id)).map(([, period]) => period);
          for (const role of ['borough-commander', 'link-borough-commander', 'bcu-commander']) {
            const inRole = active.filter((period) => period.role === role);
            expect(inRole.filter((period) => !period.acting).length).toBeLessThanOrEqual(1);
            // An acting commander covers a vacancy only: never beside another holder of the role.
            expect(inRole.length).toBeLessThanOrEqual(1);
          }
          const officers = active.map((period) => period.officer);
          expect(new Set(officers).size).toBe(officers.length);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('PO-1 no two postings of one role in a unit overlap on the calendar, but where record mode recorded the second one\'s PO-1 departure', () => {
    fc.assert(
      fc.property(bothModes, randomCommands, (policy, commands) => {
        const events = run(policy, commands).accepted.flat();
        const departed = new Set(events.flatMap((event) => (event.type === 'PostingRuleDeparted' ? [event.data.postingId] : [])));
        if (policy.enforcement === 'enforce') expect([...departed]).toEqual([]);
        const periods = [...periodsOf(events).entries()];
        periods.forEach(([idA, a], i) => {
          periods.slice(i + 1).forEach(([idB, b]) => {
            if (a.role !== b.role || !overlap(a, b)) return;
            // The posting recorded second is the one that started inside the other.
            expect(departed.has(idB), `${idA} ${JSON.stringify(a)} overlaps ${idB} ${JSON.stringify(b)} with no PO-1 departure recorded for ${idB}`).toBe(true);
          });
        });
      }),
      { numRuns: 200 },
    );
  });

  it('PO-1 every event the decider records satisfies its codec, whatever the commands', () => {
    fc.assert(
      fc.property(bothModes, randomCommands, (policy, commands) => {
        for (const event of run(policy, commands).accepted.flat()) {
          expect(E.isRight(registry.encode(event, { stream: 'posting-test', revision: undefined }))).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('PO-2 daysServed always equals end minus start', () => {
    const check = (events: readonly PostingEvent[]): void => {
      for (const event of events) {
        if (event.type === 'PostingEnded') expect(event.data.daysServed).toBe(daysFrom(event.data.start, event.data.end));
      }
    };
    fc.assert(
      fc.property(histories, (history) => {
        check(history.events);
      }),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(bothModes, randomCommands, (policy, commands) => {
        check(run(policy, commands).accepted.flat());
      }),
      { numRuns: 100 },
    );
  });

  it('PO-2 the minimum term ends on the third anniversary of substantive borough and BCU commander postings from 2009-07-01, and only those', () => {
    fc.assert(
      fc.property(histories, (history) => {
        for (const event of history.events) {
          if (event.type !== 'PostingStarted') continue;
          const { role, acting, start, minimumTermEnd } = event.data;
          const applies = (role === 'borough-commander' || role === 'bcu-commander') && !acting && start >= '2009-07-01';
          expect(minimumTermEnd).toBe(applies ? thirdAnniversary(start) : null);
        }
      }),
      { numRuns: 150 },
    );
  });

  const earlyEnd = fc.record({
    start: fc.integer({ min: 0, max: 4000 }).map((days) => plusDays('2009-07-01', days)),
    served: fc.nat(1095),
    reason: fc.constantFrom('personal', 'professional', 'organisational-restructure', 'promotion', 'retirement', 'misconduct', 'other'),
    approvedBy: fc.option(fc.constant('ACTP'), { nil: undefined }),
    detail: fc.option(fc.constant('family illness'), { nil: undefined }),
  });

  /** PO-3: an early end is justified by an approved exceptional reason shown by its circumstances (a restructure needs one named). */
  const justifiedEnd = (reason: string, approvedBy: string | undefined, detail: string | undefined): boolean =>
    DEFAULT_EXCEPTIONAL.includes(reason) && reason !== 'organisational-restructure' && detail !== undefined && approvedBy !== undefined;

  it('PO-3 in record mode no early end is refused for lack of a reason; every early end without an approved exceptional reason has a MinimumTermBreached', () => {
    fc.assert(
      fc.property(earlyEnd, ({ start, served, reason, approvedBy, detail }) => {
        const term = thirdAnniversary(start);
        const end = plusDays(start, Math.min(served, daysFrom(start, term) - 1));
        const decider = postingDecider(recordPolicy);
        const decided = decider.decide(
          endPosting({ at: end, reason, ...(approvedBy === undefined ? {} : { approvedBy }), ...(detail === undefined ? {} : { detail }) }),
          decider.evolve(decider.initialState, postingStarted({ start, minimumTermEnd: term })),
        );
        if (E.isLeft(decided)) expect.fail(decided.left.message);
        const justified = justifiedEnd(reason, approvedBy, detail);
        const breaches = decided.right.filter((event) => event.type === 'MinimumTermBreached');
        expect(breaches.length).toBe(justified ? 0 : 1);
        for (const breach of breaches) expect(breach.data.daysShort).toBe(daysFrom(end, term));
        expect(decided.right[0]).toMatchObject({ type: 'PostingEnded', data: { minimumTermMet: false, exceptional: justified } });
      }),
      { numRuns: 200 },
    );
  });

  it('PO-3 in enforce mode an early end is accepted exactly when an exceptional reason was approved', () => {
    fc.assert(
      fc.property(earlyEnd, ({ start, served, reason, approvedBy, detail }) => {
        const term = thirdAnniversary(start);
        const end = plusDays(start, Math.min(served, daysFrom(start, term) - 1));
        const decider = postingDecider(defaultPolicy);
        const decided = decider.decide(
          endPosting({ at: end, reason, ...(approvedBy === undefined ? {} : { approvedBy }), ...(detail === undefined ? {} : { detail }) }),
          decider.evolve(decider.initialState, postingStarted({ start, minimumTermEnd: term })),
        );
        const justified = justifiedEnd(reason, approvedBy, detail);
        expect(E.isRight(decided)).toBe(justified);
        if (E.isLeft(decided)) expect(decided.left).toMatchObject({ rule: 'PO-3', daysShort: daysFrom(end, term) });
      }),
      { numRuns: 200 },
    );
  });

  it('PO-3 in valid histories an early end without an approved exceptional reason is followed by its breach in record mode, and never happens in enforce mode', () => {
    fc.assert(
      fc.property(histories, (history: PostingHistory) => {
        history.events.forEach((event, index) => {
          if (event.type !== 'PostingEnded') return;
          const unjustified = event.data.minimumTermMet === false && !event.data.exceptional;
          const next = history.events[index + 1];
          const breachFollows = next?.type === 'MinimumTermBreached' && next.data.postingId === event.data.postingId;
          expect(breachFollows).toBe(unjustified);
          if (history.policy.enforcement === 'enforce') expect(unjustified).toBe(false);
          if (event.data.minimumTermMet === false && event.data.exceptional && event.data.reason !== 'organisational-restructure') {
            expect(DEFAULT_EXCEPTIONAL).toContain(event.data.reason);
            expect(event.data.approvedBy).not.toBeNull();
            expect(event.data.detail).not.toBeNull();
          }
        });
      }),
      { numRuns: 150 },
    );
  });

  it('PO-4 an assessment is flagged exactly when no partner contributed', () => {
    fc.assert(
      fc.property(histories, (history) => {
        for (const event of history.events) {
          if (event.type === 'PerformanceAssessed') expect(event.data.noPartnerInvolved).toBe(event.data.partners.length === 0);
        }
      }),
      { numRuns: 100 },
    );
  });

  const withEndedPosting = histories
    .map((history) => ({ history, ended: history.events.flatMap((event) => (event.type === 'PostingEnded' ? [event.data.postingId] : [])) }))
    .filter(({ ended }) => ended.length > 0);

  it('PO-5 an ended posting accepts no command; record mode records a late assessment of it after its PO-5 departure, and nothing else', () => {
    fc.assert(
      fc.property(
        withEndedPosting.chain(({ history, ended }) =>
          fc.tuple(
            fc.constant(history),
            fc.oneof(
              startPostingArbitrary({ unit: history.unit, postingIds: ended }),
              endPostingArbitrary({ unit: history.unit, postingIds: ended, to: isoDate('2100-12-31') }),
              assessPerformanceArbitrary({ unit: history.unit, postingIds: ended, to: isoDate('2100-12-31') }),
            ),
          ),
        ),
        ([history, command]) => {
          const decider = postingDecider(history.policy);
          const state = history.events.reduce(decider.evolve, decider.initialState);
          const decided = decider.decide(command, state);
          if (history.policy.enforcement === 'record' && command.type === 'AssessPerformance' && E.isRight(decided)) {
            expect(decided.right.map((event) => event.type)).toEqual(['PostingRuleDeparted', 'PerformanceAssessed']);
            expect(decided.right[0]?.data).toMatchObject({ rule: 'PO-5', departure: 'PostingAlreadyEnded', postingId: command.postingId });
            return;
          }
          // (a late assessment dated before the posting began is refused by PO-4 first)
          expect(E.isLeft(decided) && decided.left).toMatchObject(
            command.type === 'AssessPerformance' && history.policy.enforcement === 'record' ? { rule: 'PO-4' } : { _tag: 'PostingAlreadyEnded', rule: 'PO-5' },
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('PO-6 a restructure ends every active posting as exceptional, never a breach, and a second run changes nothing', () => {
    fc.assert(
      fc.property(histories, fc.nat(400), (history, gap) => {
        const decider = postingDecider(history.policy);
        const state = history.events.reduce(decider.evolve, decider.initialState);
        const lastDay = history.commands.map((command) => command.at).reduce((a, b) => (a < b ? b : a), '2000-01-01');
        const at = plusDays(lastDay, gap);
        const restructure: PostingCommand = {
          type: 'EndPostingsForRestructure',
          commandId: 'restructure-x',
          at,
          unit: history.unit,
          bcu: 'Central North',
        };
        const active = [...periodsOf(history.events).entries()].filter(([, period]) => period.end === undefined).map(([id]) => id);
        const decided = decider.decide(restructure, state);
        if (E.isLeft(decided)) expect.fail(decided.left.message);
        expect(decided.right.map((event) => event.type === 'PostingEnded' && event.data.postingId)).toEqual(active);
        for (const event of decided.right) {
          expect(event).toMatchObject({ type: 'PostingEnded', data: { reason: 'organisational-restructure', exceptional: true, end: at } });
        }
        const after = decided.right.reduce(decider.evolve, state);
        expect(decider.decide({ ...restructure, commandId: 'restructure-y' }, after)).toEqual(E.right([]));
      }),
      { numRuns: 150 },
    );
  });
});
