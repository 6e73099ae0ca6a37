import * as E from 'fp-ts/lib/Either.js';
import type { AppointmentCommandOf, AppointmentDecision } from './appointment-decision.js';
import { noPendingProposal } from './appointment-rejections.js';
import type { OpenedAppointmentProcess } from './appointment-state.js';

/** AP-6: the ACTP agrees the pending proposal; its candidate becomes the chosen candidate. */
export const agreeProposal = (command: AppointmentCommandOf<'AgreeProposal'>, process: OpenedAppointmentProcess): AppointmentDecision => {
  const { processId, pendingProposal } = process;
  // AP-6: the ACTP answers only a pending proposal.
  if (pendingProposal === undefined) return E.left(noPendingProposal(processId, 'AgreeProposal'));
  return E.right([{ type: 'ProposalAgreed', data: { processId, candidateId: pendingProposal, agreedBy: command.actp, at: command.at } }]);
};
