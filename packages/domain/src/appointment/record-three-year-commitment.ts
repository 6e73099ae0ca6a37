import * as E from 'fp-ts/lib/Either.js';
import type { AppointmentCommandOf, AppointmentDecision } from './appointment-decision.js';
import { notTheAgreedCandidate } from './appointment-rejections.js';
import type { OpenedAppointmentProcess } from './appointment-state.js';

/** AP-8: records the agreed candidate's commitment to serve three years; given once, repeating it records nothing. */
export const recordThreeYearCommitment = (
  command: AppointmentCommandOf<'RecordThreeYearCommitment'>,
  process: OpenedAppointmentProcess,
): AppointmentDecision => {
  const { processId, agreedCandidate } = process;
  const { candidateId, at } = command;
  // AP-8: the commitment is the agreed candidate's.
  if (agreedCandidate !== candidateId) return E.left(notTheAgreedCandidate(processId, candidateId, agreedCandidate ?? null));
  if (process.committed) return E.right([]);
  return E.right([{ type: 'ThreeYearCommitmentGiven', data: { processId, candidateId, at } }]);
};
