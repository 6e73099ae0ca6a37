import * as t from 'io-ts';
import { defineEvent } from '../eventsourcing/codec-registry.js';
import { EndReasonCodec } from '../policy/policy-codecs.js';
import { integerBetween, nullable, record } from '../shared/codec-helpers.js';
import { IsoDateCodec } from '../shared/iso-date.js';
import { IdCodec, TextCodec } from '../shared/text.js';
import { CoreFunctionCodec, OfficerCodec, SharedResourceCodec } from '../shared/vocabulary.js';

/** The stage of a restructure programme: pathfinder BCUs first, then a roll-out (RS-3). */
export const ProgrammeStageCodec = t.keyof({ pathfinder: null, 'roll-out': null }, 'ProgrammeStage');

/** Who is consulted before a BCU goes live (RS-2). */
export const ConsulteeKindCodec = t.keyof(
  { 'local-authority-leader': null, 'local-authority-chief-executive': null, mopac: null },
  'ConsulteeKind',
);

/** A ward's dedicated ward officers, where they differ from the borough's allocation per ward. */
export const WardExceptionCodec = record({ ward: TextCodec, officers: integerBetween(0, 1000) });

/** RS-3: a restructure programme began, at the pathfinder or the roll-out stage. */
export const RestructureProgrammeStartedData = record({
  restructureId: IdCodec,
  programmeId: IdCodec,
  stage: ProgrammeStageCodec,
  name: TextCodec,
  at: IsoDateCodec,
});
/** RS-1: a BCU merging two or more boroughs was proposed in a programme. */
export const BcuProposedData = record({
  restructureId: IdCodec,
  programmeId: IdCodec,
  bcu: IdCodec,
  boroughs: t.readonlyArray(IdCodec),
  pathfinder: t.boolean,
  at: IsoDateCodec,
});
/** RS-2: a local authority leader or chief executive, or MOPAC, was consulted about a BCU. */
export const BcuConsultationRecordedData = record({
  restructureId: IdCodec,
  bcu: IdCodec,
  consultee: ConsulteeKindCodec,
  /** The borough whose leader or chief executive was consulted; null for MOPAC. */
  borough: nullable(IdCodec),
  name: TextCodec,
  at: IsoDateCodec,
});
/** RS-4: why the commander replaced by a successor left, and who approved it; `null` for what was not given. */
export const PredecessorDepartureCodec = record(
  { reason: EndReasonCodec, detail: nullable(TextCodec), approvedBy: nullable(TextCodec) },
  'PredecessorDeparture',
);
/** RS-4: a chief superintendent was appointed to lead a BCU (interim in a pathfinder), live or not yet, replacing the commander in place (`predecessor`, who left for `predecessorLeaves`) or no one; version 1 had neither of the last three fields. */
export const BcuCommanderAppointedData = record({
  restructureId: IdCodec,
  bcu: IdCodec,
  officer: OfficerCodec,
  interim: t.boolean,
  live: t.boolean,
  predecessor: nullable(OfficerCodec),
  predecessorLeaves: nullable(PredecessorDepartureCodec),
  at: IsoDateCodec,
});

/**
 * RS-4: reads a version 1 `BcuCommanderAppointed` as version 2. Version 1 recorded neither whether
 * the BCU was live nor whom the appointment replaced, so it reads as `live: false` and no
 * predecessor: a journal of that time says no more than that.
 */
