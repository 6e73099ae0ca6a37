import * as E from 'fp-ts/lib/Either.js';
import type { EnforcementMode } from '../policy/policy-values.js';
import type { IsoDate } from '../shared/iso-date.js';
import type { AppointmentDecision } from './appointment-decision.js';
import type { AppointmentEvent } from './appointment-events.js';
import type { AppointmentRejection } from './appointment-rejections.js';

/**
 * The rejections `record` mode records as departures instead of refusing the step, and their
 * rules: a process that went ahead without the role description (AP-2), the partners (AP-3), the
 * discussion with partners (AP-7) or the three-year commitment (AP-8) the rules ask for.
 */
export const departableAppointmentRejections = {
  RoleDescriptionNotAttached: 'AP-2',
  PartnersNotConsulted: 'AP-3',
  ChosenCandidateNotDiscussed: 'AP-7',
  ThreeYearCommitmentMissing: 'AP-8',
} as const;

type DepartableTag = keyof typeof departableAppointmentRejections;

const isDepartable = (rejection: AppointmentRejection): rejection is Extract<AppointmentRejection, { readonly _tag: DepartableTag }> =>
  rejection._tag in departableAppointmentRejections;

/**
 * AP-2, AP-3, AP-7, AP-8 in `record` mode (history happened): decides a step; when one of these
 * rules refuses it, decides it again with that rejection waived, and records the departure
 * (`AppointmentRuleDeparted`: the rule, the rejection's tag and words) before the step's events.
 * In `enforce` mode, or for any other rejection, the decision stands as it is.
 */
export const decideRecordingDepartures = (
  enforcement: EnforcementMode,
  processId: string,
  at: IsoDate,
  decide: (waived: ReadonlySet<string>) => AppointmentDecision,
): AppointmentDecision => {
  const waived = new Set<string>();
  const departures: AppointmentEvent[] = [];
  for (;;) {
    const decision = decide(waived);
    if (E.isRight(decision)) return departures.length === 0 ? decision : E.right([...departures, ...decision.right]);
    const rejection = decision.left;
    if (enforcement !== 'record' || !isDepartable(rejection) || waived.has(rejection._tag)) return decision;
    waived.add(rejection._tag);
    departures.push({
      type: 'AppointmentRuleDeparted',
      data: { processId, rule: departableAppointmentRejections[rejection._tag], departure: rejection._tag, message: rejection.message, at },
    });
  }
};
