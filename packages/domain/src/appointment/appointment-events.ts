import * as t from 'io-ts';
import { defineEvent } from '../eventsourcing/codec-registry.js';
import { nullable, record } from '../shared/codec-helpers.js';
import { IsoDateCodec } from '../shared/iso-date.js';
import { IdCodec, TextCodec } from '../shared/text.js';
import { CommanderRoleCodec, CommandUnitCodec, OfficerCodec, PartnerCodec } from '../shared/vocabulary.js';

/** AP-2 to AP-11: the rules whose departures `record` mode can record instead of refusing (AP-10 only for a backdated outcome report). */
export const DepartableAppointmentRuleCodec = t.keyof(
  { 'AP-2': null, 'AP-3': null, 'AP-4': null, 'AP-5': null, 'AP-6': null, 'AP-7': null, 'AP-8': null, 'AP-9': null, 'AP-10': null, 'AP-11': null },
  'DepartableAppointmentRule',
);

/** A rule of the appointment process whose departure `record` mode can record. */
export type DepartableAppointmentRule = t.TypeOf<typeof DepartableAppointmentRuleCodec>;

/**
 * In `record` mode: the step that follows this event happened without what a rule asks (the
 * rejection `enforce` mode gives, by tag and in words), and is recorded as it happened.
 */
export const AppointmentRuleDepartedData = record({
  processId: IdCodec,
  rule: DepartableAppointmentRuleCodec,
  /** The tag of the rejection the step would have had in `enforce` mode. */
  departure: IdCodec,
  message: TextCodec,
  at: IsoDateCodec,
});

/** How a candidate entered the process (AP-4). */
export const CandidateRouteCodec = t.keyof({ applied: null, shortlisted: null }, 'CandidateRoute');

/** AP-1: a process to fill one command unit's commander vacancy, run by an area commander. */
export const AppointmentProcessOpenedData = record({
  processId: IdCodec,
  unit: CommandUnitCodec,
  role: CommanderRoleCodec,
  areaCommander: TextCodec,
  at: IsoDateCodec,
});
/** AP-2: the endorsed role description attached, by version. */
export const RoleDescriptionAttachedData = record({
  processId: IdCodec,
  role: CommanderRoleCodec,
  version: t.number,
  endorsedOn: IsoDateCodec,
  at: IsoDateCodec,
});
/** AP-3: the area commander liaised with a partner about the skills required. */
export const PartnerConsultedData = record({ processId: IdCodec, partner: PartnerCodec, at: IsoDateCodec });
/** AP-4: a candidate applied or was shortlisted. */
export const CandidateRecordedData = record({
  processId: IdCodec,
  candidate: OfficerCodec,
  route: CandidateRouteCodec,
  at: IsoDateCodec,
});
/** AP-4: the area commander interviewed a candidate. */
export const CandidateInterviewedData = record({
  processId: IdCodec,
  candidateId: IdCodec,
  interviewedBy: TextCodec,
  at: IsoDateCodec,
});
/** AP-5: the area commander proposed a preferred candidate to the ACTP. */
export const PreferredCandidateProposedData = record({
  processId: IdCodec,
  candidateId: IdCodec,
  proposedBy: TextCodec,
  at: IsoDateCodec,
});
/** AP-6: the ACTP agreed the proposal. */
export const ProposalAgreedData = record({ processId: IdCodec, candidateId: IdCodec, agreedBy: TextCodec, at: IsoDateCodec });
/** AP-6: the ACTP declined the proposal, with a reason. */
export const ProposalDeclinedData = record({
  processId: IdCodec,
  candidateId: IdCodec,
  declinedBy: TextCodec,
  reason: TextCodec,
  at: IsoDateCodec,
});
/** AP-7: the chosen candidate discussed with partners. */
export const ChosenCandidateDiscussedData = record({
  processId: IdCodec,
  candidateId: IdCodec,
  partners: t.readonlyArray(PartnerCodec),
  at: IsoDateCodec,
});
/** AP-8: the candidate committed to serve three years on the command unit. */
export const ThreeYearCommitmentGivenData = record({ processId: IdCodec, candidateId: IdCodec, at: IsoDateCodec });
/** AP-9: the final decision of the police authority and the MPS together, with who decided. */
export const AppointmentConfirmedData = record({
  processId: IdCodec,
  unit: CommandUnitCodec,
  role: CommanderRoleCodec,
  candidate: OfficerCodec,
  policeAuthorityDecisionBy: TextCodec,
  mpsDecisionBy: TextCodec,
  /** The oversight body in force on the day of the decision (MPA, then MOPAC). */
  oversightBody: nullable(TextCodec),
  /** Every partner consulted or involved in the discussion, who informed the decision. */
  partnersInvolved: t.readonlyArray(PartnerCodec),
  areaCommander: TextCodec,
  startDate: IsoDateCodec,
  at: IsoDateCodec,
});
/** AP-10: the outcome reported to the Director HR; the process is complete. */
export const OutcomeReportedData = record({ processId: IdCodec, directorHr: TextCodec, at: IsoDateCodec });
/** AP-11: the process abandoned before the final decision, with a reason. */
export const AppointmentProcessAbandonedData = record({ processId: IdCodec, reason: TextCodec, at: IsoDateCodec });

