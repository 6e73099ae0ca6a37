import {
  appointmentDecider,
  isAppointmentEvent,
  isPostingEvent,
  postingDecider,
  restructureDecider,
  type AppointmentCommand,
  type AppointmentEvent,
  type DomainCommand,
  type DomainEvent,
  type DomainRejection,
  type Policy,
  type PostingCommand,
  type PostingEvent,
  type RestructureCommand,
  type RestructureEvent,
} from '@borough-command/domain';
import type { Decider, RecordedEvent } from '@borough-command/domain/eventsourcing';

/** A decider of any aggregate, and the command an event group was decided from. */
export interface Replay {
  readonly decider: Decider<DomainCommand, unknown, DomainEvent, DomainRejection>;
  readonly commandOf: (events: readonly DomainEvent[]) => DomainCommand;
}

const commandId = 'replayed';

/** The appointment command that records an event. */
const appointmentCommandOf = (event: AppointmentEvent): AppointmentCommand => {
  const base = { commandId, at: event.data.at, processId: event.data.processId };
  switch (event.type) {
    case 'AppointmentProcessOpened':
      return { type: 'OpenAppointmentProcess', ...base, unit: event.data.unit, role: event.data.role, areaCommander: event.data.areaCommander };
    case 'RoleDescriptionAttached':
      return { type: 'AttachRoleDescription', ...base, version: event.data.version };
    case 'PartnerConsulted':
      return { type: 'ConsultPartner', ...base, partner: event.data.partner };
    case 'CandidateRecorded':
      return { type: 'RecordCandidate', ...base, candidate: event.data.candidate, route: event.data.route };
    case 'CandidateInterviewed':
      return { type: 'InterviewCandidate', ...base, candidateId: event.data.candidateId };
    case 'PreferredCandidateProposed':
      return { type: 'ProposePreferredCandidate', ...base, candidateId: event.data.candidateId };
    case 'ProposalAgreed':
      return { type: 'AgreeProposal', ...base, actp: event.data.agreedBy };
    case 'ProposalDeclined':
      return { type: 'DeclineProposal', ...base, actp: event.data.declinedBy, reason: event.data.reason };
    case 'ChosenCandidateDiscussed':
      return { type: 'DiscussChosenCandidate', ...base, partners: event.data.partners };
    case 'ThreeYearCommitmentGiven':
      return { type: 'RecordThreeYearCommitment', ...base, candidateId: event.data.candidateId };
    case 'AppointmentConfirmed':
      return {
        type: 'TakeFinalDecision',
        ...base,
        policeAuthorityDecisionBy: event.data.policeAuthorityDecisionBy,
        mpsDecisionBy: event.data.mpsDecisionBy,
        startDate: event.data.startDate,
      };
    case 'OutcomeReported':
      return { type: 'ReportOutcome', ...base, directorHr: event.data.directorHr };
    case 'AppointmentProcessAbandoned':
      return { type: 'AbandonAppointmentProcess', ...base, reason: event.data.reason };
    case 'AppointmentRuleDeparted':
      // Large histories follow every rule: a departure (record mode) is never generated.
      throw new Error(`a departure from ${event.data.rule} is recorded with the step after it, and is not a command of its own`);
  }
};

/** The posting command that records a group of events: a start (which may end an acting cover first), an end, an assessment. */
const postingCommandOf = (events: readonly PostingEvent[]): PostingCommand => {
  const started = events.find((event) => event.type === 'PostingStarted');
  if (started?.type === 'PostingStarted') {
    const { data } = started;
    return {
      type: 'StartPosting',
      commandId,
      at: data.start,
      unit: data.unit,
      postingId: data.postingId,
      role: data.role,
      officer: data.officer,
      acting: data.acting,
      ...(data.lineManager === null ? {} : { lineManager: data.lineManager }),
      ...(data.appointmentProcessId === null ? {} : { appointmentProcessId: data.appointmentProcessId }),
    };
  }
  const [first] = events;
  if (first?.type === 'PerformanceAssessed') {
    const { data } = first;
    return { type: 'AssessPerformance', commandId, at: data.at, unit: data.unit, postingId: data.postingId, assessedBy: data.assessedBy, partners: data.partners };
  }
  if (first?.type !== 'PostingEnded') throw new Error(`no posting command records ${first?.type ?? 'nothing'}`);
  const { data } = first;
  if (data.reason === 'organisational-restructure' && data.approvedBy === null) {
    const bcu = data.unit.kind === 'bcu' ? data.unit.name : (data.detail ?? '').replace(/^.* joined BCU /, '');
    return { type: 'EndPostingsForRestructure', commandId, at: data.end, unit: data.unit, bcu };
  }
  return {
    type: 'EndPosting',
    commandId,
    at: data.end,
    unit: data.unit,
    postingId: data.postingId,
    reason: data.reason,
    ...(data.detail === null ? {} : { detail: data.detail }),
    ...(data.approvedBy === null ? {} : { approvedBy: data.approvedBy }),
  };
};

