/**
 * A worked appointment: the Camden borough commander vacancy of spring 2011, run by an area
 * commander, with two candidates. Commands and the events of each step are written out by hand.
 */
import { deciderSpecification } from '@borough-command/testing/vitest';
import { appointmentDecider } from '../../src/appointment/appointment-decider.js';
import { boroughCommanderRoleDescription, defaultRoleDescriptions } from '../../src/reference/role-descriptions.js';
import { defaultPolicy, policyWith, type Policy, type PolicyChanges } from '../../src/policy/policy.js';
import { isoDate, type IsoDate } from '../../src/shared/iso-date.js';
import type { AppointmentCommandOf } from '../../src/appointment/appointment-decision.js';
import type { AppointmentCommandType } from '../../src/appointment/appointment-commands.js';
import type { AppointmentEvent } from '../../src/appointment/appointment-events.js';
import type { CommandUnit, Officer, Partner } from '../../src/shared/vocabulary.js';

/** Parses a literal date of the fixtures. */
export const d = isoDate;

/** The id of the worked process. */
export const PROCESS = 'camden-2011';
/** The borough the worked process fills. */
export const CAMDEN: CommandUnit = { kind: 'borough', name: 'Camden' };
/** A pathfinder BCU, for BCU commander processes. */
export const CENTRAL_NORTH: CommandUnit = { kind: 'bcu', name: 'Central North' };
/** The area commander who runs the worked process. */
export const AREA_COMMANDER = 'Commander Ruth Hale';
/** The Assistant Commissioner for Territorial Policing who answers proposals. */
export const ACTP = 'AC Tom Granger';

/** The candidate the ACTP agrees in the worked process. */
export const ALICE: Officer = { id: 'officer-alice', name: 'Alice Mensah', rank: 'chief-superintendent' };
/** A second candidate, shortlisted. */
export const BOB: Officer = { id: 'officer-bob', name: 'Bob Doyle', rank: 'superintendent' };
/** A third officer, not a candidate unless a test records her. */
export const CAROL: Officer = { id: 'officer-carol', name: 'Carol Iqbal', rank: 'chief-superintendent' };

/** The local authority's chief executive. */
export const CHIEF_EXECUTIVE: Partner = { kind: 'local-authority-chief-executive', name: 'Helen Marsh' };
/** The local authority's leader. */
export const LEADER: Partner = { kind: 'local-authority-leader', name: 'Sam Okoro' };
/** One of the borough's MPs. */
export const MP: Partner = { kind: 'mp', name: 'Peter Lane' };
/** The police authority's link member for the borough. */
export const LINK_MEMBER: Partner = { kind: 'link-member', name: 'Joan Hart' };
/** Another local partner. */
export const OTHER_PARTNER: Partner = { kind: 'other', name: 'Camden Safer Neighbourhood Board' };

/** The appointment decider under the default policy. */
export const decider = appointmentDecider(defaultPolicy);
/** Given/when/then under the default policy. */
export const given = deciderSpecification(decider);
/** Given/when/then under another policy. */
export const givenUnder = (policy: Policy) => deciderSpecification(appointmentDecider(policy));

/** A second, later version of the borough commander's description, endorsed on the day given. */
export const policyWithBoroughVersion2 = (endorsedOn: IsoDate, extra: PolicyChanges = {}): Policy =>
  policyWith({
    roleDescriptions: [...defaultRoleDescriptions, { ...boroughCommanderRoleDescription, version: 2, endorsedOn }],
    ...extra,
  });

// ---------------------------------------------------------------- commands

let sequence = 0;
const base = <T extends AppointmentCommandType>(type: T, at: string) => {
  sequence += 1;
  return { type, commandId: `command-${String(sequence)}`, processId: PROCESS, at: d(at) };
};

type Overrides<T extends AppointmentCommandType> = Partial<Omit<AppointmentCommandOf<T>, 'type'>>;

