import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { appointmentCommandArbitrary, validAppointmentHistory, type AppointmentHistory } from '@borough-command/testing';
import { appointmentDateBetween } from '@borough-command/testing/arbitraries';
import { addDays, isoDate } from '../../src/shared/iso-date.js';
import { appointmentDecider } from '../../src/appointment/appointment-decider.js';
import { defaultPolicy, policyChangedFrom, policyWith, valuesOn, type Policy } from '../../src/policy/policy.js';
import { defaultRoleDescriptions, type RoleDescription } from '../../src/reference/role-descriptions.js';
import { foldEvents } from '../../src/eventsourcing/decider.js';
import { isLocalAuthority, type Partner } from '../../src/shared/vocabulary.js';
import type { AppointmentCommand } from '../../src/appointment/appointment-commands.js';
import type { AppointmentEvent } from '../../src/appointment/appointment-events.js';
import type { AppointmentState } from '../../src/appointment/appointment-state.js';

/** The default policy, with every commander role also given a version 2 endorsed in 2004, so decisions before 2009 happen. */
const earlyPolicy: Policy = policyWith({
  roleDescriptions: [
    ...defaultRoleDescriptions,
    ...(['borough-commander', 'link-borough-commander', 'bcu-commander'] as const).map(
      (role): RoleDescription => ({ role, version: 2, endorsedOn: isoDate('2004-06-01'), endorsedBy: 'test', sections: [], source: 'test' }),
    ),
  ],
});
/** The early policy, with the three-year commitment required only from 2100: confirmations without one are common. */
const lateCommitmentPolicy: Policy = policyChangedFrom(
  policyWith({ commitmentRequired: false }, earlyPolicy),
  isoDate('2100-01-01'),
  { commitmentRequired: true },
  'commitment-from-2100',
);
const policies = [defaultPolicy, earlyPolicy, lateCommitmentPolicy] as const;
const RUNS = { numRuns: 150 };

const datesOf = (history: AppointmentHistory) => {
  const first = history.commands[0]?.at ?? isoDate('2005-01-01');
  const last = history.commands.at(-1)?.at ?? first;
  return appointmentDateBetween(addDays(first, -10), addDays(last, 60));
};

/** Commands near a valid history: the history itself, some of its steps dropped, or stray commands mixed in. */
const commandSequence = (policy: Policy): fc.Arbitrary<readonly AppointmentCommand[]> =>
  validAppointmentHistory(policy).chain((history) => {
    const { commands } = history;
    const processId = commands[0]?.processId ?? 'process-none';
    const candidateIds = [
      'officer-stranger',
      ...commands.flatMap((command) => (command.type === 'RecordCandidate' ? [command.candidate.id] : [])),
    ];
    const stray = appointmentCommandArbitrary({
      processId: fc.constant(processId),
      candidateId: fc.constantFrom(...candidateIds),
      at: datesOf(history),
    });
    const mixed = fc
      .tuple(fc.subarray([...commands]), fc.array(fc.tuple(fc.nat(), stray), { maxLength: 8 }))
      .map(([kept, strays]) => {
        const result = [...kept];
        for (const [position, command] of strays) result.splice(position % (result.length + 1), 0, command);
        return result;
      });
    // whole histories as often as the other two together, so that the later steps are reached often
    return fc.oneof({ arbitrary: fc.constant(commands), weight: 2 }, { arbitrary: fc.subarray([...commands]), weight: 1 }, { arbitrary: mixed, weight: 1 });
  });

/** Sends every command in turn and keeps the events of the accepted ones. */
const replay = (policy: Policy, commands: readonly AppointmentCommand[]): { events: AppointmentEvent[]; state: AppointmentState } => {
  const decider = appointmentDecider(policy);
  let state = decider.initialState;
  const events: AppointmentEvent[] = [];
  for (const command of commands) {
    const decision = decider.decide(command, state);
    if (E.isRight(decision)) {
      events.push(...decision.right);
      state = decision.right.reduce(decider.evolve, state);
    }
  }
  return { events, state };
};

const freeze = <A>(value: A): A => {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) freeze(inner);
    Object.freeze(value);
  }
  return value;
};

