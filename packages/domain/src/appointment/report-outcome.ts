import * as E from 'fp-ts/lib/Either.js';
import type { AppointmentCommandOf, AppointmentDecision } from './appointment-decision.js';
import { finalDecisionNotTaken } from './appointment-rejections.js';
import type { OpenedAppointmentProcess } from './appointment-state.js';

/** AP-10: reports the outcome to the Director HR after the final decision, which completes the process. */
export const reportOutcome = (command: AppointmentCommandOf<'ReportOutcome'>, process: OpenedAppointmentProcess): AppointmentDecision => {
  const { processId } = process;
  // AP-10: there is an outcome to report only once the final decision is taken.
  if (process.status !== 'confirmed') return E.left(finalDecisionNotTaken(processId));
  return E.right([{ type: 'OutcomeReported', data: { processId, directorHr: command.directorHr, at: command.at } }]);
};
