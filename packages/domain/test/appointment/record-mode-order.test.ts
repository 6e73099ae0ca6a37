/**
 * `record` mode for the appointment rules of the order of things: a step that went against AP-4,
 * AP-5, AP-6, AP-11 or the order of the steps is recorded as it happened, after an
 * `AppointmentRuleDeparted` naming the rule, and refused in `enforce` mode; what names nothing the
 * step could be about stays refused in both modes.
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { policyWith } from '../../src/policy/policy.js';
import type { AppointmentEvent } from '../../src/appointment/appointment-events.js';
import {
  ALICE,
  BOB,
  CAROL,
  LEADER,
  PROCESS,
  abandon,
  agree,
  aliceAgreed,
  aliceConfirmed,
  aliceProposed,
  candidateInterviewed,
  candidateProposed,
  completed,
  consult,
  d,
  given,
  givenUnder,
  interview,
  interviewed,
  prepared,
  proposalAgreed,
  proposalDeclined,
  propose,
} from './appointment-fixtures.js';

const recording = givenUnder(policyWith({ enforcement: 'record' }));

/** The departure `record` mode puts before the step. */
const departed = (rule: string, departure: string, at: string): Partial<AppointmentEvent> => ({
  type: 'AppointmentRuleDeparted',
  data: expect.objectContaining({ processId: PROCESS, rule, departure, at: d(at) }) as never,
});

/** The events of a recorded step, checked as: the departure, then the step's own events. */
const recorded = (result: E.Either<unknown, readonly AppointmentEvent[]>): readonly AppointmentEvent[] => {
  if (E.isLeft(result)) return expect.fail(`expected the step to be recorded, got ${JSON.stringify(result.left)}`);
  return result.right;
};

describe('AP-4 record mode: a candidate interviewed a second time', () => {
  it('AP-4 is recorded after a departure in record mode, refused in enforce mode; the first interview date stays', () => {
    given(interviewed).when(interview(ALICE.id, '2011-04-08')).then({ _tag: 'CandidateAlreadyInterviewed', rule: 'AP-4' });
    const events = recorded(recording(interviewed).when(interview(ALICE.id, '2011-04-08')).result);
    expect(events).toEqual([departed('AP-4', 'CandidateAlreadyInterviewed', '2011-04-08'), candidateInterviewed(ALICE.id, '2011-04-08')]);
    // Alice stays interviewed (from the first interview): she can be proposed without a departure.
    recording([...interviewed, ...events]).when(propose(ALICE.id, '2011-04-12')).then([candidateProposed(ALICE.id, '2011-04-12')]);
  });
});

describe('AP-5 record mode: proposals out of turn', () => {
  it('AP-5 a recorded candidate proposed without an interview is recorded after a departure; refused in enforce mode', () => {
    const aliceOnly = [...prepared, candidateInterviewed(ALICE.id)];
    given(aliceOnly).when(propose(BOB.id)).then({ _tag: 'CandidateNotInterviewed', rule: 'AP-5' });
    expect(recorded(recording(aliceOnly).when(propose(BOB.id)).result)).toEqual([
      departed('AP-5', 'CandidateNotInterviewed', '2011-04-12'),
      candidateProposed(BOB.id),
    ]);
  });

  it('AP-5 a second proposal while one is pending replaces it: the ACTP then answers the later one', () => {
    given(aliceProposed).when(propose(BOB.id, '2011-04-13')).then({ _tag: 'ProposalAlreadyPending', rule: 'AP-5' });
    const events = recorded(recording(aliceProposed).when(propose(BOB.id, '2011-04-13')).result);
    expect(events).toEqual([departed('AP-5', 'ProposalAlreadyPending', '2011-04-13'), candidateProposed(BOB.id, '2011-04-13')]);
    recording([...aliceProposed, ...events]).when(agree('2011-04-16')).then([proposalAgreed(BOB.id)]);
  });

  it('AP-5 a proposal after the ACTP agreed one is recorded after a departure; refused in enforce mode', () => {
    given(aliceAgreed).when(propose(BOB.id, '2011-04-17')).then({ _tag: 'ProposalAlreadyAgreed', rule: 'AP-5' });
    expect(recorded(recording(aliceAgreed).when(propose(BOB.id, '2011-04-17')).result)).toEqual([
      departed('AP-5', 'ProposalAlreadyAgreed', '2011-04-17'),
      candidateProposed(BOB.id, '2011-04-17'),
    ]);
  });
});

describe('AP-6 record mode: a declined candidate proposed again', () => {
  it('AP-6 is recorded after a departure in record mode, refused in enforce mode', () => {
    const declined = [...aliceProposed, proposalDeclined(ALICE.id, 'needs more partnership experience')];
    given(declined).when(propose(ALICE.id, '2011-04-20')).then({ _tag: 'CandidateAlreadyDeclined', rule: 'AP-6' });
    expect(recorded(recording(declined).when(propose(ALICE.id, '2011-04-20')).result)).toEqual([
      departed('AP-6', 'CandidateAlreadyDeclined', '2011-04-20'),
      candidateProposed(ALICE.id, '2011-04-20'),
    ]);
  });
});

describe('AP-11 record mode: a process abandoned after its final decision', () => {
  it('AP-11 is recorded after a departure in record mode and closes the process; refused in enforce mode', () => {
    given(aliceConfirmed).when(abandon('the appointee withdrew', '2011-05-20')).then({ _tag: 'TooLateToAbandon', rule: 'AP-11' });
    const events = recorded(recording(aliceConfirmed).when(abandon('the appointee withdrew', '2011-05-20')).result);
    expect(events).toEqual([
      departed('AP-11', 'TooLateToAbandon', '2011-05-20'),
      { type: 'AppointmentProcessAbandoned', data: { processId: PROCESS, reason: 'the appointee withdrew', at: d('2011-05-20') } },
    ]);
    // AP-11: the abandoned process accepts no further command, in record mode too.
    recording([...aliceConfirmed, ...events]).when(propose(BOB.id, '2011-05-21')).then({ _tag: 'ProcessClosed', rule: 'AP-11' });
  });
});

describe('record mode: a step dated before the last step', () => {
  it('AP-3 a consultation dated before the last step is recorded after a departure from the step\'s own rule; refused in enforce mode', () => {
    given(interviewed).when(consult(LEADER, '2011-03-10')).then({ _tag: 'StepBackdated', rule: 'AP-3' });
    const events = recorded(recording(interviewed).when(consult(LEADER, '2011-03-10')).result);
    expect(events[0]).toEqual(departed('AP-3', 'StepBackdated', '2011-03-10'));
    expect(events.slice(1).map((event) => event.type)).toEqual(['PartnerConsulted']);
  });
});

describe('record mode: what names nothing to record stays refused', () => {
  it('AP-4 someone never recorded as a candidate is not proposed, in either mode', () => {
    given(interviewed).when(propose(CAROL.id)).then({ _tag: 'CandidateNotRecorded', rule: 'AP-4', candidateId: CAROL.id });
    recording(interviewed).when(propose(CAROL.id)).then({ _tag: 'CandidateNotRecorded', rule: 'AP-4', candidateId: CAROL.id });
  });

  it('AP-6 an answer of the ACTP with no proposal pending names no candidate: refused in record mode too', () => {
    recording(interviewed).when(agree()).then({ _tag: 'NoPendingProposal', rule: 'AP-6' });
  });

  it('AP-11 a completed process is not reopened in record mode', () => {
    recording(completed).when(propose(BOB.id, '2011-06-01')).then({ _tag: 'ProcessClosed', rule: 'AP-11' });
  });
});