export const upcastBcuCommanderAppointedFromV1 = (data: unknown): unknown => ({
  ...(data as Readonly<Record<string, unknown>>),
  live: false,
  predecessor: null,
  predecessorLeaves: null,
});
/** RS-4: the BCU's commander left with no successor named (their posting, `postingId`, ended on `at`): the BCU has no commander. */
export const BcuCommanderLeftData = record({
  restructureId: IdCodec,
  bcu: IdCodec,
  officer: OfficerCodec,
  postingId: TextCodec,
  at: IsoDateCodec,
});
/** RS-5: a superintendent leads a core function across the BCU, is a borough's dedicated superintendent, or both. */
export const SuperintendentAssignedData = record({
  restructureId: IdCodec,
  bcu: IdCodec,
  superintendent: OfficerCodec,
  leads: nullable(CoreFunctionCodec),
  dedicatedTo: nullable(IdCodec),
  at: IsoDateCodec,
});
/** RS-7: a borough's dedicated ward officers per ward, with the wards that differ. */
export const DedicatedWardOfficersAllocatedData = record({
  restructureId: IdCodec,
  borough: IdCodec,
  officersPerWard: integerBetween(0, 1000),
  exceptions: t.readonlyArray(WardExceptionCodec),
  wards: integerBetween(1, 1000),
  at: IsoDateCodec,
});
/** RS-8: a police station open to the public 24 hours a day, 7 days a week, in a borough. */
export const TwentyFourHourStationRegisteredData = record({
  restructureId: IdCodec,
  borough: IdCodec,
  station: TextCodec,
  at: IsoDateCodec,
});
/** RS-8: a 24/7 station closed or stopped opening around the clock; never a borough's last. */
export const TwentyFourHourStationClosedData = record({
  restructureId: IdCodec,
  borough: IdCodec,
  station: TextCodec,
  reason: TextCodec,
  at: IsoDateCodec,
});
/** RS-5: a BCU went live; its boroughs' commands are merged into it. */
export const BcuWentLiveData = record({
  restructureId: IdCodec,
  programmeId: IdCodec,
  bcu: IdCodec,
  boroughs: t.readonlyArray(IdCodec),
  commander: OfficerCodec,
  interim: t.boolean,
  functionLeads: t.readonlyArray(record({ function: CoreFunctionCodec, superintendent: OfficerCodec })),
  dedicatedSuperintendents: t.readonlyArray(record({ borough: IdCodec, superintendent: OfficerCodec })),
  at: IsoDateCodec,
});
/** RS-6: people, buildings, technology or vehicles shared across a live BCU's boroughs. */
export const ResourcesSharedData = record({
  restructureId: IdCodec,
  bcu: IdCodec,
  resources: t.readonlyArray(SharedResourceCodec),
  at: IsoDateCodec,
});
/** RS-3: the evaluation of the pathfinder BCUs was recorded. */
export const PathfinderEvaluationRecordedData = record({
  restructureId: IdCodec,
  programmeId: IdCodec,
  evaluatedBy: TextCodec,
  findings: TextCodec,
  at: IsoDateCodec,
});
/** RS-9: a BCU was dissolved; its boroughs return to borough commands. */
export const BcuDissolvedData = record({
  restructureId: IdCodec,
  bcu: IdCodec,
  boroughs: t.readonlyArray(IdCodec),
  reason: TextCodec,
  at: IsoDateCodec,
});
/** RS-9: a programme was abandoned; its BCUs not yet live are withdrawn. */
export const RestructureProgrammeAbandonedData = record({
  restructureId: IdCodec,
  programmeId: IdCodec,
  withdrawnBcus: t.readonlyArray(IdCodec),
  reason: TextCodec,
  at: IsoDateCodec,
});

/** RS-1 to RS-9: the rules whose departures `record` mode can record instead of refusing. */
export const DepartableRestructureRuleCodec = t.keyof(
  { 'RS-1': null, 'RS-2': null, 'RS-3': null, 'RS-4': null, 'RS-5': null, 'RS-6': null, 'RS-7': null, 'RS-8': null, 'RS-9': null },
  'DepartableRestructureRule',
);

/**
 * In `record` mode: the decision that follows this event went ahead without what a rule asks (the
 * rejection `enforce` mode gives, by tag and in words), and is recorded as it happened.
 */
