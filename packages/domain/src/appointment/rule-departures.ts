import type { EnforcementMode } from '../policy/policy-values.js';
import { decideRecordingDepartures } from '../shared/record-departures.js';
import type { IsoDate } from '../shared/iso-date.js';
import type { AppointmentDecision } from './appointment-decision.js';
import type { AppointmentRejection } from './appointment-rejections.js';
import { DepartableAppointmentRuleCodec, type DepartableAppointmentRule } from './appointment-events.js';

/**
 * The rejections `record` mode records as departures instead of refusing the step, and their
 * rules: a process that went ahead without the role description (AP-2), the partners (AP-3), the
 * discussion with partners (AP-7) or the three-year commitment (AP-8) the rules ask for, or whose
 * appointee took up the post before the final decision (AP-9); a candidate interviewed twice
 * (AP-4); a candidate proposed without an interview, while another proposal was pending or after
 * one was agreed (AP-5), or proposed again after the ACTP declined them (AP-6); a process
 * abandoned after its final decision (AP-11); a step dated before the process's last step (the
 * rule of that step). Refusals that name nothing the step could be about (an unknown process or
 * candidate, an answer with no proposal pending, a decision or a discussion with no agreed
 * candidate, an outcome report with no decision) or that would reopen a closed process stay
 * refusals in both modes.
 */
export const departableAppointmentRejections = {
  RoleDescriptionNotAttached: 'AP-2',
  PartnersNotConsulted: 'AP-3',
  CandidateAlreadyInterviewed: 'AP-4',
  CandidateNotInterviewed: 'AP-5',
  ProposalAlreadyPending: 'AP-5',
  ProposalAlreadyAgreed: 'AP-5',
  CandidateAlreadyDeclined: 'AP-6',
  ChosenCandidateNotDiscussed: 'AP-7',
  ThreeYearCommitmentMissing: 'AP-8',
  StartBeforeDecision: 'AP-9',
  TooLateToAbandon: 'AP-11',
  StepBackdated: 'the rule of the step',
} as const;

type DepartableTag = keyof typeof departableAppointmentRejections;

/** The rule a departure departs from: the rejection's own (a backdated step's is the rule of that step). */
const departableRuleOf = (rejection: AppointmentRejection): DepartableAppointmentRule => {
  if (!DepartableAppointmentRuleCodec.is(rejection.rule)) throw new Error(`a departure from ${rejection.rule} cannot be recorded`);
  return rejection.rule;
};

const isDepartable = (rejection: AppointmentRejection): rejection is Extract<AppointmentRejection, { readonly _tag: DepartableTag }> =>
  rejection._tag in departableAppointmentRejections;

/**
 * AP-2 to AP-9 and AP-11 in `record` mode: a step one of them refuses (see
 * `departableAppointmentRejections`) is decided again with it waived, and
 * `AppointmentRuleDeparted` (the rule, the rejection's tag and words) comes before the step's events.
 */
export const decideAppointmentRecordingDepartures = (
  enforcement: EnforcementMode,
  processId: string,
  at: IsoDate,
  decide: (waived: ReadonlySet<string>) => AppointmentDecision,
): AppointmentDecision =>
  decideRecordingDepartures(
    enforcement,
    isDepartable,
    (rejection) => ({
      type: 'AppointmentRuleDeparted' as const,
      data: { processId, rule: departableRuleOf(rejection), departure: rejection._tag, message: rejection.message, at },
    }),
    decide,
  );
