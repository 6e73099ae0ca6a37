import * as E from 'fp-ts/lib/Either.js';
import { isLondonBorough } from '../reference/london.js';
import { roleFitsUnit } from '../shared/roles-of-unit.js';
import { notALondonBorough, roleDoesNotFitUnit } from '../shared/unit-rejections.js';
import type { AppointmentCommandOf, AppointmentDecision } from './appointment-decision.js';

/** AP-1: opens a process for one London borough or BCU and a role that fits it, run by an area commander. */
export const openAppointmentProcess = (command: AppointmentCommandOf<'OpenAppointmentProcess'>): AppointmentDecision => {
  const { processId, unit, role, areaCommander, at } = command;
  // AP-1: a borough command is one of London's 32 boroughs.
  if (unit.kind === 'borough' && !isLondonBorough(unit.name)) return E.left(notALondonBorough('AP-1', unit.name));
  // AP-1: the role fits the unit.
  if (!roleFitsUnit(role, unit)) return E.left(roleDoesNotFitUnit('AP-1', role, unit));
  return E.right([{ type: 'AppointmentProcessOpened', data: { processId, unit, role, areaCommander, at } }]);
};
