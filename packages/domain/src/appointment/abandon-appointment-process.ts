import * as E from 'fp-ts/lib/Either.js';
import type { AppointmentCommandOf, AppointmentDecision } from './appointment-decision.js';
import { tooLateToAbandon } from './appointment-rejections.js';
import type { OpenedAppointmentProcess } from './appointment-state.js';

/**
 * AP-11: abandons the process, with a reason, at any point before the final decision; `waived`
 * names `TooLateToAbandon` when `record` mode records an abandonment after it.
 */
export const abandonAppointmentProcess = (
  command: AppointmentCommandOf<'AbandonAppointmentProcess'>,
  process: OpenedAppointmentProcess,
  waived: ReadonlySet<string> = new Set(),
): AppointmentDecision => {
  const { processId, decidedOn } = process;
  // AP-11: abandoning is possible only before the final decision.
  if (decidedOn !== undefined && !waived.has('TooLateToAbandon')) return E.left(tooLateToAbandon(processId, decidedOn));
  return E.right([{ type: 'AppointmentProcessAbandoned', data: { processId, reason: command.reason, at: command.at } }]);
};
