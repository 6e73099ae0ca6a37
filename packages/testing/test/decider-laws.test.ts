import { createRegistry, defineEvent, type Decider, type EventOf } from '@borough-command/domain/eventsourcing';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { checkDeciderLaws, DeciderLawViolation, type DeciderHistory, type DeciderLaw } from '../src/index.js';

// ---------------------------------------------------------------- a till: opened, takes amounts, closed

/** An amount above zero: the codec of an added amount. */
const PositiveAmount = new t.Type<number, number, unknown>(
  'PositiveAmount',
  (input): input is number => typeof input === 'number' && input > 0,
  (input, context) => (typeof input === 'number' && input > 0 ? t.success(input) : t.failure(input, context)),
  t.identity,
);

const tillEvents = [
  defineEvent('Opened', t.type({ owner: t.string })),
  defineEvent('Added', t.type({ amount: PositiveAmount, line: t.number })),
  defineEvent('Closed', t.type({ total: t.number })),
] as const;

type TillEvent = EventOf<(typeof tillEvents)[number]>;

const tillRegistry = createRegistry(tillEvents);

type TillCommand =
  | { readonly kind: 'Open'; readonly owner: string }
  | { readonly kind: 'Add'; readonly amount: number }
  | { readonly kind: 'Close' };

interface TillState {
  readonly status: 'new' | 'open' | 'closed';
  readonly total: number;
  readonly lines: number;
}

/** The till's rules: T-1 opened once and first, T-2 amounts above zero, T-3 a closed till takes nothing. */
const tillRules = ['T-1', 'T-2', 'T-3'] as const;

interface TillRejection {
  readonly rule: string;
  readonly message: string;
}

const refuse = (rule: string, message: string): E.Either<TillRejection, readonly TillEvent[]> => E.left({ rule, message });

const added = (state: TillState, amount: number): TillEvent => ({ type: 'Added', data: { amount, line: state.lines + 1 } });

const tillDecider: Decider<TillCommand, TillState, TillEvent, TillRejection> = {
  decide: (command, state) => {
    if (state.status === 'closed') return refuse('T-3', 'the till is closed');
    switch (command.kind) {
      case 'Open':
        return state.status === 'new' ? E.right([{ type: 'Opened', data: { owner: command.owner } }]) : refuse('T-1', 'already open');
      case 'Add':
        if (state.status !== 'open') return refuse('T-1', 'not open');
        return command.amount > 0 ? E.right([added(state, command.amount)]) : refuse('T-2', 'amounts are above zero');
      case 'Close':
        return state.status === 'open' ? E.right([{ type: 'Closed', data: { total: state.total } }]) : refuse('T-1', 'not open');
    }
  },
  evolve: (state, event) => {
    switch (event.type) {
      case 'Opened':
        return { ...state, status: 'open' };
      case 'Added':
        return { ...state, total: state.total + event.data.amount, lines: event.data.line };
      case 'Closed':
        return { ...state, status: 'closed' };
    }
  },
  initialState: { status: 'new', total: 0, lines: 0 },
  isTerminal: (state) => state.status === 'closed',
};

const tillCommand: fc.Arbitrary<TillCommand> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('ann', 'bob').map((owner) => ({ kind: 'Open' as const, owner })) },
  { weight: 4, arbitrary: fc.integer({ min: -2, max: 9 }).map((amount) => ({ kind: 'Add' as const, amount })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'Close' as const }) },
);

/** The commands a decider accepts, in order, and the events they recorded. */
const accepted = <Command, State, Event, Rejection>(
  decider: Decider<Command, State, Event, Rejection>,
  commands: readonly Command[],
): DeciderHistory<Command, Event> => {
  let state = decider.initialState;
  const kept: Command[] = [];
  const events: Event[] = [];
  for (const command of commands) {
    const decision = decider.decide(command, state);
    if (E.isRight(decision)) {
      kept.push(command);
      events.push(...decision.right);
      state = decision.right.reduce(decider.evolve, state);
    }
  }
  return { commands: kept, events };
};

