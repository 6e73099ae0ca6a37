import * as E from 'fp-ts/lib/Either.js';
import type { PolicyVersion } from '../policy/policy-version.js';
import { missingPartners } from '../policy/policy-rules.js';
import { endorsedDescriptionOf } from '../reference/role-descriptions.js';
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
 * must be attached (AP-2, once a description of the role was endorsed) and the partners the policy requires consulted (AP-3) first;
 * `waived` names the rejections `record` mode records as departures instead.
 */
export const interviewCandidate = (
  command: AppointmentCommandOf<'InterviewCandidate'>,
  process: OpenedAppointmentProcess,
  version: PolicyVersion,
  waived: ReadonlySet<string> = new Set(),
): AppointmentDecision => {
  const { processId, areaCommander } = process;
  const { candidateId, at } = command;
  // AP-2: candidates are assessed against an attached, endorsed role description, once one of the role is endorsed.
  const described = process.roleDescription !== undefined || endorsedDescriptionOf(version.values.roleDescriptions, process.role, at) === undefined;
  if (!described && !waived.has('RoleDescriptionNotAttached')) {
    return E.left(roleDescriptionNotAttached(processId, candidateId));
  }
  // AP-3: every kind of partner the policy in force requires was consulted before the first interview.
  const missing = missingPartners(version.values, process.consulted);
  if (missing.length > 0 && !waived.has('PartnersNotConsulted')) {
    return E.left(partnersNotConsulted(processId, candidateId, process.consulted, missing, version.id));
  }
  // AP-4: only a candidate who applied or was shortlisted, once per process.
  const candidate = findCandidate(process, candidateId);
  if (candidate === undefined) return E.left(candidateNotRecorded(processId, candidateId));
  if (candidate.interviewedOn !== undefined && !waived.has('CandidateAlreadyInterviewed')) {
    return E.left(candidateAlreadyInterviewed(processId, candidateId, candidate.interviewedOn));
  }
  return E.right([{ type: 'CandidateInterviewed', data: { processId, candidateId, interviewedBy: areaCommander, at } }]);
};