/** `OpenAppointmentProcess` for the Camden borough commander on 2011-03-01, with overrides. */
export const open = (overrides: Overrides<'OpenAppointmentProcess'> = {}): AppointmentCommandOf<'OpenAppointmentProcess'> => ({
  ...base('OpenAppointmentProcess', '2011-03-01'),
  unit: CAMDEN,
  role: 'borough-commander',
  areaCommander: AREA_COMMANDER,
  ...overrides,
});
/** `AttachRoleDescription` of a version. */
export const attach = (version: number, at = '2011-03-07'): AppointmentCommandOf<'AttachRoleDescription'> => ({
  ...base('AttachRoleDescription', at),
  version,
});
/** `ConsultPartner` with a partner. */
export const consult = (partner: Partner, at = '2011-03-15'): AppointmentCommandOf<'ConsultPartner'> => ({
  ...base('ConsultPartner', at),
  partner,
});
/** `RecordCandidate` of an officer. */
export const record = (
  candidate: Officer,
  route: 'applied' | 'shortlisted' = 'applied',
  at = '2011-03-20',
): AppointmentCommandOf<'RecordCandidate'> => ({ ...base('RecordCandidate', at), candidate, route });
/** `InterviewCandidate`. */
export const interview = (candidateId: string, at = '2011-04-05'): AppointmentCommandOf<'InterviewCandidate'> => ({
  ...base('InterviewCandidate', at),
  candidateId,
});
/** `ProposePreferredCandidate`. */
export const propose = (candidateId: string, at = '2011-04-12'): AppointmentCommandOf<'ProposePreferredCandidate'> => ({
  ...base('ProposePreferredCandidate', at),
  candidateId,
});
/** `AgreeProposal` by the ACTP. */
export const agree = (at = '2011-04-16'): AppointmentCommandOf<'AgreeProposal'> => ({ ...base('AgreeProposal', at), actp: ACTP });
/** `DeclineProposal` by the ACTP, with a reason. */
export const decline = (reason: string, at = '2011-04-16'): AppointmentCommandOf<'DeclineProposal'> => ({
  ...base('DeclineProposal', at),
  actp: ACTP,
  reason,
});
/** `DiscussChosenCandidate` with partners. */
export const discuss = (partners: readonly Partner[], at = '2011-04-21'): AppointmentCommandOf<'DiscussChosenCandidate'> => ({
  ...base('DiscussChosenCandidate', at),
  partners,
});
/** `RecordThreeYearCommitment`. */
export const commit = (candidateId: string, at = '2011-04-23'): AppointmentCommandOf<'RecordThreeYearCommitment'> => ({
  ...base('RecordThreeYearCommitment', at),
  candidateId,
});
/** `TakeFinalDecision` by the police authority and the MPS, with a start date. */
export const decide = (at = '2011-05-02', startDate = '2011-06-01'): AppointmentCommandOf<'TakeFinalDecision'> => ({
  ...base('TakeFinalDecision', at),
  policeAuthorityDecisionBy: 'Kate Mallory',
  mpsDecisionBy: 'Sir Edward Vance',
  startDate: d(startDate),
});
/** `ReportOutcome` to the Director HR. */
export const report = (at = '2011-05-04'): AppointmentCommandOf<'ReportOutcome'> => ({
  ...base('ReportOutcome', at),
  directorHr: 'Martin Tate',
});
/** `AbandonAppointmentProcess` with a reason. */
export const abandon = (reason: string, at = '2011-05-03'): AppointmentCommandOf<'AbandonAppointmentProcess'> => ({
  ...base('AbandonAppointmentProcess', at),
  reason,
});

/** One command of every type, for rules that refuse them all. */
export const oneOfEachCommand = () => [
  open(),
  attach(1),
  consult(LEADER),
  record(ALICE),
  interview(ALICE.id),
  propose(ALICE.id),
  agree(),
  decline('not ready'),
  discuss([LEADER]),
  commit(ALICE.id),
  decide(),
  report(),
  abandon('vacancy withdrawn'),
];

// ---------------------------------------------------------------- events of the worked appointment

