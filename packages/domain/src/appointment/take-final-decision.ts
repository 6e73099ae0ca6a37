import * as E from 'fp-ts/lib/Either.js';
import type { PolicyVersion } from '../policy/policy-version.js';
import type { AppointmentCommandOf, AppointmentDecision } from './appointment-decision.js';
import {
  chosenCandidateNotDiscussed,
  noAgreedCandidate,
  startBeforeDecision,
  threeYearCommitmentMissing,
} from './appointment-rejections.js';
import { findCandidate, type OpenedAppointmentProcess } from './appointment-state.js';

/**
 * AP-9: the police authority and the MPS take the final decision together, for the candidate the
 * ACTP agreed (AP-6), discussed with partners (AP-7), committed to three years when the policy
 * requires it on the decision date (AP-8), starting on or after the decision date. The decision
 * records who decided, the oversight body in force, every partner involved, the area commander
 * and the start date. `waived` names the rejections `record` mode records as departures instead.
 */
export const takeFinalDecision = (
  command: AppointmentCommandOf<'TakeFinalDecision'>,
  process: OpenedAppointmentProcess,
  version: PolicyVersion,
  waived: ReadonlySet<string> = new Set(),
): AppointmentDecision => {
  const { processId, unit, role, areaCommander, partnersInvolved } = process;
  const { policeAuthorityDecisionBy, mpsDecisionBy, startDate, at } = command;
  // AP-6: the decision is about the candidate the ACTP agreed.
  const candidate = process.agreedCandidate === undefined ? undefined : findCandidate(process, process.agreedCandidate);
  if (candidate === undefined) return E.left(noAgreedCandidate(processId));
  const candidateId = candidate.officer.id;
  // AP-7: the chosen candidate was discussed with partners before the final decision.
  if (!process.discussed && !waived.has('ChosenCandidateNotDiscussed')) return E.left(chosenCandidateNotDiscussed(processId, candidateId));
  // AP-8: from the policy's date, the candidate committed to serve three years.
  if (version.values.commitmentRequired && !process.committed && !waived.has('ThreeYearCommitmentMissing')) {
    return E.left(threeYearCommitmentMissing(processId, candidateId, at, version));
  }
  // AP-9: the appointment starts on or after the decision.
  if (startDate < at && !waived.has('StartBeforeDecision')) return E.left(startBeforeDecision(processId, startDate, at));
  return E.right([
    {
      type: 'AppointmentConfirmed',
      data: {
        processId,
        unit,
        role,
        candidate: candidate.officer,
        policeAuthorityDecisionBy,
        mpsDecisionBy,
        oversightBody: version.values.oversightBody,
        partnersInvolved,
        areaCommander,
        startDate,
        at,
      },
    },
  ]);
};