const samePartner = (a: Partner, b: Partner) => a.kind === b.kind && a.name === b.name;

describe('appointment process properties', () => {
  it('AP-3, AP-6, AP-7, AP-8 no command sequence reaches AppointmentConfirmed without a local-authority consultation, an agreed and discussed candidate and (from 2009-07-01) a commitment', () => {
    let confirmations = 0;
    let confirmationsWithoutCommitment = 0;
    for (const policy of policies) {
      fc.assert(
        fc.property(commandSequence(policy), (commands) => {
          const { events } = replay(policy, commands);
          events.forEach((event, index) => {
            if (event.type !== 'AppointmentConfirmed') return;
            confirmations += 1;
            const before = events.slice(0, index);
            const candidateId = event.data.candidate.id;
            expect(before.some((e) => e.type === 'PartnerConsulted' && isLocalAuthority(e.data.partner))).toBe(true);
            const agreedAt = before.findIndex((e) => e.type === 'ProposalAgreed' && e.data.candidateId === candidateId);
            expect(agreedAt).toBeGreaterThanOrEqual(0);
            const discussedAt = before.findIndex((e) => e.type === 'ChosenCandidateDiscussed' && e.data.candidateId === candidateId);
            expect(discussedAt).toBeGreaterThan(agreedAt);
            const committed = before.some((e) => e.type === 'ThreeYearCommitmentGiven' && e.data.candidateId === candidateId);
            if (valuesOn(policy, event.data.at).commitmentRequired) expect(committed).toBe(true);
            if (!committed) confirmationsWithoutCommitment += 1;
          });
        }),
        RUNS,
      );
    }
    expect(confirmations).toBeGreaterThan(0);
    expect(confirmationsWithoutCommitment).toBeGreaterThan(0);
  });

  it('AP-2, AP-3, AP-4 every accepted interview follows an attached description and a local-authority consultation, of a recorded candidate, once', () => {
    fc.assert(
      fc.property(commandSequence(earlyPolicy), (commands) => {
        const { events } = replay(earlyPolicy, commands);
        events.forEach((event, index) => {
          if (event.type !== 'CandidateInterviewed') return;
          const before = events.slice(0, index);
          const { candidateId } = event.data;
          expect(before.some((e) => e.type === 'RoleDescriptionAttached')).toBe(true);
          expect(before.some((e) => e.type === 'PartnerConsulted' && isLocalAuthority(e.data.partner))).toBe(true);
          expect(before.some((e) => e.type === 'CandidateRecorded' && e.data.candidate.id === candidateId)).toBe(true);
          expect(before.some((e) => e.type === 'CandidateInterviewed' && e.data.candidateId === candidateId)).toBe(false);
        });
      }),
      RUNS,
    );
  });

  it('AP-5, AP-6 proposals alternate with the ACTP\'s answers and a declined candidate is never proposed again', () => {
    fc.assert(
      fc.property(commandSequence(earlyPolicy), (commands) => {
        const { events } = replay(earlyPolicy, commands);
        let pending: string | undefined;
        const declined = new Set<string>();
        for (const event of events) {
          if (event.type === 'PreferredCandidateProposed') {
            expect(pending).toBeUndefined();
            expect(declined.has(event.data.candidateId)).toBe(false);
            pending = event.data.candidateId;
          } else if (event.type === 'ProposalAgreed' || event.type === 'ProposalDeclined') {
            expect(event.data.candidateId).toBe(pending);
            if (event.type === 'ProposalDeclined') declined.add(event.data.candidateId);
            pending = undefined;
          }
        }
      }),
      RUNS,
    );
  });

  it('AP-9 a confirmation lists each partner consulted or in the discussion once, first seen first, and the oversight body of its day', () => {
    fc.assert(
      fc.property(
        validAppointmentHistory(earlyPolicy).filter((history) => history.stage === 'confirmed' || history.stage === 'completed'),
        ({ events }) => {
          const confirmed = events.find((event) => event.type === 'AppointmentConfirmed');
          if (confirmed?.type !== 'AppointmentConfirmed') return expect.fail('a confirmed history has an AppointmentConfirmed event');
          const seen: Partner[] = [];
          for (const event of events) {
            const partners = event.type === 'PartnerConsulted' ? [event.data.partner] : event.type === 'ChosenCandidateDiscussed' ? event.data.partners : [];
            for (const partner of partners) if (!seen.some((known) => samePartner(known, partner))) seen.push(partner);
          }
          expect(confirmed.data.partnersInvolved).toEqual(seen);
          expect(confirmed.data.oversightBody).toBe(
            confirmed.data.at <= '2012-01-15' ? 'Metropolitan Police Authority (MPA)' : "Mayor's Office for Policing and Crime (MOPAC)",
          );
          expect(confirmed.data.startDate >= confirmed.data.at).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('AP-10, AP-11 a process is terminal exactly when its outcome was reported or it was abandoned', () => {
    fc.assert(
      fc.property(commandSequence(earlyPolicy), (commands) => {
        const decider = appointmentDecider(earlyPolicy);
        const { events, state } = replay(earlyPolicy, commands);
        const last = events.at(-1)?.type;
        expect(decider.isTerminal(state)).toBe(last === 'OutcomeReported' || last === 'AppointmentProcessAbandoned');
        expect(events.filter((e) => e.type === 'OutcomeReported' || e.type === 'AppointmentProcessAbandoned').length).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });

  it('AP-11 a closed process emits nothing for any command', () => {
    fc.assert(
      fc.property(
        validAppointmentHistory(earlyPolicy).filter((history) => history.abandoned || history.stage === 'completed'),
        appointmentCommandArbitrary(),
        fc.boolean(),
        (history, command, sameProcess) => {
          const decider = appointmentDecider(earlyPolicy);
          const processId = history.commands[0]?.processId ?? command.processId;
          const sent = sameProcess ? { ...command, processId } : command;
          const decision = decider.decide(sent, foldEvents(decider, history.events));
          expect(decision).toMatchObject({ _tag: 'Left', left: { _tag: 'ProcessClosed', rule: 'AP-11' } });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('AP-1 before a process is opened every command but opening it is refused', () => {
    fc.assert(
      fc.property(
        appointmentCommandArbitrary().filter((command) => command.type !== 'OpenAppointmentProcess'),
        (command) => {
          const decider = appointmentDecider(defaultPolicy);
          expect(decider.decide(command, decider.initialState)).toMatchObject({ _tag: 'Left', left: { _tag: 'ProcessNotOpened', rule: 'AP-1' } });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a rejected command leaves the state unchanged and names an appointment rule in a sentence', () => {
    const appointmentRules = ['AP-1', 'AP-2', 'AP-3', 'AP-4', 'AP-5', 'AP-6', 'AP-7', 'AP-8', 'AP-9', 'AP-10', 'AP-11'];
    fc.assert(
      fc.property(
        validAppointmentHistory(earlyPolicy).chain((history) =>
          fc.tuple(
            fc.constant(history),
            appointmentCommandArbitrary({
              processId: fc.constantFrom(history.commands[0]?.processId ?? 'process-none', 'process-other'),
              at: datesOf(history),
            }),
          ),
        ),
        ([history, command]) => {
          const decider = appointmentDecider(earlyPolicy);
          const state = foldEvents(decider, history.events);
          const before = structuredClone(state);
          const decision = decider.decide(command, freeze(state));
          if (E.isLeft(decision)) {
            expect(state).toEqual(before);
            expect(appointmentRules).toContain(decision.left.rule);
            expect(decision.left.message.length).toBeGreaterThan(20);
          }
        },
      ),
      RUNS,
    );
  });

  it('the events of any accepted sequence are dated in order and all name the process', () => {
    fc.assert(
      fc.property(commandSequence(defaultPolicy), (commands) => {
        const { events } = replay(defaultPolicy, commands);
        const processId = events[0]?.data.processId;
        for (const [index, event] of events.entries()) {
          expect(event.data.processId).toBe(processId);
          const previous = events[index - 1];
          if (previous !== undefined) expect(previous.data.at <= event.data.at).toBe(true);
        }
      }),
      RUNS,
    );
  });
});
