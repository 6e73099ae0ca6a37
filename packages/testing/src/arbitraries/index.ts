/**
 * Every fast-check arbitrary of the kit: one per command, event and domain value of each aggregate,
 * and the valid histories. The main entry holds the few most suites need.
 */
/** The first day of the dates the appointment arbitraries draw by default. */
export { APPOINTMENT_DATES_FROM } from './appointment.js';
/** The last day of the dates the appointment arbitraries draw by default. */
export { APPOINTMENT_DATES_UNTIL } from './appointment.js';
/** A date from `from` to `until`, both included. */
export { appointmentDateBetween } from './appointment.js';
/** A date from 2005 to 2020, the years the appointment rules were in force. */
export { appointmentDateArbitrary } from './appointment.js';
/** An identifier such as `candidate-k3x9`: the prefix, a dash and 3 to 8 letters or digits. */
export { appointmentIdArbitrary } from './appointment.js';
/** A person's name such as `Grace Okafor`. */
export { personNameArbitrary } from './appointment.js';
/** A police officer with a generated id, a name and any rank. */
export { candidateOfficerArbitrary } from './appointment.js';
/** A partner of the given kinds (every kind by default), with a person's name. */
export { appointmentPartnerArbitrary } from './appointment.js';
/** A partner who speaks for the local authority: its chief executive or its leader (AP-3). */
export { localAuthorityPartnerArbitrary } from './appointment.js';
/** One of London's 32 boroughs as a command unit. */
export { appointmentBoroughUnitArbitrary } from './appointment.js';
/** One of the BCUs of 2017-2019 as a command unit. */
export { appointmentBcuUnitArbitrary } from './appointment.js';
/** A London borough or BCU as a command unit. */
export { appointmentUnitArbitrary } from './appointment.js';
/** Any commander role. */
export { appointmentRoleArbitrary } from './appointment.js';
/** A command unit with a role that commands it (AP-1): a borough role for a borough, the BCU commander for a BCU. */
export { fittingUnitAndRoleArbitrary } from './appointment.js';
/** How a candidate entered the process: applied or shortlisted. */
export { candidateRouteArbitrary } from './appointment.js';
/** A short free-text reason, such as why the ACTP declined or why a process was abandoned. */
export { appointmentReasonArbitrary } from './appointment.js';
/** Where the fields shared by many commands come from; each has a default. */
export { type AppointmentArbitraryOptions } from './appointment.js';
/** An `OpenAppointmentProcess` command (AP-1) for any London unit and any role, fitting or not. */
export { openAppointmentProcessArbitrary } from './appointment.js';
/** An `AttachRoleDescription` command (AP-2) for a version from 1 to 3. */
export { attachRoleDescriptionArbitrary } from './appointment.js';
/** A `ConsultPartner` command (AP-3) for a partner of any kind. */
export { consultPartnerArbitrary } from './appointment.js';
/** A `RecordCandidate` command (AP-4); the candidate's id comes from `options.candidateId`. */
export { recordCandidateArbitrary } from './appointment.js';
/** An `InterviewCandidate` command (AP-4). */
export { interviewCandidateArbitrary } from './appointment.js';
/** A `ProposePreferredCandidate` command (AP-5). */
export { proposePreferredCandidateArbitrary } from './appointment.js';
/** An `AgreeProposal` command (AP-6). */
export { agreeProposalArbitrary } from './appointment.js';
/** A `DeclineProposal` command (AP-6) with a reason. */
export { declineProposalArbitrary } from './appointment.js';
/** A `DiscussChosenCandidate` command (AP-7) with one to three partners. */
export { discussChosenCandidateArbitrary } from './appointment.js';
/** A `RecordThreeYearCommitment` command (AP-8). */
export { recordThreeYearCommitmentArbitrary } from './appointment.js';
/** A `TakeFinalDecision` command (AP-9) with a start date from 2005 to 2020. */
export { takeFinalDecisionArbitrary } from './appointment.js';
/** A `ReportOutcome` command (AP-10). */
export { reportOutcomeArbitrary } from './appointment.js';
/** An `AbandonAppointmentProcess` command (AP-11) with a reason. */
export { abandonAppointmentProcessArbitrary } from './appointment.js';
/** Any appointment command, of any of the thirteen types. */
export { appointmentCommandArbitrary } from './appointment.js';
/** An `AppointmentProcessOpened` event (AP-1) for a unit with a fitting role. */
export { appointmentProcessOpenedArbitrary } from './appointment.js';
/** A `RoleDescriptionAttached` event (AP-2). */
export { roleDescriptionAttachedArbitrary } from './appointment.js';
/** A `PartnerConsulted` event (AP-3). */
export { partnerConsultedArbitrary } from './appointment.js';
/** A `CandidateRecorded` event (AP-4). */
export { candidateRecordedArbitrary } from './appointment.js';
/** A `CandidateInterviewed` event (AP-4). */
export { candidateInterviewedArbitrary } from './appointment.js';
/** A `PreferredCandidateProposed` event (AP-5). */
export { preferredCandidateProposedArbitrary } from './appointment.js';
/** A `ProposalAgreed` event (AP-6). */
export { proposalAgreedArbitrary } from './appointment.js';
/** A `ProposalDeclined` event (AP-6). */
export { proposalDeclinedArbitrary } from './appointment.js';
/** A `ChosenCandidateDiscussed` event (AP-7). */
export { chosenCandidateDiscussedArbitrary } from './appointment.js';
/** A `ThreeYearCommitmentGiven` event (AP-8). */
export { threeYearCommitmentGivenArbitrary } from './appointment.js';
/** An `AppointmentConfirmed` event (AP-9). */
export { appointmentConfirmedArbitrary } from './appointment.js';
/** An `OutcomeReported` event (AP-10). */
export { outcomeReportedArbitrary } from './appointment.js';
/** An `AppointmentProcessAbandoned` event (AP-11). */
export { appointmentProcessAbandonedArbitrary } from './appointment.js';
/** Any appointment event, of any of the thirteen types. */
export { appointmentEventArbitrary } from './appointment.js';
/** How far a generated history follows the process (AP-1 to AP-10). */
export { appointmentStages } from './appointment.js';
/** A point the process reached: opened; partners consulted and candidates recorded; ... ; completed. */
export { type AppointmentStage } from './appointment.js';
/** Commands the appointment decider accepted one after the other, and the events they recorded. */
export { type AppointmentHistory } from './appointment.js';
/** Command sequences the appointment decider accepts, following the process to any point: opened */
export { validAppointmentHistory } from './appointment.js';
/** Narrows the choices of the posting command arbitraries, so that random commands meet each other. */
export { type PostingArbitraryOptions } from './posting.js';
/** The posting event of one type. */
export { type PostingEventOf } from './posting.js';
/** A calendar date from `from` to `to` (inclusive), with 29 February now and then. */
export { isoDateArbitrary } from './posting.js';
/** One of London's 32 borough commands, from the reference data. */
export { londonBoroughUnitArbitrary } from './posting.js';
/** One of the 12 BCUs of 2017-2019, from the reference data. */
export { londonBcuUnitArbitrary } from './posting.js';
/** A command unit: a London borough or a BCU. */
export { commandUnitArbitrary } from './posting.js';
/** An officer with an id `officer-<n>`, a name and a rank. */
export { officerArbitrary } from './posting.js';
/** A local partner of any kind. */
export { partnerArbitrary } from './posting.js';
/** A reason a posting ends, exceptional or not. */
export { endReasonArbitrary } from './posting.js';
/** A `StartPosting` command (PO-1), not necessarily one the decider accepts. */
export { startPostingArbitrary } from './posting.js';
/** An `EndPosting` command (PO-2, PO-3), not necessarily one the decider accepts. */
export { endPostingArbitrary } from './posting.js';
/** An `AssessPerformance` command (PO-4), with no to three partners. */
export { assessPerformanceArbitrary } from './posting.js';
/** An `EndPostingsForRestructure` command (PO-6) naming one of the 12 BCUs. */
export { endPostingsForRestructureArbitrary } from './posting.js';
/** Any posting command; restructures are rarer than the others. */
export { postingCommandArbitrary } from './posting.js';
/** A `PostingStarted` event whose minimum-term end, when present, is the third anniversary of its start. */
export { postingStartedArbitrary } from './posting.js';
/** A `PostingEnded` event whose days served and minimum-term fields agree with its dates. */
export { postingEndedArbitrary } from './posting.js';
/** A `MinimumTermBreached` event: an end before the third anniversary of the start. */
export { minimumTermBreachedArbitrary } from './posting.js';
/** A `PerformanceAssessed` event, flagged exactly when no partner contributed. */
export { performanceAssessedArbitrary } from './posting.js';
/** Any posting event. */
export { postingEventArbitrary } from './posting.js';
/** One command of a valid history and the events the decider recorded for it. */
export { type PostingHistoryStep } from './posting.js';
/** A history of one command unit's postings that the decider accepted, command by command. */
export { type PostingHistory } from './posting.js';
/** Command sequences for one command unit (a London borough or a BCU from the reference data) that */
export { validPostingHistory } from './posting.js';
/** The names restructure arbitraries draw from; small pools make random commands meet each other. */
export { type RestructureVocabulary } from './restructure.js';
/** One force, a few programmes, BCUs, boroughs (and the City of London, which is not one), stations and officers. */
export { defaultRestructureVocabulary } from './restructure.js';
/** A calendar date from 2012 to 2020, when borough commands were merged into BCUs. */
export { restructureDateArbitrary } from './restructure.js';
/** A command id. */
export { restructureCommandIdArbitrary } from './restructure.js';
/** One of London's 32 boroughs. */
export { londonBoroughNameArbitrary } from './restructure.js';
/** An officer from the vocabulary's ids, of the given rank or any rank (mostly the given one). */
export { restructureOfficerArbitrary } from './restructure.js';
/** RS-3: a `StartRestructureProgramme` command. */
export { startRestructureProgrammeArbitrary } from './restructure.js';
/** RS-1: a `ProposeBcu` command of one to four boroughs from the vocabulary (repeats possible). */
export { proposeBcuArbitrary } from './restructure.js';
/** RS-2: a `RecordBcuConsultation` command, with or without a borough. */
export { recordBcuConsultationArbitrary } from './restructure.js';
/** RS-4: an `AppointBcuCommander` command, mostly of a chief superintendent, sometimes with the predecessor's departure. */
export { appointBcuCommanderArbitrary } from './restructure.js';
/** RS-5: an `AssignSuperintendent` command leading a function, dedicated to a borough, both or (to reach the refusal) neither. */
export { assignSuperintendentArbitrary } from './restructure.js';
/** RS-7: an `AllocateDedicatedWardOfficers` command, sometimes below the minimum of two. */
export { allocateDedicatedWardOfficersArbitrary } from './restructure.js';
/** RS-8: a `RegisterTwentyFourHourStation` command. */
export { registerTwentyFourHourStationArbitrary } from './restructure.js';
/** RS-8: a `CloseTwentyFourHourStation` command. */
export { closeTwentyFourHourStationArbitrary } from './restructure.js';
/** RS-5: a `TakeBcuLive` command. */
export { takeBcuLiveArbitrary } from './restructure.js';
/** RS-6: a `ShareResources` command. */
export { shareResourcesArbitrary } from './restructure.js';
/** RS-3: a `RecordPathfinderEvaluation` command. */
export { recordPathfinderEvaluationArbitrary } from './restructure.js';
/** RS-9: a `DissolveBcu` command. */
export { dissolveBcuArbitrary } from './restructure.js';
/** RS-9: an `AbandonRestructureProgramme` command. */
export { abandonRestructureProgrammeArbitrary } from './restructure.js';
/** Any restructure command, drawn from the vocabulary; many are refused, some accepted. */
export { restructureCommandArbitrary } from './restructure.js';
/** RS-3: a `RestructureProgrammeStarted` event. */
export { restructureProgrammeStartedArbitrary } from './restructure.js';
/** RS-1: a `BcuProposed` event of two to four distinct London boroughs. */
export { bcuProposedArbitrary } from './restructure.js';
/** RS-2: a `BcuConsultationRecorded` event (a borough for a local authority, none for MOPAC). */
export { bcuConsultationRecordedArbitrary } from './restructure.js';
/** RS-4: a `BcuCommanderAppointed` event. */
export { bcuCommanderAppointedArbitrary } from './restructure.js';
/** RS-5: a `SuperintendentAssigned` event with a function, a borough or both. */
export { superintendentAssignedArbitrary } from './restructure.js';
/** RS-7: a `DedicatedWardOfficersAllocated` event of a London borough, at least two officers a ward. */
export { dedicatedWardOfficersAllocatedArbitrary } from './restructure.js';
/** RS-8: a `TwentyFourHourStationRegistered` event. */
export { twentyFourHourStationRegisteredArbitrary } from './restructure.js';
/** RS-8: a `TwentyFourHourStationClosed` event. */
export { twentyFourHourStationClosedArbitrary } from './restructure.js';
/** RS-5: a `BcuWentLive` event with a commander, a lead per core function and a dedicated superintendent per borough. */
export { bcuWentLiveArbitrary } from './restructure.js';
/** RS-6: a `ResourcesShared` event. */
export { resourcesSharedArbitrary } from './restructure.js';
/** RS-3: a `PathfinderEvaluationRecorded` event. */
export { pathfinderEvaluationRecordedArbitrary } from './restructure.js';
/** RS-9: a `BcuDissolved` event. */
export { bcuDissolvedArbitrary } from './restructure.js';
/** RS-9: a `RestructureProgrammeAbandoned` event. */
export { restructureProgrammeAbandonedArbitrary } from './restructure.js';
/** Any restructure event whose data satisfies its codec (not necessarily a history the decider would produce). */
export { restructureEventArbitrary } from './restructure.js';
/** A BCU a valid history takes live: who leads it and how its boroughs are policed. */
export { type PlannedBcu } from './restructure.js';
/** A command sequence the restructure decider accepts, the events it records, and the plan it follows. */
export { type ValidRestructureHistory } from './restructure.js';
/** Command sequences the restructure decider accepts under a policy: a pathfinder programme whose */
export { validRestructureHistory } from './restructure.js';