/** The event definitions of the appointment process, for the codec registry. */
export const appointmentEventDefinitions = [
  defineEvent('AppointmentProcessOpened', AppointmentProcessOpenedData),
  defineEvent('RoleDescriptionAttached', RoleDescriptionAttachedData),
  defineEvent('PartnerConsulted', PartnerConsultedData),
  defineEvent('CandidateRecorded', CandidateRecordedData),
  defineEvent('CandidateInterviewed', CandidateInterviewedData),
  defineEvent('PreferredCandidateProposed', PreferredCandidateProposedData),
  defineEvent('ProposalAgreed', ProposalAgreedData),
  defineEvent('ProposalDeclined', ProposalDeclinedData),
  defineEvent('ChosenCandidateDiscussed', ChosenCandidateDiscussedData),
  defineEvent('ThreeYearCommitmentGiven', ThreeYearCommitmentGivenData),
  defineEvent('AppointmentConfirmed', AppointmentConfirmedData),
  defineEvent('OutcomeReported', OutcomeReportedData),
  defineEvent('AppointmentProcessAbandoned', AppointmentProcessAbandonedData),
  defineEvent('AppointmentRuleDeparted', AppointmentRuleDepartedData),
] as const;

/** An event of the appointment process. */
export type AppointmentEvent =
  | { readonly type: 'AppointmentProcessOpened'; readonly data: t.TypeOf<typeof AppointmentProcessOpenedData> }
  | { readonly type: 'RoleDescriptionAttached'; readonly data: t.TypeOf<typeof RoleDescriptionAttachedData> }
  | { readonly type: 'PartnerConsulted'; readonly data: t.TypeOf<typeof PartnerConsultedData> }
  | { readonly type: 'CandidateRecorded'; readonly data: t.TypeOf<typeof CandidateRecordedData> }
  | { readonly type: 'CandidateInterviewed'; readonly data: t.TypeOf<typeof CandidateInterviewedData> }
  | { readonly type: 'PreferredCandidateProposed'; readonly data: t.TypeOf<typeof PreferredCandidateProposedData> }
  | { readonly type: 'ProposalAgreed'; readonly data: t.TypeOf<typeof ProposalAgreedData> }
  | { readonly type: 'ProposalDeclined'; readonly data: t.TypeOf<typeof ProposalDeclinedData> }
  | { readonly type: 'ChosenCandidateDiscussed'; readonly data: t.TypeOf<typeof ChosenCandidateDiscussedData> }
  | { readonly type: 'ThreeYearCommitmentGiven'; readonly data: t.TypeOf<typeof ThreeYearCommitmentGivenData> }
  | { readonly type: 'AppointmentConfirmed'; readonly data: t.TypeOf<typeof AppointmentConfirmedData> }
  | { readonly type: 'OutcomeReported'; readonly data: t.TypeOf<typeof OutcomeReportedData> }
  | { readonly type: 'AppointmentProcessAbandoned'; readonly data: t.TypeOf<typeof AppointmentProcessAbandonedData> }
  | { readonly type: 'AppointmentRuleDeparted'; readonly data: t.TypeOf<typeof AppointmentRuleDepartedData> };
