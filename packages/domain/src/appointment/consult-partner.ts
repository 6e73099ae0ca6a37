import * as E from 'fp-ts/lib/Either.js';
import type { AppointmentCommandOf, AppointmentDecision } from './appointment-decision.js';
import type { OpenedAppointmentProcess } from './appointment-state.js';

/** AP-3: records that the area commander liaised with a partner (any kind) about the skills required. */
export const consultPartner = (
  command: AppointmentCommandOf<'ConsultPartner'>,
  process: OpenedAppointmentProcess,
): AppointmentDecision =>
  E.right([{ type: 'PartnerConsulted', data: { processId: process.processId, partner: command.partner, at: command.at } }]);
