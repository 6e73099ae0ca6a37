import * as E from 'fp-ts/lib/Either.js';
import type { AppointmentCommandOf, AppointmentDecision } from './appointment-decision.js';
import { discussionBeforeAgreement } from './appointment-rejections.js';
import type { OpenedAppointmentProcess } from './appointment-state.js';

/** AP-7: records the discussion of the chosen candidate with partners, after the ACTP agreed the candidate. */
export const discussChosenCandidate = (
  command: AppointmentCommandOf<'DiscussChosenCandidate'>,
  process: OpenedAppointmentProcess,
): AppointmentDecision => {
  const { processId, agreedCandidate } = process;
  // AP-7: the chosen candidate is the one the ACTP agreed.
  if (agreedCandidate === undefined) return E.left(discussionBeforeAgreement(processId));
  return E.right([
    { type: 'ChosenCandidateDiscussed', data: { processId, candidateId: agreedCandidate, partners: command.partners, at: command.at } },
  ]);
};