/** The restructure command that records an event. */
const restructureCommandOf = (event: RestructureEvent): RestructureCommand => {
  const base = { commandId, at: event.data.at, restructureId: event.data.restructureId };
  switch (event.type) {
    case 'RestructureProgrammeStarted':
      return { type: 'StartRestructureProgramme', ...base, programmeId: event.data.programmeId, stage: event.data.stage, name: event.data.name };
    case 'BcuProposed':
      return { type: 'ProposeBcu', ...base, programmeId: event.data.programmeId, bcu: event.data.bcu, boroughs: event.data.boroughs };
    case 'BcuConsultationRecorded':
      return {
        type: 'RecordBcuConsultation',
        ...base,
        bcu: event.data.bcu,
        consultee: event.data.consultee,
        name: event.data.name,
        ...(event.data.borough === null ? {} : { borough: event.data.borough }),
      };
    case 'BcuCommanderAppointed':
      return { type: 'AppointBcuCommander', ...base, bcu: event.data.bcu, officer: event.data.officer, interim: event.data.interim };
    case 'BcuCommanderLeft':
      return { type: 'RecordBcuCommanderLeft', ...base, bcu: event.data.bcu, officer: event.data.officer, postingId: event.data.postingId };
    case 'SuperintendentAssigned':
      return {
        type: 'AssignSuperintendent',
        ...base,
        bcu: event.data.bcu,
        superintendent: event.data.superintendent,
        ...(event.data.leads === null ? {} : { leads: event.data.leads }),
        ...(event.data.dedicatedTo === null ? {} : { dedicatedTo: event.data.dedicatedTo }),
      };
    case 'DedicatedWardOfficersAllocated':
      return { type: 'AllocateDedicatedWardOfficers', ...base, borough: event.data.borough, officersPerWard: event.data.officersPerWard, exceptions: event.data.exceptions };
    case 'TwentyFourHourStationRegistered':
      return { type: 'RegisterTwentyFourHourStation', ...base, borough: event.data.borough, station: event.data.station };
    case 'TwentyFourHourStationClosed':
      return { type: 'CloseTwentyFourHourStation', ...base, borough: event.data.borough, station: event.data.station, reason: event.data.reason };
    case 'BcuWentLive':
      return { type: 'TakeBcuLive', ...base, bcu: event.data.bcu };
    case 'ResourcesShared':
      return { type: 'ShareResources', ...base, bcu: event.data.bcu, resources: event.data.resources };
    case 'PathfinderEvaluationRecorded':
      return { type: 'RecordPathfinderEvaluation', ...base, programmeId: event.data.programmeId, evaluatedBy: event.data.evaluatedBy, findings: event.data.findings };
    case 'BcuDissolved':
      return { type: 'DissolveBcu', ...base, bcu: event.data.bcu, reason: event.data.reason };
    case 'RestructureProgrammeAbandoned':
      return { type: 'AbandonRestructureProgramme', ...base, programmeId: event.data.programmeId, reason: event.data.reason };
    case 'RestructureRuleDeparted':
      // Large histories follow every rule: a departure (record mode) is never generated.
      throw new Error(`a departure from ${event.data.rule} is recorded with the decision after it, and is not a command of its own`);
  }
};

/** The replay of an event's aggregate under a policy. */
export const replays = (policy: Policy): ((event: RecordedEvent<DomainEvent>) => Replay) => {
  const appointment: Replay = {
    decider: appointmentDecider(policy) as unknown as Replay['decider'],
    commandOf: (events) => appointmentCommandOf(events[0] as AppointmentEvent),
  };
  const posting: Replay = {
    decider: postingDecider(policy) as unknown as Replay['decider'],
    commandOf: (events) => postingCommandOf(events as readonly PostingEvent[]),
  };
  const restructure: Replay = {
    decider: restructureDecider(policy) as unknown as Replay['decider'],
    commandOf: (events) => restructureCommandOf(events[0] as RestructureEvent),
  };
  return (envelope) => (isAppointmentEvent(envelope.event) ? appointment : isPostingEvent(envelope.event) ? posting : restructure);
};

/** Consecutive envelopes of one command in one stream: what one command recorded. */
export const commandGroups = (events: readonly RecordedEvent<DomainEvent>[]): readonly (readonly RecordedEvent<DomainEvent>[])[] => {
  const groups: RecordedEvent<DomainEvent>[][] = [];
  for (const envelope of events) {
    const last = groups.at(-1);
    const first = last?.[0];
    if (last !== undefined && first?.stream === envelope.stream && first.metadata.commandId === envelope.metadata.commandId) last.push(envelope);
    else groups.push([envelope]);
  }
  return groups;
};
