import * as t from 'io-ts';
import { commandCodec } from '../shared/command-codec.js';
import { nonEmptyArray } from '../shared/codec-helpers.js';
import { IsoDateCodec } from '../shared/iso-date.js';
import { IdCodec, TextCodec } from '../shared/text.js';
import { CommanderRoleCodec, CommandUnitCodec, OfficerCodec, PartnerCodec } from '../shared/vocabulary.js';
import { CandidateRouteCodec } from './appointment-events.js';

const processId = IdCodec;

/** AP-1: open a process for one command unit and role, run by an area commander. */
export const OpenAppointmentProcess = commandCodec('OpenAppointmentProcess', {
  processId,
  unit: CommandUnitCodec,
  role: CommanderRoleCodec,
  areaCommander: TextCodec,
});
/** AP-2: attach the endorsed role description of the process's role, by version. */
export const AttachRoleDescription = commandCodec('AttachRoleDescription', { processId, version: t.number });
/** AP-3: record that the area commander liaised with a partner about the skills required. */
export const ConsultPartner = commandCodec('ConsultPartner', { processId, partner: PartnerCodec });
/** AP-4: record a candidate who applied or was shortlisted. */
export const RecordCandidate = commandCodec('RecordCandidate', { processId, candidate: OfficerCodec, route: CandidateRouteCodec });
/** AP-4: the area commander interviews a candidate. */
export const InterviewCandidate = commandCodec('InterviewCandidate', { processId, candidateId: IdCodec });
/** AP-5: propose an interviewed candidate to the ACTP for agreement. */
export const ProposePreferredCandidate = commandCodec('ProposePreferredCandidate', { processId, candidateId: IdCodec });
/** AP-6: the ACTP agrees the pending proposal. */
export const AgreeProposal = commandCodec('AgreeProposal', { processId, actp: TextCodec });
/** AP-6: the ACTP declines the pending proposal, with a reason. */
export const DeclineProposal = commandCodec('DeclineProposal', { processId, actp: TextCodec, reason: TextCodec });
/** AP-7: record the discussion of the chosen candidate with partners. */
export const DiscussChosenCandidate = commandCodec('DiscussChosenCandidate', { processId, partners: nonEmptyArray(PartnerCodec) });
/** AP-8: record the candidate's commitment to serve three years. */
export const RecordThreeYearCommitment = commandCodec('RecordThreeYearCommitment', { processId, candidateId: IdCodec });
/** AP-9: the police authority and the MPS take the final decision together. */
export const TakeFinalDecision = commandCodec('TakeFinalDecision', {
  processId,
  policeAuthorityDecisionBy: TextCodec,
  mpsDecisionBy: TextCodec,
  startDate: IsoDateCodec,
});
/** AP-10: report the outcome to the Director HR. */
export const ReportOutcome = commandCodec('ReportOutcome', { processId, directorHr: TextCodec });
/** AP-11: abandon the process before the final decision, with a reason. */
export const AbandonAppointmentProcess = commandCodec('AbandonAppointmentProcess', { processId, reason: TextCodec });

/** The command codecs of the appointment process. */
export const appointmentCommandCodecs = [
  OpenAppointmentProcess,
  AttachRoleDescription,
  ConsultPartner,
  RecordCandidate,
  InterviewCandidate,
  ProposePreferredCandidate,
  AgreeProposal,
  DeclineProposal,
  DiscussChosenCandidate,
  RecordThreeYearCommitment,
  TakeFinalDecision,
  ReportOutcome,
  AbandonAppointmentProcess,
] as const;

/** A command of the appointment process. */
export type AppointmentCommand = t.TypeOf<(typeof appointmentCommandCodecs)[number]>;

/** The name of an appointment command, such as `ProposePreferredCandidate`. */
export type AppointmentCommandType = AppointmentCommand['type'];
