import * as E from 'fp-ts/lib/Either.js';
import { isLocalAuthority } from '../shared/vocabulary.js';
import type { AppointmentCommandOf, AppointmentDecision } from './appointment-decision.js';
import {
  candidateAlreadyInterviewed,
  candidateNotRecorded,
  partnersNotConsulted,
  roleDescriptionNotAttached,
} from './appointment-rejections.js';
import { findCandidate, type OpenedAppointmentProcess } from './appointment-state.js';

/**
 * AP-4: the area commander interviews a recorded candidate, once. The endorsed role description
 * must be attached (AP-2) and the local authority consulted (AP-3) first.
 */
export const interviewCandidate = (
  command: AppointmentCommandOf<'InterviewCandidate'>,
  process: OpenedAppointmentProcess,
): AppointmentDecision => {
  const { processId, areaCommander } = process;
  const { candidateId, at } = command;
  // AP-2: candidates are assessed against an attached, endorsed role description.
  if (process.roleDescription === undefined) return E.left(roleDescriptionNotAttached(processId, candidateId));
  // AP-3: the local authority's chief executive or leader was consulted before the first interview.
  if (!process.consulted.some(isLocalAuthority)) return E.left(partnersNotConsulted(processId, candidateId, process.consulted));
  // AP-4: only a candidate who applied or was shortlisted, once per process.
  const candidate = findCandidate(process, candidateId);
  if (candidate === undefined) return E.left(candidateNotRecorded(processId, candidateId));
  if (candidate.interviewedOn !== undefined) return E.left(candidateAlreadyInterviewed(processId, candidateId, candidate.interviewedOn));
  return E.right([{ type: 'CandidateInterviewed', data: { processId, candidateId, interviewedBy: areaCommander, at } }]);
};
