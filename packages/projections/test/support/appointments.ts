import type { IsoDate, Officer, Partner } from '@borough-command/domain';
import type { DomainEnvelope } from '../../src/index.js';
import { appointmentEvent, borough, d, officer, postingsOf, postingStarted, processStream, type EnvelopeLog } from './envelopes.js';

/** People of the appointment stories. */
export const people = {
  areaCommander: 'Area Commander Grey',
  actp: 'Ian McPherson',
  policeAuthority: 'Kit Malthouse',
  mps: 'Bernard Hogan-Howe',
  directorHr: 'Martin Tiplady',
} as const;

/** Candidates of the appointment stories. */
export const candidates = {
  alice: officer('alice', 'Alice Adeyemi'),
  david: officer('david', 'David Doyle'),
} as const;

/** Partners of the appointment stories. */
export const partners = {
  leader: { kind: 'local-authority-leader', name: 'Sarah Hayward' },
  chiefExecutive: { kind: 'local-authority-chief-executive', name: 'Mike Cooke' },
  mp: { kind: 'mp', name: 'Frank Dobson' },
} as const satisfies Record<string, Partner>;

/** The envelopes of a process, by step name. */
export type Steps = Record<string, DomainEnvelope>;

/**
 * Camden 2012, by the book: role description, the council leader and the MP consulted, two
 * candidates interviewed, the first proposal declined, the second agreed, discussed, committed,
 * decided jointly, reported, and the posting started (AP-12).
 */
export const compliantProcess = (log: EnvelopeLog, processId = 'camden-2012'): Steps => {
  const stream = processStream(processId);
  const unit = borough('Camden');
  const step = (type: Parameters<typeof appointmentEvent>[0], data: object, actor = 'grey'): DomainEnvelope =>
    log.record(stream, appointmentEvent(type, { processId, ...data } as never), { actor, recordedAt: '2012-06-30T12:00:00.000Z' });
  const { alice, david } = candidates;
  return {
    opened: step('AppointmentProcessOpened', { unit, role: 'borough-commander', areaCommander: people.areaCommander, at: d('2012-02-01') }),
    attached: step('RoleDescriptionAttached', { role: 'borough-commander', version: 1, endorsedOn: d('2010-06-17'), at: d('2012-02-02') }),
    leader: step('PartnerConsulted', { partner: partners.leader, at: d('2012-02-10') }),
    mp: step('PartnerConsulted', { partner: partners.mp, at: d('2012-02-11') }),
    alice: step('CandidateRecorded', { candidate: alice, route: 'applied', at: d('2012-02-15') }),
    david: step('CandidateRecorded', { candidate: david, route: 'shortlisted', at: d('2012-02-15') }),
    interviewAlice: step('CandidateInterviewed', { candidateId: 'alice', interviewedBy: people.areaCommander, at: d('2012-03-01') }),
    interviewDavid: step('CandidateInterviewed', { candidateId: 'david', interviewedBy: people.areaCommander, at: d('2012-03-02') }),
    proposeDavid: step('PreferredCandidateProposed', { candidateId: 'david', proposedBy: people.areaCommander, at: d('2012-03-05') }),
    declineDavid: step(
      'ProposalDeclined',
      { candidateId: 'david', declinedBy: people.actp, reason: 'needs more experience of partnership working', at: d('2012-03-08') },
      'actp',
    ),
    proposeAlice: step('PreferredCandidateProposed', { candidateId: 'alice', proposedBy: people.areaCommander, at: d('2012-03-09') }),
    agreeAlice: step('ProposalAgreed', { candidateId: 'alice', agreedBy: people.actp, at: d('2012-03-12') }, 'actp'),
    discussed: step('ChosenCandidateDiscussed', { candidateId: 'alice', partners: [partners.leader, partners.mp], at: d('2012-03-15') }),
    committed: step('ThreeYearCommitmentGiven', { candidateId: 'alice', at: d('2012-03-16') }),
    confirmed: step(
      'AppointmentConfirmed',
      {
        unit,
        role: 'borough-commander',
        candidate: alice,
        policeAuthorityDecisionBy: people.policeAuthority,
        mpsDecisionBy: people.mps,
        oversightBody: "Mayor's Office for Policing and Crime (MOPAC)",
        partnersInvolved: [partners.leader, partners.mp],
        areaCommander: people.areaCommander,
        startDate: d('2012-04-02'),
        at: d('2012-03-20'),
      },
      'mopac',
    ),
    reported: step('OutcomeReported', { directorHr: people.directorHr, at: d('2012-03-22') }, 'hr'),
    posted: log.record(
      postingsOf(unit),
      postingStarted({
        unit,
        postingId: processId,
        officer: alice,
        start: d('2012-04-02'),
        lineManager: people.areaCommander,
        appointmentProcessId: processId,
      }),
      { actor: 'mopac', recordedAt: '2012-06-30T12:00:01.000Z' },
    ),
  };
};

/** A step of a hand-written process: the event type and its data without the process id. */
export type StepSpec = readonly [type: Parameters<typeof appointmentEvent>[0], data: object];

/** Records the steps of a process in order. */
export const recordProcess = (log: EnvelopeLog, processId: string, steps: readonly StepSpec[]): readonly DomainEnvelope[] =>
  steps.map(([type, data]) => log.record(processStream(processId), appointmentEvent(type, { processId, ...data } as never)));

/** The data of an opening for a borough's commander. */
export const opening = (boroughName: string, at: IsoDate): StepSpec => [
  'AppointmentProcessOpened',
  { unit: borough(boroughName), role: 'borough-commander', areaCommander: people.areaCommander, at },
];

/** The data of a final decision. */
export const decision = (boroughName: string, candidate: Officer, involved: readonly Partner[], at: IsoDate): StepSpec => [
  'AppointmentConfirmed',
  {
    unit: borough(boroughName),
    role: 'borough-commander',
    candidate,
    policeAuthorityDecisionBy: people.policeAuthority,
    mpsDecisionBy: people.mps,
    oversightBody: null,
    partnersInvolved: involved,
    areaCommander: people.areaCommander,
    startDate: at,
    at,
  },
];
