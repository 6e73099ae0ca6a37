import * as t from 'io-ts';
import {
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
  isAppointmentEvent,
} from '@borough-command/domain';
import type { DomainEnvelope, EventDataOf } from '../views/envelope.js';
import { EventRefJsonCodec, loadRef, refOf, saveRef, type EventRef } from '../views/event-ref.js';

/** One recorded step of a process: the event's data, where it was recorded, and the policy version it was judged under (PH-1). */
export interface Fact<Data> {
  readonly data: Data;
  readonly ref: EventRef;
  /** The policy version the event's metadata names; null for an event written before versions were recorded. */
  readonly policyVersion: string | null;
}

/** Every step an appointment process recorded, by kind, each list in the order recorded. */
export interface ProcessFacts {
  readonly processId: string;
  opened: Fact<EventDataOf<'AppointmentProcessOpened'>> | null;
  readonly roleDescriptions: Fact<EventDataOf<'RoleDescriptionAttached'>>[];
  readonly consultations: Fact<EventDataOf<'PartnerConsulted'>>[];
  readonly candidates: Fact<EventDataOf<'CandidateRecorded'>>[];
  readonly interviews: Fact<EventDataOf<'CandidateInterviewed'>>[];
  readonly proposals: Fact<EventDataOf<'PreferredCandidateProposed'>>[];
  readonly agreements: Fact<EventDataOf<'ProposalAgreed'>>[];
  readonly declines: Fact<EventDataOf<'ProposalDeclined'>>[];
  readonly discussions: Fact<EventDataOf<'ChosenCandidateDiscussed'>>[];
  readonly commitments: Fact<EventDataOf<'ThreeYearCommitmentGiven'>>[];
  confirmation: Fact<EventDataOf<'AppointmentConfirmed'>> | null;
  outcome: Fact<EventDataOf<'OutcomeReported'>> | null;
  abandoned: Fact<EventDataOf<'AppointmentProcessAbandoned'>> | null;
}

/** The facts of a process before any step. */
export const noFacts = (processId: string): ProcessFacts => ({
  processId,
  opened: null,
  roleDescriptions: [],
  consultations: [],
  candidates: [],
  interviews: [],
  proposals: [],
  agreements: [],
  declines: [],
  discussions: [],
  commitments: [],
  confirmation: null,
  outcome: null,
  abandoned: null,
});

/** Tells whether a fact was recorded before another (global position order, which is stream order). */
export const before = (a: Fact<unknown>, b: Fact<unknown>): boolean => a.ref.position < b.ref.position;

/** Folds one appointment event into its process's facts; other events are ignored. */
export const foldFacts = (processes: Map<string, ProcessFacts>, envelope: DomainEnvelope): void => {
  const { event } = envelope;
  if (!isAppointmentEvent(event)) return;
  const { processId } = event.data;
  let facts = processes.get(processId);
  if (facts === undefined) {
    facts = noFacts(processId);
    processes.set(processId, facts);
  }
  const ref = refOf(envelope);
  const policyVersion = envelope.metadata.policyVersion ?? null;
  switch (event.type) {
    case 'AppointmentProcessOpened':
      facts.opened ??= { data: event.data, ref, policyVersion };
      return;
    case 'RoleDescriptionAttached':
      facts.roleDescriptions.push({ data: event.data, ref, policyVersion });
      return;
    case 'PartnerConsulted':
      facts.consultations.push({ data: event.data, ref, policyVersion });
      return;
    case 'CandidateRecorded':
      facts.candidates.push({ data: event.data, ref, policyVersion });
      return;
    case 'CandidateInterviewed':
      facts.interviews.push({ data: event.data, ref, policyVersion });
      return;
    case 'PreferredCandidateProposed':
      facts.proposals.push({ data: event.data, ref, policyVersion });
      return;
    case 'ProposalAgreed':
      facts.agreements.push({ data: event.data, ref, policyVersion });
      return;
    case 'ProposalDeclined':
      facts.declines.push({ data: event.data, ref, policyVersion });
      return;
    case 'ChosenCandidateDiscussed':
      facts.discussions.push({ data: event.data, ref, policyVersion });
      return;
    case 'ThreeYearCommitmentGiven':
      facts.commitments.push({ data: event.data, ref, policyVersion });
      return;
    case 'AppointmentConfirmed':
      facts.confirmation ??= { data: event.data, ref, policyVersion };
      return;
    case 'OutcomeReported':
      facts.outcome ??= { data: event.data, ref, policyVersion };
      return;
    case 'AppointmentProcessAbandoned':
      facts.abandoned ??= { data: event.data, ref, policyVersion };
      return;
    default:
      return;
  }
};

