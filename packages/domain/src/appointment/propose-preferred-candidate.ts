import * as E from 'fp-ts/lib/Either.js';
import type { AppointmentCommandOf, AppointmentDecision } from './appointment-decision.js';
import {
  candidateAlreadyDeclined,
  candidateNotInterviewed,
  candidateNotRecorded,
  proposalAlreadyAgreed,
  proposalAlreadyPending,
} from './appointment-rejections.js';
import { findCandidate, type OpenedAppointmentProcess } from './appointment-state.js';

/**
 * AP-5: the area commander proposes a recorded, interviewed candidate to the ACTP; one proposal
 * pending at a time, none once the ACTP agreed one, and never a candidate the ACTP declined
 * (AP-6). `waived` names the rejections `record` mode records as departures instead (a later
 * proposal replaces the pending one).
 */
export const proposePreferredCandidate = (
  command: AppointmentCommandOf<'ProposePreferredCandidate'>,
  process: OpenedAppointmentProcess,
  waived: ReadonlySet<string> = new Set(),
): AppointmentDecision => {
  const { processId, areaCommander, pendingProposal, agreedCandidate } = process;
  const { candidateId, at } = command;
  // AP-5: an agreed proposal ends proposing; one proposal is pending at a time.
  if (agreedCandidate !== undefined && !waived.has('ProposalAlreadyAgreed')) return E.left(proposalAlreadyAgreed(processId, agreedCandidate, candidateId));
  if (pendingProposal !== undefined && !waived.has('ProposalAlreadyPending')) return E.left(proposalAlreadyPending(processId, pendingProposal, candidateId));
  // AP-4: the candidate is one the process recorded; AP-5: only an interviewed candidate is proposed.
  const candidate = findCandidate(process, candidateId);
  if (candidate === undefined) return E.left(candidateNotRecorded(processId, candidateId));
  if (candidate.interviewedOn === undefined && !waived.has('CandidateNotInterviewed')) return E.left(candidateNotInterviewed(processId, candidateId));
  // AP-6: after a decline, another candidate is proposed, not the one declined.
  if (candidate.declined && !waived.has('CandidateAlreadyDeclined')) return E.left(candidateAlreadyDeclined(processId, candidateId));
  return E.right([{ type: 'PreferredCandidateProposed', data: { processId, candidateId, proposedBy: areaCommander, at } }]);
};
