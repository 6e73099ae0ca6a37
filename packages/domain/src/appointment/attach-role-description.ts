import * as E from 'fp-ts/lib/Either.js';
import type { PolicyValues } from '../policy/policy-values.js';
import { findRoleDescription } from '../reference/role-descriptions.js';
import type { AppointmentCommandOf, AppointmentDecision } from './appointment-decision.js';
import { candidatesAlreadyAssessed, roleDescriptionNotEndorsed, roleDescriptionNotFound } from './appointment-rejections.js';
import type { OpenedAppointmentProcess } from './appointment-state.js';

/**
 * AP-2: attaches the policy's role description of the process's role at a version, endorsed on or
 * before the command's date. Another version replaces it until the first interview; the same
 * version again records nothing.
 */
export const attachRoleDescription = (
  command: AppointmentCommandOf<'AttachRoleDescription'>,
  process: OpenedAppointmentProcess,
  values: PolicyValues,
): AppointmentDecision => {
  const { processId, role } = process;
  const { version, at } = command;
  // AP-2: the description is attached before any candidate is assessed.
  const interviewed = process.candidates.filter((candidate) => candidate.interviewedOn !== undefined).map((c) => c.officer.id);
  if (interviewed.length > 0) return E.left(candidatesAlreadyAssessed(processId, interviewed));
  // AP-2: only a version the policy holds, endorsed by the day of the command.
  const description = findRoleDescription(values.roleDescriptions, role, version);
  if (description === undefined) return E.left(roleDescriptionNotFound(processId, role, version));
  const { endorsedOn } = description;
  if (endorsedOn === undefined || endorsedOn > at) {
    return E.left(roleDescriptionNotEndorsed(processId, role, version, endorsedOn ?? null, at));
  }
  if (process.roleDescription?.version === version) return E.right([]);
  return E.right([{ type: 'RoleDescriptionAttached', data: { processId, role, version, endorsedOn, at } }]);
};
