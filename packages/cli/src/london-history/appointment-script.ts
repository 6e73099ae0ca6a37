import { addDays, oversightBodyOn, type DomainCommand, type IsoDate, type Officer, type Partner, type Policy } from '@borough-command/domain';
import { partnersToConsult } from './partners-to-consult.js';
import { boroughPartnerMeeting, historyPeople } from './history-cast.js';

/** Days from the opening of a process to its final decision. */
export const PROCESS_DAYS = 45;
/** Days from the opening of a process to its interviews. */
const INTERVIEW_DAYS = 15;

/** One appointment through the process (AP-1 to AP-10), as a generated history plans it. */
export interface AppointmentScriptPlan {
  readonly processId: string;
  readonly borough: string;
  readonly areaCommander: string;
  /** The candidate appointed. */
  readonly appointee: Officer;
  /** Other candidates, interviewed and not appointed. */
  readonly rivals: readonly Officer[];
  /** The ACTP declines a rival first (AP-6), when there is one. */
  readonly declineFirst: boolean;
  /** The role description version attached (AP-2), endorsed on or before the opening. */
  readonly descriptionVersion: number;
  /**
   * The partners chosen to be consulted about the skills required (AP-3), the local authority
   * first; the borough's partners of any other kind the policy in force on the interviews requires
   * are consulted after them.
   */
  readonly consulted: readonly Partner[];
  /** The partners the chosen candidate is discussed with (AP-7). */
  readonly discussedWith: readonly Partner[];
  /** The day of the final decision (AP-9); the process opens `PROCESS_DAYS` before. */
  readonly decidedOn: IsoDate;
  /** The day the appointee takes up the post (AP-12). */
  readonly startsOn: IsoDate;
}

/**
 * The commands of one appointment in the order of seed 001's Appendix 1: role description,
 * partners consulted, candidates recorded and interviewed, a proposal (sometimes declined first),
 * the ACTP's agreement, the discussion with partners, the three-year commitment, the joint final
 * decision and the report to the Director HR.
 */
export const appointmentScript = (plan: AppointmentScriptPlan, policy: Policy): readonly DomainCommand[] => {
  const { processId, decidedOn } = plan;
  const opensOn = addDays(decidedOn, -PROCESS_DAYS);
  const on = (days: number): IsoDate => addDays(opensOn, days);
  let step = 0;
  const id = (name: string): string => `${processId}/${String(++step).padStart(2, '0')}-${name}`;
  const rival = plan.declineFirst ? plan.rivals[0] : undefined;
  const candidates = [plan.appointee, ...plan.rivals];
  const consulted = partnersToConsult(policy, on(INTERVIEW_DAYS), plan.consulted, boroughPartnerMeeting(plan.borough));
  return [
    {
      type: 'OpenAppointmentProcess',
      commandId: id('open'),
      at: on(0),
      processId,
      unit: { kind: 'borough', name: plan.borough },
      role: 'borough-commander',
      areaCommander: plan.areaCommander,
    },
    { type: 'AttachRoleDescription', commandId: id('attach'), at: on(0), processId, version: plan.descriptionVersion },
    ...consulted.map((partner, index): DomainCommand => ({ type: 'ConsultPartner', commandId: id('consult'), at: on(2 + index), processId, partner })),
    ...candidates.map((candidate, index): DomainCommand => ({
      type: 'RecordCandidate',
      commandId: id('candidate'),
      at: on(8),
      processId,
      candidate,
      route: index % 2 === 0 ? 'applied' : 'shortlisted',
    })),
    ...candidates.map(
      (candidate): DomainCommand => ({ type: 'InterviewCandidate', commandId: id('interview'), at: on(INTERVIEW_DAYS), processId, candidateId: candidate.id }),
    ),
    ...(rival === undefined
      ? []
      : [
          { type: 'ProposePreferredCandidate', commandId: id('propose'), at: on(22), processId, candidateId: rival.id } as const,
          {
            type: 'DeclineProposal',
            commandId: id('decline'),
            at: on(24),
            processId,
            actp: historyPeople.actp,
            reason: 'needs more experience of partnership working',
          } as const,
        ]),
    { type: 'ProposePreferredCandidate', commandId: id('propose'), at: on(26), processId, candidateId: plan.appointee.id },
    { type: 'AgreeProposal', commandId: id('agree'), at: on(29), processId, actp: historyPeople.actp },
    { type: 'DiscussChosenCandidate', commandId: id('discuss'), at: on(33), processId, partners: plan.discussedWith },
    { type: 'RecordThreeYearCommitment', commandId: id('commit'), at: on(37), processId, candidateId: plan.appointee.id },
    {
      type: 'TakeFinalDecision',
      commandId: id('decide'),
      at: decidedOn,
      processId,
      policeAuthorityDecisionBy: oversightBodyOn(policy, decidedOn) ?? 'the police authority',
      mpsDecisionBy: historyPeople.mps,
      startDate: plan.startsOn,
    },
    { type: 'ReportOutcome', commandId: id('report'), at: decidedOn, processId, directorHr: historyPeople.directorHr },
  ];
};

/** A process opened and abandoned with a reason before the decision (AP-11), for a borough. */
export const abandonedAppointmentScript = (
  processId: string,
  borough: string,
  areaCommander: string,
  opensOn: IsoDate,
  consulted: Partner,
): readonly DomainCommand[] => [
  {
    type: 'OpenAppointmentProcess',
    commandId: `${processId}/01-open`,
    at: opensOn,
    processId,
    unit: { kind: 'borough', name: borough },
    role: 'borough-commander',
    areaCommander,
  },
  { type: 'ConsultPartner', commandId: `${processId}/02-consult`, at: addDays(opensOn, 3), processId, partner: consulted },
  {
    type: 'AbandonAppointmentProcess',
    commandId: `${processId}/03-abandon`,
    at: addDays(opensOn, 20),
    processId,
    reason: 'no suitable candidate applied; the post is advertised again',
  },
];
