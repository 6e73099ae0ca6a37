import * as E from 'fp-ts/lib/Either.js';
import type { AppointmentCommandOf, AppointmentDecision } from './appointment-decision.js';
import { candidateAlreadyRecorded } from './appointment-rejections.js';
import { findCandidate, type OpenedAppointmentProcess } from './appointment-state.js';

/** AP-4: records a candidate who applied or was shortlisted; a candidate id once per process. */
export const recordCandidate = (
  command: AppointmentCommandOf<'RecordCandidate'>,
  process: OpenedAppointmentProcess,
): AppointmentDecision => {
  const { processId } = process;
  const { candidate, route, at } = command;
  // AP-4: one record per candidate.
  if (findCandidate(process, candidate.id) !== undefined) return E.left(candidateAlreadyRecorded(processId, candidate.id));
  return E.right([{ type: 'CandidateRecorded', data: { processId, candidate, route, at } }]);
};