/** Valid till histories, as the sound till decides them: most are opened, many are closed. */
const tillHistories: fc.Arbitrary<DeciderHistory<TillCommand, TillEvent>> = fc
  .tuple(fc.option(tillCommand, { freq: 5 }), fc.array(tillCommand, { maxLength: 12 }))
  .map(([first, rest]) => accepted(tillDecider, [first ?? { kind: 'Open', owner: 'ann' }, ...rest]));

/** Checks a till decider against the laws with the sound till's histories, its registry and its rules. */
const checkTill = (decider: Decider<TillCommand, TillState, TillEvent, TillRejection>) =>
  checkDeciderLaws({ decider, histories: tillHistories, commands: tillCommand, codecs: tillRegistry, ruleIds: tillRules, numRuns: 100 });

// ---------------------------------------------------------------- a clock: stamps days that only move forward

type ClockCommand = { readonly kind: 'Stamp'; readonly day: number };

interface ClockRejection {
  readonly rule: 'C-1';
  readonly message: string;
}

const DAY_MS = 86_400_000;

const clockCommand: fc.Arbitrary<ClockCommand> = fc.integer({ min: 0, max: 60 }).map((day) => ({ kind: 'Stamp', day }));

/** A clock whose events hold the day as a number: sound, and never terminal. */
const clockDecider: Decider<ClockCommand, { readonly latest: number | undefined }, { readonly type: 'Stamped'; readonly data: { readonly day: number } }, ClockRejection> = {
  decide: (command, state) =>
    state.latest !== undefined && command.day <= state.latest
      ? E.left({ rule: 'C-1', message: 'days only move forward' })
      : E.right([{ type: 'Stamped', data: { day: command.day } }]),
  evolve: (_state, event) => ({ latest: event.data.day }),
  initialState: { latest: undefined },
  isTerminal: () => false,
};

/** The same clock with a `Date` in its events and state: read back from JSON, the date is a string and every day looks new. */
const datedClockDecider: Decider<ClockCommand, { readonly latest: Date | undefined }, { readonly type: 'Stamped'; readonly data: { readonly on: Date } }, ClockRejection> = {
  decide: (command, state) =>
    state.latest instanceof Date && command.day * DAY_MS <= state.latest.getTime()
      ? E.left({ rule: 'C-1', message: 'days only move forward' })
      : E.right([{ type: 'Stamped', data: { on: new Date(command.day * DAY_MS) } }]),
  evolve: (_state, event) => ({ latest: event.data.on }),
  initialState: { latest: undefined },
  isTerminal: () => false,
};

// ---------------------------------------------------------------- helpers

/** The violation a check throws; fails the test when the laws hold. */
const violationOf = (check: () => unknown): DeciderLawViolation => {
  try {
    check();
  } catch (error) {
    if (error instanceof DeciderLawViolation) return error;
    throw error;
  }
  return expect.fail('the decider laws held for a broken decider');
};

const lawsBrokenBy = (check: () => unknown): readonly DeciderLaw[] => violationOf(check).laws;

// ---------------------------------------------------------------- tests

