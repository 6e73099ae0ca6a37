import type { EnforcementMode } from '../policy/policy-values.js';
import { decideRecordingDepartures } from '../shared/record-departures.js';
import type { IsoDate } from '../shared/iso-date.js';
import type { AppointmentDecision } from './appointment-decision.js';
import type { AppointmentRejection } from './appointment-rejections.js';

/**
 * The rejections `record` mode records as departures instead of refusing the step, and their
 * rules: a process that went ahead without the role description (AP-2), the partners (AP-3), the
 * discussion with partners (AP-7) or the three-year commitment (AP-8) the rules ask for, or whose
 * appointee took up the post before the final decision (AP-9).
 */
export const departableAppointmentRejections = {
  RoleDescriptionNotAttached: 'AP-2',
  PartnersNotConsulted: 'AP-3',
  ChosenCandidateNotDiscussed: 'AP-7',
  ThreeYearCommitmentMissing: 'AP-8',
  StartBeforeDecision: 'AP-9',
} as const;

type DepartableTag = keyof typeof departableAppointmentRejections;

const isDepartable = (rejection: AppointmentRejection): rejection is Extract<AppointmentRejection, { readonly _tag: DepartableTag }> =>
  rejection._tag in departableAppointmentRejections;

/**
 * AP-2, AP-3, AP-7, AP-8, AP-9 in `record` mode: a step one of them refuses is decided again with it
 * waived, and `AppointmentRuleDeparted` (the rule, the rejection's tag and words) comes before the
 * step's events.
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
      data: { processId, rule: departableAppointmentRejections[rejection._tag], departure: rejection._tag, message: rejection.message, at },
    }),
    decide,
  );