export const RestructureRuleDepartedData = record({
  restructureId: IdCodec,
  rule: DepartableRestructureRuleCodec,
  /** The tag of the rejection the decision would have had in `enforce` mode. */
  departure: IdCodec,
  message: TextCodec,
  /** The BCU the decision was about, or null for a programme's. */
  bcu: nullable(IdCodec),
  at: IsoDateCodec,
});

/** The event definitions of the BCU restructure, for the codec registry. */
export const restructureEventDefinitions = [
  defineEvent('RestructureProgrammeStarted', RestructureProgrammeStartedData),
  defineEvent('BcuProposed', BcuProposedData),
  defineEvent('BcuConsultationRecorded', BcuConsultationRecordedData),
  defineEvent('BcuCommanderAppointed', BcuCommanderAppointedData, { version: 2, upcasters: { 1: upcastBcuCommanderAppointedFromV1 } }),
  defineEvent('BcuCommanderLeft', BcuCommanderLeftData),
  defineEvent('SuperintendentAssigned', SuperintendentAssignedData),
  defineEvent('DedicatedWardOfficersAllocated', DedicatedWardOfficersAllocatedData),
  defineEvent('TwentyFourHourStationRegistered', TwentyFourHourStationRegisteredData),
  defineEvent('TwentyFourHourStationClosed', TwentyFourHourStationClosedData),
  defineEvent('BcuWentLive', BcuWentLiveData),
  defineEvent('ResourcesShared', ResourcesSharedData),
  defineEvent('PathfinderEvaluationRecorded', PathfinderEvaluationRecordedData),
  defineEvent('BcuDissolved', BcuDissolvedData),
  defineEvent('RestructureProgrammeAbandoned', RestructureProgrammeAbandonedData),
  defineEvent('RestructureRuleDeparted', RestructureRuleDepartedData),
] as const;

/** An event of a force's BCU restructure. */
export type RestructureEvent =
  | { readonly type: 'RestructureProgrammeStarted'; readonly data: t.TypeOf<typeof RestructureProgrammeStartedData> }
  | { readonly type: 'BcuProposed'; readonly data: t.TypeOf<typeof BcuProposedData> }
  | { readonly type: 'BcuConsultationRecorded'; readonly data: t.TypeOf<typeof BcuConsultationRecordedData> }
  | { readonly type: 'BcuCommanderAppointed'; readonly data: t.TypeOf<typeof BcuCommanderAppointedData> }
  | { readonly type: 'BcuCommanderLeft'; readonly data: t.TypeOf<typeof BcuCommanderLeftData> }
  | { readonly type: 'SuperintendentAssigned'; readonly data: t.TypeOf<typeof SuperintendentAssignedData> }
  | { readonly type: 'DedicatedWardOfficersAllocated'; readonly data: t.TypeOf<typeof DedicatedWardOfficersAllocatedData> }
  | { readonly type: 'TwentyFourHourStationRegistered'; readonly data: t.TypeOf<typeof TwentyFourHourStationRegisteredData> }
  | { readonly type: 'TwentyFourHourStationClosed'; readonly data: t.TypeOf<typeof TwentyFourHourStationClosedData> }
  | { readonly type: 'BcuWentLive'; readonly data: t.TypeOf<typeof BcuWentLiveData> }
  | { readonly type: 'ResourcesShared'; readonly data: t.TypeOf<typeof ResourcesSharedData> }
  | { readonly type: 'PathfinderEvaluationRecorded'; readonly data: t.TypeOf<typeof PathfinderEvaluationRecordedData> }
  | { readonly type: 'BcuDissolved'; readonly data: t.TypeOf<typeof BcuDissolvedData> }
  | { readonly type: 'RestructureProgrammeAbandoned'; readonly data: t.TypeOf<typeof RestructureProgrammeAbandonedData> }
  | { readonly type: 'RestructureRuleDeparted'; readonly data: t.TypeOf<typeof RestructureRuleDepartedData> };
