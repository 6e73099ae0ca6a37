import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { AppointmentCommand } from '../../src/appointment/appointment-commands.js';
import type { AppointmentEvent } from '../../src/appointment/appointment-events.js';
import type { AppointmentState } from '../../src/appointment/appointment-state.js';
import {
  ALICE,
  AREA_COMMANDER,
  BOB,
  CAMDEN,
  CHIEF_EXECUTIVE,
  LEADER,
  LINK_MEMBER,
  MP,
  PROCESS,
  agree,
  attach,
  commit,
  consult,
  d,
  decide,
  decider,
  decline,
  discuss,
  interview,
  open,
  propose,
  record,
  report,
} from './appointment-fixtures.js';

/** Sends commands one by one; every one must be accepted. */
const run = (commands: readonly AppointmentCommand[]): { events: AppointmentEvent[]; state: AppointmentState } => {
  let state = decider.initialState;
  const events: AppointmentEvent[] = [];
  for (const command of commands) {
    const decision = decider.decide(command, state);
    if (E.isLeft(decision)) expect.fail(`${command.type} was refused: ${decision.left.message}`);
    else {
      events.push(...decision.right);
      state = decision.right.reduce(decider.evolve, state);
    }
  }
  return { events, state };
};

describe("seed 001, Appendix 1: the area commander's part in appointing a borough commander", () => {
  it('AP-1 to AP-10 walk the appointment in the order of Appendix 1, with the final decision (AP-9) before the report', () => {
    const { events, state } = run([
      open({ at: d('2011-03-01') }),
      attach(1, '2011-03-02'),
      // liaise with partners (to include Chief Executive/Leader, MPs, MPA link member) about specific skills required
      consult(CHIEF_EXECUTIVE, '2011-03-03'),
      consult(LEADER, '2011-03-03'),
      consult(MP, '2011-03-04'),
      consult(LINK_MEMBER, '2011-03-07'),
      record(ALICE, 'applied', '2011-03-20'),
      record(BOB, 'shortlisted', '2011-03-21'),
      // interview candidates
      interview(ALICE.id, '2011-04-05'),
      interview(BOB.id, '2011-04-06'),
      // propose preferred candidate to ACTP for agreement
      propose(BOB.id, '2011-04-08'),
      decline('needs more partnership experience', '2011-04-11'),
      propose(ALICE.id, '2011-04-12'),
      agree('2011-04-15'),
      // discuss chosen candidate with partners
      discuss([LEADER, MP, LINK_MEMBER], '2011-04-21'),
      commit(ALICE.id, '2011-04-22'),
      decide('2011-05-02', '2011-06-01'),
      // report outcomes of process to Director HR
      report('2011-05-04'),
    ]);

    expect(events.map((event) => event.type)).toEqual([
      'AppointmentProcessOpened',
      'RoleDescriptionAttached',
      'PartnerConsulted',
      'PartnerConsulted',
      'PartnerConsulted',
      'PartnerConsulted',
      'CandidateRecorded',
      'CandidateRecorded',
      'CandidateInterviewed',
      'CandidateInterviewed',
      'PreferredCandidateProposed',
      'ProposalDeclined',
      'PreferredCandidateProposed',
      'ProposalAgreed',
      'ChosenCandidateDiscussed',
      'ThreeYearCommitmentGiven',
      'AppointmentConfirmed',
      'OutcomeReported',
    ]);
    expect(events.find((event) => event.type === 'AppointmentConfirmed')).toEqual({
      type: 'AppointmentConfirmed',
      data: {
        processId: PROCESS,
        unit: CAMDEN,
        role: 'borough-commander',
        candidate: ALICE,
        policeAuthorityDecisionBy: 'Kate Mallory',
        mpsDecisionBy: 'Sir Edward Vance',
        oversightBody: 'Metropolitan Police Authority (MPA)',
        partnersInvolved: [CHIEF_EXECUTIVE, LEADER, MP, LINK_MEMBER],
        areaCommander: AREA_COMMANDER,
        startDate: d('2011-06-01'),
        at: d('2011-05-02'),
      },
    });
    expect(events.at(-1)).toEqual({ type: 'OutcomeReported', data: { processId: PROCESS, directorHr: 'Martin Tate', at: d('2011-05-04') } });
    expect(decider.isTerminal(state)).toBe(true);
  });
});
