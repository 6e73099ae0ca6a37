/**
 * borough-command's domain: deciders, events, commands, policy and London reference data. The
 * event-sourcing kernel (store port, stores, command handler, codec registry, store errors) is
 * `@borough-command/domain/eventsourcing`, and only there. Every name below is listed, with its
 * doc comment, in docs/api/domain.md (`npm run docs:api`).
 */

/** The domain service: the three aggregates and the policy behind one command handler. */
export {
  createBoroughCommand,
  type BoroughCommand,
  type BoroughCommandOptions,
  type DomainCommandError,
  type DomainRejection,
  type Execution,
  type FailedReaction,
  type HandledCommand,
} from './borough-command/borough-command-service.js';
/** Every command of the domain: decoding and routing to its stream. */
export { decodeCommand, streamFieldOfCommand, streamOfCommand, type DomainCommand, type InvalidCommand } from './borough-command/domain-commands.js';
/** Every event of the domain and the codec registry that reads and writes them. */
export { domainEventDefinitions, domainEventRegistry, type DomainEvent } from './borough-command/domain-events.js';
/** Which aggregate an event belongs to. */
export { isAppointmentEvent, isPolicyEvent, isPostingEvent } from './borough-command/membership.js';
/** The process managers that turn one aggregate's events into another's commands. */
export {
  appointmentStartsPosting,
  bcuCommanderNamed,
  bcuCommanderTakesCommand,
  bcuPostingId,
  processManagers,
  restructureEndsPostings,
  type ProcessManager,
} from './borough-command/process-managers.js';

/** The appointment aggregate: commands, events, state, rejections and decider. */
export { appointmentCommandCodecs, type AppointmentCommand, type AppointmentCommandType } from './appointment/appointment-commands.js';
export { appointmentDecider } from './appointment/appointment-decider.js';
export type { AppointmentCommandOf } from './appointment/appointment-decision.js';
/** The appointment events' definitions and the codecs of their data, which the views read. */
export {
  appointmentEventDefinitions,
  AppointmentConfirmedData,
  AppointmentProcessAbandonedData,
  AppointmentProcessOpenedData,
  CandidateInterviewedData,
  CandidateRecordedData,
  ChosenCandidateDiscussedData,
  OutcomeReportedData,
  PartnerConsultedData,
  PreferredCandidateProposedData,
  ProposalAgreedData,
  ProposalDeclinedData,
  RoleDescriptionAttachedData,
  ThreeYearCommitmentGivenData,
  type AppointmentEvent,
} from './appointment/appointment-events.js';
export type { AppointmentRejection } from './appointment/appointment-rejections.js';
export type { AppointmentState, CandidateRoute } from './appointment/appointment-state.js';

/** The posting aggregate: commands, events, state, queries, rejections and decider. */
export { postingCommandCodecs, StartPosting, type PostingCommand } from './posting/posting-commands.js';
export type { AssessPerformanceCommand } from './posting/assess-performance.js';
export type { EndPostingCommand } from './posting/end-posting.js';
export type { EndPostingsForRestructureCommand } from './posting/end-postings-for-restructure.js';
export type { StartPostingCommand } from './posting/start-posting.js';
/** AP-1 and PO-1: the commander roles of each kind of unit. */
export { rolesOfUnitKind } from './shared/roles-of-unit.js';
export { missingForEarlyEnd } from './posting/early-end.js';
export { postingDecider } from './posting/posting-decider.js';
export { postingEventDefinitions, type PostingEvent } from './posting/posting-events.js';
export { actingCommander, activePostings, currentCommander, substantiveCommander } from './posting/posting-queries.js';
export type { PostingRejection, PostingRejectionTag } from './posting/posting-rejections.js';
export type { ActivePosting, PostingState } from './posting/posting-state.js';

/** The restructure aggregate: commands, events, state, queries, rejections and decider. */
export { AllocateDedicatedWardOfficers, restructureCommandCodecs, type RestructureCommand } from './restructure/restructure-commands.js';
export { restructureDecider } from './restructure/restructure-decider.js';
export type { RestructureCommandOf } from './restructure/restructure-decision.js';
export { restructureEventDefinitions, type RestructureEvent } from './restructure/restructure-events.js';
export { fewestWardOfficers, liveBcus } from './restructure/restructure-queries.js';
export type { RestructureRejection } from './restructure/restructure-rejections.js';
export type { ConsulteeKind, ProgrammeStage, RestructureState, WardException } from './restructure/restructure-state.js';
export { superintendentRank } from './restructure/lead-bcu.js';

/** The policy as history: versions of its values, the rules that read them, and the policy's own decider. */
export { defaultPolicy, findPolicyVersion, policyChangedFrom, policyOn, policyWith, valuesOn, withVersion, type Policy } from './policy/policy.js';
export type { PolicySource, PolicyVersion } from './policy/policy-version.js';
export { endReasons, meetsRequirement, type EndReason, type PartnerRequirement, type PolicyValues } from './policy/policy-values.js';
export { isExceptionalReason, minimumTermEnd, missingPartners, oversightBodyOn } from './policy/policy-rules.js';
export { seedsPolicyHistory } from './policy/seeds-policy-history.js';
export { EndReasonCodec, PolicyFileCodec, PolicySourceCodec, PolicyValuesCodec, type PolicyFile } from './policy/policy-codecs.js';
export { policyCommandCodecs, type PolicyCommand } from './policy/policy-commands.js';
export { policyEventDefinitions, type PolicyEvent } from './policy/policy-events.js';
export type { PolicyRejection } from './policy/policy-rejections.js';
export {
  adoptedVersion,
  decidePolicy,
  initialPolicyHistoryState,
  policyHistoryDecider,
  policyWithAdopted,
  sameValues,
  type PolicyHistoryState,
} from './policy/policy-decider.js';

/** London reference data with sources: boroughs, BCUs, ward counts and role descriptions. */
export { londonBoroughNotes, londonBoroughs } from './reference/london-boroughs.js';
export { londonBcuNotes, londonBcus, type LondonBcu } from './reference/london-bcus.js';
export { isLondonBorough, wardsOf } from './reference/london.js';
export { endorsedDescriptionOf } from './reference/role-descriptions.js';

/** Values shared by the aggregates: dates, vocabulary, rule IDs and stream names. */
export { addDays, addYears, compareDates, daysBetween, isIsoDate, isoDate, IsoDateCodec, laterOf, type IsoDate, type IsoDateBrand } from './shared/iso-date.js';
export { ruleIds, type RuleId, type RuleViolation } from './shared/rule-id.js';
export {
  APPOINTMENT_CATEGORY,
  appointmentStream,
  POLICY_CATEGORY,
  policyStream,
  POSTING_CATEGORY,
  postingStream,
  RESTRUCTURE_CATEGORY,
  restructureStream,
} from './shared/streams.js';
export {
  commanderRoles,
  CommanderRoleCodec,
  CommandUnitCodec,
  coreFunctions,
  isLocalAuthority,
  OfficerCodec,
  PartnerCodec,
  partnerKinds,
  ranks,
  sharedResources,
  streamKey,
  type CommanderRole,
  type CommandUnit,
  type CoreFunction,
  type Officer,
  type Partner,
  type PartnerKind,
  type Rank,
  type SharedResource,
} from './shared/vocabulary.js';