const factCodec = <C extends t.Mixed>(data: C) =>
  t.readonly(t.intersection([t.type({ data, ref: EventRefJsonCodec }), t.partial({ policyVersion: t.string })]));
const factsCodec = <C extends t.Mixed>(data: C) => t.readonlyArray(factCodec(data));
const optionalFact = <C extends t.Mixed>(data: C) => t.union([factCodec(data), t.null]);

/** io-ts codec of a process's facts in a snapshot. */
export const ProcessFactsJsonCodec = t.readonly(
  t.type({
    processId: t.string,
    opened: optionalFact(AppointmentProcessOpenedData),
    roleDescriptions: factsCodec(RoleDescriptionAttachedData),
    consultations: factsCodec(PartnerConsultedData),
    candidates: factsCodec(CandidateRecordedData),
    interviews: factsCodec(CandidateInterviewedData),
    proposals: factsCodec(PreferredCandidateProposedData),
    agreements: factsCodec(ProposalAgreedData),
    declines: factsCodec(ProposalDeclinedData),
    discussions: factsCodec(ChosenCandidateDiscussedData),
    commitments: factsCodec(ThreeYearCommitmentGivenData),
    confirmation: optionalFact(AppointmentConfirmedData),
    outcome: optionalFact(OutcomeReportedData),
    abandoned: optionalFact(AppointmentProcessAbandonedData),
  }),
  'ProcessFacts',
);

/** A process's facts in a snapshot. */
export type ProcessFactsJson = t.TypeOf<typeof ProcessFactsJsonCodec>;

type SavedFact<Data> = { readonly data: Data; readonly ref: t.TypeOf<typeof EventRefJsonCodec>; readonly policyVersion?: string };

const save = <Data>(fact: Fact<Data>): SavedFact<Data> => ({
  data: fact.data,
  ref: saveRef(fact.ref),
  ...(fact.policyVersion === null ? {} : { policyVersion: fact.policyVersion }),
});
const load = <Data>(fact: SavedFact<Data>): Fact<Data> => ({ data: fact.data, ref: loadRef(fact.ref), policyVersion: fact.policyVersion ?? null });
const saveOptional = <Data>(fact: Fact<Data> | null): SavedFact<Data> | null => (fact === null ? null : save(fact));
const loadOptional = <Data>(fact: SavedFact<Data> | null): Fact<Data> | null => (fact === null ? null : load(fact));

/** The snapshot form of a process's facts. */
export const saveFacts = (facts: ProcessFacts): ProcessFactsJson => ({
  processId: facts.processId,
  opened: saveOptional(facts.opened),
  roleDescriptions: facts.roleDescriptions.map(save),
  consultations: facts.consultations.map(save),
  candidates: facts.candidates.map(save),
  interviews: facts.interviews.map(save),
  proposals: facts.proposals.map(save),
  agreements: facts.agreements.map(save),
  declines: facts.declines.map(save),
  discussions: facts.discussions.map(save),
  commitments: facts.commitments.map(save),
  confirmation: saveOptional(facts.confirmation),
  outcome: saveOptional(facts.outcome),
  abandoned: saveOptional(facts.abandoned),
});

/** The facts a snapshot holds. */
export const loadFacts = (json: ProcessFactsJson): ProcessFacts => ({
  processId: json.processId,
  opened: loadOptional(json.opened),
  roleDescriptions: json.roleDescriptions.map(load),
  consultations: json.consultations.map(load),
  candidates: json.candidates.map(load),
  interviews: json.interviews.map(load),
  proposals: json.proposals.map(load),
  agreements: json.agreements.map(load),
  declines: json.declines.map(load),
  discussions: json.discussions.map(load),
  commitments: json.commitments.map(load),
  confirmation: loadOptional(json.confirmation),
  outcome: loadOptional(json.outcome),
  abandoned: loadOptional(json.abandoned),
});