/** `AppointmentProcessOpened` of the worked process. */
export const processOpened = (at = '2011-03-01', role: 'borough-commander' | 'link-borough-commander' = 'borough-commander'): AppointmentEvent => ({
  type: 'AppointmentProcessOpened',
  data: { processId: PROCESS, unit: CAMDEN, role, areaCommander: AREA_COMMANDER, at: d(at) },
});
/** `RoleDescriptionAttached` of the borough commander's description. */
export const descriptionAttached = (version = 1, endorsedOn = '2010-06-17', at = '2011-03-07'): AppointmentEvent => ({
  type: 'RoleDescriptionAttached',
  data: { processId: PROCESS, role: 'borough-commander', version, endorsedOn: d(endorsedOn), at: d(at) },
});
/** `PartnerConsulted`. */
export const partnerConsulted = (partner: Partner, at = '2011-03-15'): AppointmentEvent => ({
  type: 'PartnerConsulted',
  data: { processId: PROCESS, partner, at: d(at) },
});
/** `CandidateRecorded`. */
export const candidateRecorded = (candidate: Officer, route: 'applied' | 'shortlisted' = 'applied', at = '2011-03-20'): AppointmentEvent => ({
  type: 'CandidateRecorded',
  data: { processId: PROCESS, candidate, route, at: d(at) },
});
/** `CandidateInterviewed` by the area commander. */
export const candidateInterviewed = (candidateId: string, at = '2011-04-05'): AppointmentEvent => ({
  type: 'CandidateInterviewed',
  data: { processId: PROCESS, candidateId, interviewedBy: AREA_COMMANDER, at: d(at) },
});
/** `PreferredCandidateProposed` by the area commander. */
export const candidateProposed = (candidateId: string, at = '2011-04-12'): AppointmentEvent => ({
  type: 'PreferredCandidateProposed',
  data: { processId: PROCESS, candidateId, proposedBy: AREA_COMMANDER, at: d(at) },
});
/** `ProposalAgreed` by the ACTP. */
export const proposalAgreed = (candidateId: string, at = '2011-04-16'): AppointmentEvent => ({
  type: 'ProposalAgreed',
  data: { processId: PROCESS, candidateId, agreedBy: ACTP, at: d(at) },
});
/** `ProposalDeclined` by the ACTP. */
export const proposalDeclined = (candidateId: string, reason: string, at = '2011-04-16'): AppointmentEvent => ({
  type: 'ProposalDeclined',
  data: { processId: PROCESS, candidateId, declinedBy: ACTP, reason, at: d(at) },
});
/** `ChosenCandidateDiscussed`. */
export const candidateDiscussed = (candidateId: string, partners: readonly Partner[], at = '2011-04-21'): AppointmentEvent => ({
  type: 'ChosenCandidateDiscussed',
  data: { processId: PROCESS, candidateId, partners, at: d(at) },
});
/** `ThreeYearCommitmentGiven`. */
export const commitmentGiven = (candidateId: string, at = '2011-04-23'): AppointmentEvent => ({
  type: 'ThreeYearCommitmentGiven',
  data: { processId: PROCESS, candidateId, at: d(at) },
});
/** `AppointmentConfirmed` of Alice in Camden under the MPA. */
export const appointmentConfirmed = (partnersInvolved: readonly Partner[], at = '2011-05-02', startDate = '2011-06-01'): AppointmentEvent => ({
  type: 'AppointmentConfirmed',
  data: {
    processId: PROCESS,
    unit: CAMDEN,
    role: 'borough-commander',
    candidate: ALICE,
    policeAuthorityDecisionBy: 'Kate Mallory',
    mpsDecisionBy: 'Sir Edward Vance',
    oversightBody: 'Metropolitan Police Authority (MPA)',
    partnersInvolved,
    areaCommander: AREA_COMMANDER,
    startDate: d(startDate),
    at: d(at),
  },
});
/** `OutcomeReported` to the Director HR. */
export const outcomeReported = (at = '2011-05-04'): AppointmentEvent => ({
  type: 'OutcomeReported',
  data: { processId: PROCESS, directorHr: 'Martin Tate', at: d(at) },
});
/** `AppointmentProcessAbandoned`. */
export const processAbandoned = (reason: string, at = '2011-05-03'): AppointmentEvent => ({
  type: 'AppointmentProcessAbandoned',
  data: { processId: PROCESS, reason, at: d(at) },
});

// ---------------------------------------------------------------- the worked appointment, step by step

/** Opened only. */
export const opened: readonly AppointmentEvent[] = [processOpened()];
/** Description attached, the leader, an MP and the link member consulted (seed 001), Alice and Bob recorded: ready to interview. */
export const prepared: readonly AppointmentEvent[] = [
  ...opened,
  descriptionAttached(),
  partnerConsulted(LEADER),
  partnerConsulted(MP),
  partnerConsulted(LINK_MEMBER),
  candidateRecorded(ALICE),
  candidateRecorded(BOB, 'shortlisted'),
];
/** Alice and Bob interviewed. */
export const interviewed: readonly AppointmentEvent[] = [
  ...prepared,
  candidateInterviewed(ALICE.id),
  candidateInterviewed(BOB.id, '2011-04-06'),
];
/** Alice proposed to the ACTP. */
export const aliceProposed: readonly AppointmentEvent[] = [...interviewed, candidateProposed(ALICE.id)];
/** The ACTP agreed Alice. */
export const aliceAgreed: readonly AppointmentEvent[] = [...aliceProposed, proposalAgreed(ALICE.id)];
/** Alice discussed with the leader, an MP and the link member. */
export const aliceDiscussed: readonly AppointmentEvent[] = [...aliceAgreed, candidateDiscussed(ALICE.id, [LEADER, MP, LINK_MEMBER])];
/** Alice committed to three years. */
export const aliceCommitted: readonly AppointmentEvent[] = [...aliceDiscussed, commitmentGiven(ALICE.id)];
/** The police authority and the MPS appointed Alice. */
export const aliceConfirmed: readonly AppointmentEvent[] = [...aliceCommitted, appointmentConfirmed([LEADER, MP, LINK_MEMBER])];
/** The outcome reported to the Director HR: the process is complete. */
export const completed: readonly AppointmentEvent[] = [...aliceConfirmed, outcomeReported()];
/** Abandoned after the ACTP agreed Alice. */
export const abandoned: readonly AppointmentEvent[] = [...aliceAgreed, processAbandoned('the borough joins a BCU', '2011-04-18')];
