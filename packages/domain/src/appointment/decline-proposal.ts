import * as E from 'fp-ts/lib/Either.js';
import type { AppointmentCommandOf, AppointmentDecision } from './appointment-decision.js';
import { noPendingProposal } from './appointment-rejections.js';
import type { OpenedAppointmentProcess } from './appointment-state.js';

/** AP-6: the ACTP declines the pending proposal, with a reason; another interviewed candidate may then be proposed. */
export const declineProposal = (
  command: AppointmentCommandOf<'DeclineProposal'>,
  process: OpenedAppointmentProcess,
): AppointmentDecision => {
  const { processId, pendingProposal } = process;
  const { actp, reason, at } = command;
  // AP-6: the ACTP answers only a pending proposal.
  if (pendingProposal === undefined) return E.left(noPendingProposal(processId, 'DeclineProposal'));
  return E.right([{ type: 'ProposalDeclined', data: { processId, candidateId: pendingProposal, declinedBy: actp, reason, at } }]);
};