describe('decider laws', () => {
  it('decider laws hold for a sound decider with a terminal state, and say the terminal law was exercised', () => {
    const report = checkTill(tillDecider);
    expect(report.laws).toEqual(['deterministic', 'terminal', 'evolveTotal', 'replay', 'eventsValid']);
    expect(report.terminalStates).toBeGreaterThan(0);
    expect(report.accepted).toBeGreaterThan(0);
    expect(report.rejected).toBeGreaterThan(0);
  });

  it('decider laws hold vacuously for the terminal law of a decider that never terminates, and the report says so', () => {
    const histories = fc.array(clockCommand, { maxLength: 8 }).map((commands) => accepted(clockDecider, commands));
    const report = checkDeciderLaws({ decider: clockDecider, histories, commands: clockCommand, numRuns: 100 });
    expect(report.laws).toEqual(['deterministic', 'terminal', 'evolveTotal', 'replay']);
    expect(report.terminalStates).toBe(0);
  });

  it('decider laws catch a terminal state that accepts a command', () => {
    // The closed-till guard was forgotten for amounts: a closed till takes more.
    const acceptingWhenClosed: typeof tillDecider = {
      ...tillDecider,
      decide: (command, state) =>
        state.status === 'closed' && command.kind === 'Add' && command.amount > 0 ? E.right([added(state, command.amount)]) : tillDecider.decide(command, state),
    };
    const violation = violationOf(() => checkTill(acceptingWhenClosed));
    expect(violation.laws).toEqual(['terminal']);
    expect(violation.message).toContain('a terminal state rejects every command');
    expect(violation.message).toMatch(/seed: -?\d+/);
    expect(violation.message).toContain('Counterexample');
  });

  it('decider laws catch an evolve that throws on a valid event', () => {
    // Closing computes an average amount and throws on a till that took nothing.
    const throwingOnEmptyClose: typeof tillDecider = {
      ...tillDecider,
      evolve: (state, event) => {
        if (event.type === 'Closed' && state.lines === 0) throw new RangeError('no amount to average');
        return tillDecider.evolve(state, event);
      },
    };
    const violation = violationOf(() => checkTill(throwingOnEmptyClose));
    expect(violation.laws).toContain('evolveTotal');
    expect(violation.message).toContain('evolve threw on');
    expect(violation.message).toContain('no amount to average');
  });

  it('decider laws catch a decision that depends on a non-JSON value in state, so replayed differs from live', () => {
    const histories = fc.array(clockCommand, { maxLength: 8 }).map((commands) => accepted(datedClockDecider, commands));
    const violation = violationOf(() => checkDeciderLaws({ decider: datedClockDecider, histories, commands: clockCommand, numRuns: 100 }));
    expect(violation.laws).toEqual(['replay']);
    expect(violation.message).toContain('the live state and the replayed state differ');
  });

  it('decider laws catch a replay difference from histories given as bare event lists', () => {
    const histories = fc.array(clockCommand, { maxLength: 8 }).map((commands) => accepted(datedClockDecider, commands).events);
    const violation = violationOf(() => checkDeciderLaws({ decider: datedClockDecider, histories, commands: clockCommand, numRuns: 100 }));
    expect(violation.laws).toEqual(['replay']);
    // The same histories hold for the sound till.
    const tillEventLists = tillHistories.map((history) => history.events);
    expect(checkDeciderLaws({ decider: tillDecider, histories: tillEventLists, commands: tillCommand, codecs: tillRegistry, numRuns: 50 }).terminalStates).toBeGreaterThan(0);
  });

  it('decider laws catch an accepted event that fails its codec', () => {
    // The amount guard lets zero through; an amount of zero is not a valid `Added` event.
    const acceptingZero: typeof tillDecider = {
      ...tillDecider,
      decide: (command, state) =>
        state.status === 'open' && command.kind === 'Add' && command.amount === 0 ? E.right([added(state, 0)]) : tillDecider.decide(command, state),
    };
    const violation = violationOf(() => checkTill(acceptingZero));
    expect(violation.laws).toEqual(['eventsValid']);
    expect(violation.message).toContain('does not encode');
  });

  it('decider laws catch a rejection under a rule that does not exist', () => {
    const misnamingRule: typeof tillDecider = {
      ...tillDecider,
      decide: (command, state) => {
        const decision = tillDecider.decide(command, state);
        return E.isLeft(decision) && decision.left.rule === 'T-2' ? E.left({ ...decision.left, rule: 'T-9' }) : decision;
      },
    };
    expect(lawsBrokenBy(() => checkTill(misnamingRule))).toEqual(['deterministic']);
  });

  it('decider laws catch a decision that is not deterministic', () => {
    // Every other amount is refused as if the till were busy: the decision depends on how often it was asked.
    let calls = 0;
    const busyEveryOtherCall: typeof tillDecider = {
      ...tillDecider,
      decide: (command, state) => {
        calls += 1;
        return command.kind === 'Add' && calls % 2 === 0 ? refuse('T-2', 'busy') : tillDecider.decide(command, state);
      },
    };
    expect(lawsBrokenBy(() => checkTill(busyEveryOtherCall))).toContain('deterministic');
  });
});
