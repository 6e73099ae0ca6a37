import fc from 'fast-check';
import { strictestValues } from '../strictest-values.js';
import * as E from 'fp-ts/lib/Either.js';
import {
  addDays,
  coreFunctions,
  defaultPolicy,
  endReasons,
  isoDate,
  londonBoroughs,
  ranks,
  restructureDecider,
  sharedResources,
  superintendentRank,
  wardsOf,
  type ConsulteeKind,
  type CoreFunction,
  type EndReason,
  type IsoDate,
  type Officer,
  type Policy,
  type ProgrammeStage,
  type Rank,
  type RestructureCommand,
  type RestructureCommandOf,
  type RestructureEvent,
  type RestructureState,
  type SharedResource,
  type WardException,
} from '@borough-command/domain';

// ------------------------------------------------------------------ vocabulary

/** The names restructure arbitraries draw from; small pools make random commands meet each other. */
export interface RestructureVocabulary {
  readonly restructureIds: readonly string[];
  readonly programmeIds: readonly string[];
  readonly bcuNames: readonly string[];
  /** Borough names; may include names that are not London boroughs, to reach refusals. */
  readonly boroughs: readonly string[];
  readonly stations: readonly string[];
  readonly wards: readonly string[];
  readonly officerIds: readonly string[];
}

/** One force, a few programmes, BCUs, boroughs (and the City of London, which is not one), stations and officers. */
export const defaultRestructureVocabulary: RestructureVocabulary = {
  restructureIds: ['met'],
  programmeIds: ['pathfinder', 'roll-out', 'second-wave'],
  bcuNames: ['Central North', 'East Area', 'North West', 'South West'],
  boroughs: ['Camden', 'Islington', 'Barking and Dagenham', 'Havering', 'Redbridge', 'Barnet', 'City of London'],
  stations: ['Holborn', 'Islington', 'Romford', 'Ilford', 'Colindale'],
  wards: ['Ward A', 'Ward B', 'Ward C'],
  officerIds: ['o1', 'o2', 'o3', 'o4', 'o5', 'o6'],
};

const vocabularyWith = (changes: Partial<RestructureVocabulary>): RestructureVocabulary => ({ ...defaultRestructureVocabulary, ...changes });

const from = <T>(values: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...values);

/** A calendar date from 2012 to 2020, when borough commands were merged into BCUs. */
export const restructureDateArbitrary: fc.Arbitrary<IsoDate> = fc
  .integer({ min: 0, max: 365 * 9 })
  .map((days) => addDays(isoDate('2012-01-01'), days));

/** A command id. */
export const restructureCommandIdArbitrary: fc.Arbitrary<string> = fc.nat({ max: 1_000_000 }).map((n) => `command-${String(n)}`);

/** One of London's 32 boroughs. */
export const londonBoroughNameArbitrary: fc.Arbitrary<string> = from(londonBoroughs.map((borough) => borough.name));

/** An officer from the vocabulary's ids, of the given rank or any rank (mostly the given one). */
export const restructureOfficerArbitrary = (
  likelyRank: Rank,
  vocabulary: Partial<RestructureVocabulary> = {},
): fc.Arbitrary<Officer> =>
  fc.record({
    id: from(vocabularyWith(vocabulary).officerIds),
    name: from(['Ann Carter', 'Ben Okafor', 'Cath Roper', 'Dev Kohli', 'Eve Gwillim']),
    rank: fc.oneof({ weight: 5, arbitrary: fc.constant(likelyRank) }, { weight: 1, arbitrary: from(ranks) }),
  });

const textArbitrary = (prefix: string): fc.Arbitrary<string> => fc.nat({ max: 99 }).map((n) => `${prefix} ${String(n)}`);

const baseOf = (vocabulary: RestructureVocabulary) => ({
  commandId: restructureCommandIdArbitrary,
  at: restructureDateArbitrary,
  restructureId: from(vocabulary.restructureIds),
});

// ------------------------------------------------------------------ commands

/** RS-3: a `StartRestructureProgramme` command. */
export const startRestructureProgrammeArbitrary = (
  vocabulary: Partial<RestructureVocabulary> = {},
): fc.Arbitrary<RestructureCommandOf<'StartRestructureProgramme'>> => {
  const v = vocabularyWith(vocabulary);
  return fc.record({
    type: fc.constant('StartRestructureProgramme' as const),
    ...baseOf(v),
    programmeId: from(v.programmeIds),
    stage: from<ProgrammeStage>(['pathfinder', 'roll-out']),
    name: textArbitrary('Programme'),
  });
};

/** RS-1: a `ProposeBcu` command of one to four boroughs from the vocabulary (repeats possible). */
export const proposeBcuArbitrary = (vocabulary: Partial<RestructureVocabulary> = {}): fc.Arbitrary<RestructureCommandOf<'ProposeBcu'>> => {
  const v = vocabularyWith(vocabulary);
  return fc.record({
    type: fc.constant('ProposeBcu' as const),
    ...baseOf(v),
    programmeId: from(v.programmeIds),
    bcu: from(v.bcuNames),
    boroughs: fc.array(from(v.boroughs), { minLength: 1, maxLength: 4 }),
  });
};

/** RS-2: a `RecordBcuConsultation` command, with or without a borough. */
export const recordBcuConsultationArbitrary = (
  vocabulary: Partial<RestructureVocabulary> = {},
): fc.Arbitrary<RestructureCommandOf<'RecordBcuConsultation'>> => {
  const v = vocabularyWith(vocabulary);
  return fc
    .record({
      type: fc.constant('RecordBcuConsultation' as const),
      ...baseOf(v),
      bcu: from(v.bcuNames),
      consultee: from<ConsulteeKind>(['local-authority-leader', 'local-authority-chief-executive', 'mopac']),
      name: textArbitrary('Councillor'),
      borough: fc.option(from(v.boroughs), { freq: 4 }),
    })
    .map(({ borough, ...command }) => (borough === null ? command : { ...command, borough }));
};

/** RS-4: why a replaced BCU commander leaves, with or without detail and approval. */
const predecessorLeavesArbitrary = fc
  .record({ reason: from<EndReason>(endReasons), detail: fc.option(textArbitrary('Left for')), approvedBy: fc.option(textArbitrary('Approved by')) })
  .map(({ reason, detail, approvedBy }) => ({ reason, ...(detail === null ? {} : { detail }), ...(approvedBy === null ? {} : { approvedBy }) }));

/** RS-4: an `AppointBcuCommander` command, mostly of a chief superintendent, sometimes with the predecessor's departure. */
export const appointBcuCommanderArbitrary = (
  vocabulary: Partial<RestructureVocabulary> = {},
): fc.Arbitrary<RestructureCommandOf<'AppointBcuCommander'>> => {
  const v = vocabularyWith(vocabulary);
  return fc
    .record({
      type: fc.constant('AppointBcuCommander' as const),
      ...baseOf(v),
      bcu: from(v.bcuNames),
      officer: restructureOfficerArbitrary('chief-superintendent', v),
      interim: fc.boolean(),
      predecessorLeaves: fc.option(predecessorLeavesArbitrary),
    })
    .map(({ predecessorLeaves, ...command }) => (predecessorLeaves === null ? command : { ...command, predecessorLeaves }));
};

/** RS-5: an `AssignSuperintendent` command leading a function, dedicated to a borough, both or (to reach the refusal) neither. */
export const assignSuperintendentArbitrary = (
  vocabulary: Partial<RestructureVocabulary> = {},
): fc.Arbitrary<RestructureCommandOf<'AssignSuperintendent'>> => {
  const v = vocabularyWith(vocabulary);
  return fc
    .record({
      type: fc.constant('AssignSuperintendent' as const),
      ...baseOf(v),
      bcu: from(v.bcuNames),
      superintendent: restructureOfficerArbitrary(superintendentRank, v),
      leads: fc.option(from<CoreFunction>(coreFunctions), { freq: 5 }),
      dedicatedTo: fc.option(from(v.boroughs), { freq: 3 }),
    })
    .map(({ leads, dedicatedTo, ...command }) => ({
      ...command,
      ...(leads === null ? {} : { leads }),
      ...(dedicatedTo === null ? {} : { dedicatedTo }),
    }));
};

const wardExceptionArbitrary = (vocabulary: RestructureVocabulary): fc.Arbitrary<WardException> =>
  fc.record({ ward: from(vocabulary.wards), officers: fc.integer({ min: 0, max: 6 }) });

/** RS-7: an `AllocateDedicatedWardOfficers` command, sometimes below the minimum of two. */
export const allocateDedicatedWardOfficersArbitrary = (
  vocabulary: Partial<RestructureVocabulary> = {},
): fc.Arbitrary<RestructureCommandOf<'AllocateDedicatedWardOfficers'>> => {
  const v = vocabularyWith(vocabulary);
  return fc
    .record({
      type: fc.constant('AllocateDedicatedWardOfficers' as const),
      ...baseOf(v),
      borough: from(v.boroughs),
      officersPerWard: fc.integer({ min: 0, max: 6 }),
      exceptions: fc.option(fc.array(wardExceptionArbitrary(v), { maxLength: 3 })),
    })
    .map(({ exceptions, ...command }) => (exceptions === null ? command : { ...command, exceptions }));
};

/** RS-8: a `RegisterTwentyFourHourStation` command. */
export const registerTwentyFourHourStationArbitrary = (
  vocabulary: Partial<RestructureVocabulary> = {},
): fc.Arbitrary<RestructureCommandOf<'RegisterTwentyFourHourStation'>> => {
  const v = vocabularyWith(vocabulary);
  return fc.record({
    type: fc.constant('RegisterTwentyFourHourStation' as const),
    ...baseOf(v),
    borough: from(v.boroughs),
    station: from(v.stations),
  });
};

/** RS-8: a `CloseTwentyFourHourStation` command. */
export const closeTwentyFourHourStationArbitrary = (
  vocabulary: Partial<RestructureVocabulary> = {},
): fc.Arbitrary<RestructureCommandOf<'CloseTwentyFourHourStation'>> => {
  const v = vocabularyWith(vocabulary);
  return fc.record({
    type: fc.constant('CloseTwentyFourHourStation' as const),
    ...baseOf(v),
    borough: from(v.boroughs),
    station: from(v.stations),
    reason: textArbitrary('Estate review'),
  });
};

/** RS-5: a `TakeBcuLive` command. */
export const takeBcuLiveArbitrary = (
  vocabulary: Partial<RestructureVocabulary> = {},
): fc.Arbitrary<RestructureCommandOf<'TakeBcuLive'>> => {
  const v = vocabularyWith(vocabulary);
  return fc.record({ type: fc.constant('TakeBcuLive' as const), ...baseOf(v), bcu: from(v.bcuNames) });
};

/** RS-6: a `ShareResources` command. */
export const shareResourcesArbitrary = (
  vocabulary: Partial<RestructureVocabulary> = {},
): fc.Arbitrary<RestructureCommandOf<'ShareResources'>> => {
  const v = vocabularyWith(vocabulary);
  return fc.record({
    type: fc.constant('ShareResources' as const),
    ...baseOf(v),
    bcu: from(v.bcuNames),
    resources: fc.array(from<SharedResource>(sharedResources), { minLength: 1, maxLength: 5 }),
  });
};

/** RS-3: a `RecordPathfinderEvaluation` command. */
export const recordPathfinderEvaluationArbitrary = (
  vocabulary: Partial<RestructureVocabulary> = {},
): fc.Arbitrary<RestructureCommandOf<'RecordPathfinderEvaluation'>> => {
  const v = vocabularyWith(vocabulary);
  return fc.record({
    type: fc.constant('RecordPathfinderEvaluation' as const),
    ...baseOf(v),
    programmeId: from(v.programmeIds),
    evaluatedBy: textArbitrary('Evaluation team'),
    findings: textArbitrary('Findings'),
  });
};

/** RS-9: a `DissolveBcu` command. */
export const dissolveBcuArbitrary = (
  vocabulary: Partial<RestructureVocabulary> = {},
): fc.Arbitrary<RestructureCommandOf<'DissolveBcu'>> => {
  const v = vocabularyWith(vocabulary);
  return fc.record({ type: fc.constant('DissolveBcu' as const), ...baseOf(v), bcu: from(v.bcuNames), reason: textArbitrary('Review') });
};

/** RS-9: an `AbandonRestructureProgramme` command. */
export const abandonRestructureProgrammeArbitrary = (
  vocabulary: Partial<RestructureVocabulary> = {},
): fc.Arbitrary<RestructureCommandOf<'AbandonRestructureProgramme'>> => {
  const v = vocabularyWith(vocabulary);
  return fc.record({
    type: fc.constant('AbandonRestructureProgramme' as const),
    ...baseOf(v),
    programmeId: from(v.programmeIds),
    reason: textArbitrary('Decision'),
  });
};

/** Any restructure command, drawn from the vocabulary; many are refused, some accepted. */
export const restructureCommandArbitrary = (vocabulary: Partial<RestructureVocabulary> = {}): fc.Arbitrary<RestructureCommand> =>
  fc.oneof(
    startRestructureProgrammeArbitrary(vocabulary),
    proposeBcuArbitrary(vocabulary),
    recordBcuConsultationArbitrary(vocabulary),
    appointBcuCommanderArbitrary(vocabulary),
    assignSuperintendentArbitrary(vocabulary),
    allocateDedicatedWardOfficersArbitrary(vocabulary),
    registerTwentyFourHourStationArbitrary(vocabulary),
    closeTwentyFourHourStationArbitrary(vocabulary),
    takeBcuLiveArbitrary(vocabulary),
    shareResourcesArbitrary(vocabulary),
    recordPathfinderEvaluationArbitrary(vocabulary),
    dissolveBcuArbitrary(vocabulary),
    abandonRestructureProgrammeArbitrary(vocabulary),
  );

// ------------------------------------------------------------------ events

type EventOfType<Type extends RestructureEvent['type']> = Extract<RestructureEvent, { readonly type: Type }>;

const eventArbitrary = <Type extends RestructureEvent['type']>(
  type: Type,
  data: fc.Arbitrary<EventOfType<Type>['data']>,
): fc.Arbitrary<EventOfType<Type>> => data.map((d) => ({ type, data: d }) as EventOfType<Type>);

const eventBase = (vocabulary: RestructureVocabulary) => ({ restructureId: from(vocabulary.restructureIds), at: restructureDateArbitrary });

/** RS-3: a `RestructureProgrammeStarted` event. */
export const restructureProgrammeStartedArbitrary = (
  vocabulary: Partial<RestructureVocabulary> = {},
): fc.Arbitrary<EventOfType<'RestructureProgrammeStarted'>> => {
  const v = vocabularyWith(vocabulary);
  return eventArbitrary(
    'RestructureProgrammeStarted',
    fc.record({ ...eventBase(v), programmeId: from(v.programmeIds), stage: from<ProgrammeStage>(['pathfinder', 'roll-out']), name: textArbitrary('Programme') }),
  );
};

/** RS-1: a `BcuProposed` event of two to four distinct London boroughs. */
export const bcuProposedArbitrary = (vocabulary: Partial<RestructureVocabulary> = {}): fc.Arbitrary<EventOfType<'BcuProposed'>> => {
  const v = vocabularyWith(vocabulary);
  return eventArbitrary(
    'BcuProposed',
    fc.record({
      ...eventBase(v),
      programmeId: from(v.programmeIds),
      bcu: from(v.bcuNames),
      boroughs: fc.uniqueArray(londonBoroughNameArbitrary, { minLength: 2, maxLength: 4 }),
      pathfinder: fc.boolean(),
    }),
  );
};

/** RS-2: a `BcuConsultationRecorded` event (a borough for a local authority, none for MOPAC). */
export const bcuConsultationRecordedArbitrary = (
  vocabulary: Partial<RestructureVocabulary> = {},
): fc.Arbitrary<EventOfType<'BcuConsultationRecorded'>> => {
  const v = vocabularyWith(vocabulary);
  return eventArbitrary(
    'BcuConsultationRecorded',
    fc
      .record({
        ...eventBase(v),
        bcu: from(v.bcuNames),
        consultee: from<ConsulteeKind>(['local-authority-leader', 'local-authority-chief-executive', 'mopac']),
        borough: londonBoroughNameArbitrary,
        name: textArbitrary('Councillor'),
      })
      .map((data) => ({ ...data, borough: data.consultee === 'mopac' ? null : data.borough })),
  );
};

/** RS-4: a `BcuCommanderAppointed` event. */
export const bcuCommanderAppointedArbitrary = (
  vocabulary: Partial<RestructureVocabulary> = {},
): fc.Arbitrary<EventOfType<'BcuCommanderAppointed'>> => {
  const v = vocabularyWith(vocabulary);
  return eventArbitrary(
    'BcuCommanderAppointed',
    fc
      .record({
        ...eventBase(v),
        bcu: from(v.bcuNames),
        officer: restructureOfficerArbitrary('chief-superintendent', v),
        interim: fc.boolean(),
        live: fc.boolean(),
        predecessor: fc.option(restructureOfficerArbitrary('chief-superintendent', v)),
        predecessorLeaves: predecessorLeavesArbitrary.map(({ reason, detail, approvedBy }) => ({ reason, detail: detail ?? null, approvedBy: approvedBy ?? null })),
      })
      .map(({ predecessor, predecessorLeaves, at, ...data }) => ({
        ...data,
        predecessor,
        predecessorLeaves: predecessor === null ? null : predecessorLeaves,
        at,
      })),
  );
};

/** RS-5: a `SuperintendentAssigned` event with a function, a borough or both. */
export const superintendentAssignedArbitrary = (
  vocabulary: Partial<RestructureVocabulary> = {},
): fc.Arbitrary<EventOfType<'SuperintendentAssigned'>> => {
  const v = vocabularyWith(vocabulary);
  return eventArbitrary(
    'SuperintendentAssigned',
    fc
      .record({
        ...eventBase(v),
        bcu: from(v.bcuNames),
        superintendent: restructureOfficerArbitrary(superintendentRank, v),
        leads: from<CoreFunction>(coreFunctions),
        dedicatedTo: londonBoroughNameArbitrary,
        role: from(['leads', 'dedicated', 'both'] as const),
      })
      .map(({ role, ...data }) => ({
        ...data,
        leads: role === 'dedicated' ? null : data.leads,
        dedicatedTo: role === 'leads' ? null : data.dedicatedTo,
      })),
  );
};

/** RS-7: a `DedicatedWardOfficersAllocated` event of a London borough, at least two officers a ward. */
export const dedicatedWardOfficersAllocatedArbitrary = (
  vocabulary: Partial<RestructureVocabulary> = {},
): fc.Arbitrary<EventOfType<'DedicatedWardOfficersAllocated'>> => {
  const v = vocabularyWith(vocabulary);
  return eventArbitrary(
    'DedicatedWardOfficersAllocated',
    fc
      .record({
        ...eventBase(v),
        borough: londonBoroughNameArbitrary,
        officersPerWard: fc.integer({ min: 2, max: 6 }),
        exceptions: fc.uniqueArray(fc.record({ ward: from(v.wards), officers: fc.integer({ min: 2, max: 8 }) }), {
          maxLength: 3,
          selector: (exception) => exception.ward,
        }),
      })
      .map((data) => ({ ...data, wards: wardsOf(data.borough) ?? 1 })),
  );
};

/** RS-8: a `TwentyFourHourStationRegistered` event. */
export const twentyFourHourStationRegisteredArbitrary = (
  vocabulary: Partial<RestructureVocabulary> = {},
): fc.Arbitrary<EventOfType<'TwentyFourHourStationRegistered'>> => {
  const v = vocabularyWith(vocabulary);
  return eventArbitrary('TwentyFourHourStationRegistered', fc.record({ ...eventBase(v), borough: londonBoroughNameArbitrary, station: from(v.stations) }));
};

/** RS-8: a `TwentyFourHourStationClosed` event. */
export const twentyFourHourStationClosedArbitrary = (
  vocabulary: Partial<RestructureVocabulary> = {},
): fc.Arbitrary<EventOfType<'TwentyFourHourStationClosed'>> => {
  const v = vocabularyWith(vocabulary);
  return eventArbitrary(
    'TwentyFourHourStationClosed',
    fc.record({ ...eventBase(v), borough: londonBoroughNameArbitrary, station: from(v.stations), reason: textArbitrary('Estate review') }),
  );
};

/** RS-5: a `BcuWentLive` event with a commander, a lead per core function and a dedicated superintendent per borough. */
export const bcuWentLiveArbitrary = (vocabulary: Partial<RestructureVocabulary> = {}): fc.Arbitrary<EventOfType<'BcuWentLive'>> => {
  const v = vocabularyWith(vocabulary);
  return eventArbitrary(
    'BcuWentLive',
    fc
      .record({
        ...eventBase(v),
        programmeId: from(v.programmeIds),
        bcu: from(v.bcuNames),
        boroughs: fc.uniqueArray(londonBoroughNameArbitrary, { minLength: 2, maxLength: 4 }),
        commander: restructureOfficerArbitrary('chief-superintendent', v),
        interim: fc.boolean(),
        superintendents: fc.array(restructureOfficerArbitrary(superintendentRank, v), { minLength: 8, maxLength: 8 }),
      })
      .map(({ superintendents, ...data }) => ({
        ...data,
        functionLeads: coreFunctions.map((coreFunction, index) => ({ function: coreFunction, superintendent: pick(superintendents, index) })),
        dedicatedSuperintendents: data.boroughs.map((borough, index) => ({ borough, superintendent: pick(superintendents, index + 4) })),
      })),
  );
};

/** RS-6: a `ResourcesShared` event. */
export const resourcesSharedArbitrary = (vocabulary: Partial<RestructureVocabulary> = {}): fc.Arbitrary<EventOfType<'ResourcesShared'>> => {
  const v = vocabularyWith(vocabulary);
  return eventArbitrary(
    'ResourcesShared',
    fc.record({ ...eventBase(v), bcu: from(v.bcuNames), resources: fc.subarray([...sharedResources], { minLength: 1 }) }),
  );
};

/** RS-3: a `PathfinderEvaluationRecorded` event. */
export const pathfinderEvaluationRecordedArbitrary = (
  vocabulary: Partial<RestructureVocabulary> = {},
): fc.Arbitrary<EventOfType<'PathfinderEvaluationRecorded'>> => {
  const v = vocabularyWith(vocabulary);
  return eventArbitrary(
    'PathfinderEvaluationRecorded',
    fc.record({ ...eventBase(v), programmeId: from(v.programmeIds), evaluatedBy: textArbitrary('Evaluation team'), findings: textArbitrary('Findings') }),
  );
};

/** RS-9: a `BcuDissolved` event. */
export const bcuDissolvedArbitrary = (vocabulary: Partial<RestructureVocabulary> = {}): fc.Arbitrary<EventOfType<'BcuDissolved'>> => {
  const v = vocabularyWith(vocabulary);
  return eventArbitrary(
    'BcuDissolved',
    fc.record({
      ...eventBase(v),
      bcu: from(v.bcuNames),
      boroughs: fc.uniqueArray(londonBoroughNameArbitrary, { minLength: 2, maxLength: 4 }),
      reason: textArbitrary('Review'),
    }),
  );
};

/** RS-9: a `RestructureProgrammeAbandoned` event. */
export const restructureProgrammeAbandonedArbitrary = (
  vocabulary: Partial<RestructureVocabulary> = {},
): fc.Arbitrary<EventOfType<'RestructureProgrammeAbandoned'>> => {
  const v = vocabularyWith(vocabulary);
  return eventArbitrary(
    'RestructureProgrammeAbandoned',
    fc.record({ ...eventBase(v), programmeId: from(v.programmeIds), withdrawnBcus: fc.subarray([...v.bcuNames]), reason: textArbitrary('Decision') }),
  );
};

/** Any restructure event whose data satisfies its codec (not necessarily a history the decider would produce). */
export const restructureEventArbitrary = (vocabulary: Partial<RestructureVocabulary> = {}): fc.Arbitrary<RestructureEvent> =>
  fc.oneof(
    restructureProgrammeStartedArbitrary(vocabulary),
    bcuProposedArbitrary(vocabulary),
    bcuConsultationRecordedArbitrary(vocabulary),
    bcuCommanderAppointedArbitrary(vocabulary),
    superintendentAssignedArbitrary(vocabulary),
    dedicatedWardOfficersAllocatedArbitrary(vocabulary),
    twentyFourHourStationRegisteredArbitrary(vocabulary),
    twentyFourHourStationClosedArbitrary(vocabulary),
    bcuWentLiveArbitrary(vocabulary),
    resourcesSharedArbitrary(vocabulary),
    pathfinderEvaluationRecordedArbitrary(vocabulary),
    bcuDissolvedArbitrary(vocabulary),
    restructureProgrammeAbandonedArbitrary(vocabulary),
  );

const pick = <T>(values: readonly T[], index: number): T => {
  const value = values[index % values.length];
  if (value === undefined) throw new Error('pick from an empty list');
  return value;
};

// ------------------------------------------------------------------ valid histories

/** A BCU a valid history takes live: who leads it and how its boroughs are policed. */
export interface PlannedBcu {
  readonly name: string;
  readonly boroughs: readonly string[];
  readonly pathfinder: boolean;
  readonly commander: Officer;
  readonly interim: boolean;
  /** Each superintendent with the functions they lead and the boroughs they are dedicated to. */
  readonly superintendents: readonly {
    readonly officer: Officer;
    readonly leads: readonly CoreFunction[];
    readonly dedicatedTo: readonly string[];
  }[];
  readonly officersPerWard: number;
  readonly exceptions: readonly WardException[];
  /** Each borough's 24/7 stations; when there are two, the history closes the first. */
  readonly stations: readonly { readonly borough: string; readonly names: readonly string[] }[];
  readonly sharedResources: readonly SharedResource[];
  /** Dissolved at the end of the history. */
  readonly dissolved: boolean;
}

/** A command sequence the restructure decider accepts, the events it records, and the plan it follows. */
export interface ValidRestructureHistory {
  readonly restructureId: string;
  readonly commands: readonly RestructureCommand[];
  readonly events: readonly RestructureEvent[];
  /** The BCUs that go live: the pathfinders first, then the roll-out. */
  readonly bcus: readonly PlannedBcu[];
  /** A BCU proposed in a programme that is then abandoned, if any. */
  readonly withdrawn: { readonly name: string; readonly boroughs: readonly string[] } | undefined;
}

type PlannedSuperintendent = PlannedBcu['superintendents'][number];

/**
 * Between one and `most` superintendents (at least one per core function) sharing every function
 * lead and borough, each with at least one role and (RS-5) never more than one function to lead.
 */
const superintendentsArbitrary = (
  policy: Policy,
  name: string,
  key: string,
  boroughs: readonly string[],
  most: number,
): fc.Arbitrary<PlannedSuperintendent[]> => {
  const { coreFunctions } = strictestValues(policy);
  const fewest = Math.max(1, coreFunctions.length);
  const shuffledFunctions = fc.shuffledSubarray([...coreFunctions], { minLength: coreFunctions.length, maxLength: coreFunctions.length });
  const shuffledBoroughs = fc.shuffledSubarray([...boroughs], { minLength: boroughs.length, maxLength: boroughs.length });
  return fc.tuple(fc.integer({ min: fewest, max: Math.max(fewest, most) }), shuffledFunctions, shuffledBoroughs).map(([count, functions, places]) => {
    // One function each for the first superintendents; one borough each for the others; the
    // boroughs left over go round all of them.
    const withoutFunction = count - functions.length;
    const leftOver = places.slice(withoutFunction);
    return Array.from({ length: count }, (_, index) => {
      const own = index < functions.length ? [] : places.slice(index - functions.length, index - functions.length + 1);
      const number = String(index + 1);
      return {
        officer: { id: `${key}-supt-${number}`, name: `Superintendent ${number} of ${name}`, rank: superintendentRank },
        leads: functions.slice(index, index + 1),
        dedicatedTo: [...own, ...leftOver.filter((_borough, position) => position % count === index)],
      };
    });
  });
};

/** One or two 24/7 stations in each borough. */
const stationsArbitrary = (boroughs: readonly string[]): fc.Arbitrary<PlannedBcu['stations'][number][]> =>
  fc.tuple(
    ...boroughs.map((borough) =>
      fc.integer({ min: 1, max: 2 }).map((count) => ({
        borough,
        names: Array.from({ length: count }, (_, index) => `${borough} station ${String(index + 1)}`),
      })),
    ),
  );

const plannedBcuArbitrary = (policy: Policy, name: string, boroughs: readonly string[], pathfinder: boolean): fc.Arbitrary<PlannedBcu> => {
  const values = strictestValues(policy);
  const roles = values.coreFunctions.length + boroughs.length;
  const most = pathfinder ? Math.min(values.superintendentsPerBcu, roles) : roles;
  if (most < 1) throw new Error('validRestructureHistory needs a policy allowing at least one superintendent per pathfinder BCU');
  if (pathfinder && most < values.coreFunctions.length) {
    throw new Error('validRestructureHistory needs a policy allowing a superintendent per core function in a pathfinder BCU (RS-5)');
  }
  const key = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const minimum = values.minimumDedicatedWardOfficers;
  const wardException = fc.record({
    ward: from(['North ward', 'Central ward', 'South ward']),
    officers: fc.integer({ min: minimum, max: minimum + 5 }),
  });
  return fc.record({
    name: fc.constant(name),
    boroughs: fc.constant(boroughs),
    pathfinder: fc.constant(pathfinder),
    commander: fc.record({
      id: fc.constant(`${key}-commander`),
      name: from(['Cath Roper', 'Jason Gwillim', 'Sue Williams']),
      rank: fc.constant(values.bcuCommanderRank),
    }),
    interim: pathfinder ? fc.boolean() : fc.constant(false),
    superintendents: superintendentsArbitrary(policy, name, key, boroughs, most),
    officersPerWard: fc.integer({ min: minimum, max: minimum + 3 }),
    exceptions: fc.uniqueArray(wardException, { maxLength: 2, selector: (exception) => exception.ward }),
    stations: stationsArbitrary(boroughs),
    sharedResources: fc.subarray([...sharedResources]),
    dissolved: fc.boolean(),
  });
};

/** A restructure command before the history gives it its id, date and restructure. */
type Draft = RestructureCommand extends infer Command
  ? Command extends RestructureCommand
    ? Omit<Command, 'commandId' | 'at' | 'restructureId'>
    : never
  : never;

/** The assignments of one superintendent: a function and a borough together when they have both, the rest one by one. */
const assignments = (bcu: string, { officer, leads, dedicatedTo }: PlannedSuperintendent): Draft[] => {
  const both = leads.length > 0 && dedicatedTo.length > 0;
  const assign = { type: 'AssignSuperintendent' as const, bcu, superintendent: officer };
  return [
    ...(both ? [{ ...assign, leads: pick(leads, 0), dedicatedTo: pick(dedicatedTo, 0) }] : []),
    ...leads.slice(both ? 1 : 0).map((coreFunction) => ({ ...assign, leads: coreFunction })),
    ...dedicatedTo.slice(both ? 1 : 0).map((borough) => ({ ...assign, dedicatedTo: borough })),
  ];
};

/** Everything a planned BCU needs before it goes live, in no particular order. */
const preparation = (bcu: PlannedBcu): Draft[] => [
  ...bcu.boroughs.flatMap((borough): Draft[] => [
    { type: 'RecordBcuConsultation', bcu: bcu.name, consultee: 'local-authority-leader', name: `Leader of ${borough}`, borough },
    { type: 'RecordBcuConsultation', bcu: bcu.name, consultee: 'local-authority-chief-executive', name: `Chief executive of ${borough}`, borough },
  ]),
  { type: 'RecordBcuConsultation', bcu: bcu.name, consultee: 'mopac', name: 'Deputy Mayor for Policing and Crime' },
  { type: 'AppointBcuCommander', bcu: bcu.name, officer: bcu.commander, interim: bcu.interim },
  ...bcu.superintendents.flatMap((superintendent) => assignments(bcu.name, superintendent)),
  ...bcu.boroughs.map(
    (borough): Draft => ({ type: 'AllocateDedicatedWardOfficers', borough, officersPerWard: bcu.officersPerWard, exceptions: bcu.exceptions }),
  ),
  ...bcu.stations.flatMap(({ borough, names }) => names.map((station): Draft => ({ type: 'RegisterTwentyFourHourStation', borough, station }))),
];

const goingLive = (bcu: PlannedBcu): Draft[] => [
  ...bcu.stations.flatMap(({ borough, names }): Draft[] =>
    names.length > 1 ? [{ type: 'CloseTwentyFourHourStation', borough, station: pick(names, 0), reason: 'Public counter moved' }] : [],
  ),
  { type: 'TakeBcuLive', bcu: bcu.name },
  ...(bcu.sharedResources.length > 0 ? [{ type: 'ShareResources' as const, bcu: bcu.name, resources: bcu.sharedResources }] : []),
];

const bcuScriptArbitrary = (programmeId: string, bcu: PlannedBcu): fc.Arbitrary<Draft[]> => {
  const steps = preparation(bcu);
  return fc
    .shuffledSubarray(steps, { minLength: steps.length, maxLength: steps.length })
    .map((shuffled) => [{ type: 'ProposeBcu', programmeId, bcu: bcu.name, boroughs: bcu.boroughs }, ...shuffled, ...goingLive(bcu)]);
};

const bcusArbitrary = (
  policy: Policy,
  boroughs: readonly string[],
  sizes: readonly number[],
  pathfinder: boolean,
  prefix: string,
): fc.Arbitrary<PlannedBcu[]> => {
  let next = 0;
  const groups = sizes.map((size) => {
    const group = boroughs.slice(next, next + size);
    next += size;
    return group;
  });
  return fc.tuple(...groups.map((group, index) => plannedBcuArbitrary(policy, `${prefix} ${String(index + 1)}`, group, pathfinder)));
};

interface HistoryPlan {
  readonly restructureId: string;
  readonly start: IsoDate;
  readonly pathfinders: readonly PlannedBcu[];
  readonly pathfinderScripts: readonly Draft[][];
  readonly rollOut: readonly PlannedBcu[];
  readonly rollOutScripts: readonly Draft[][];
  readonly withdrawn: { readonly name: string; readonly boroughs: readonly string[] } | undefined;
}

const planArbitrary = (policy: Policy): fc.Arbitrary<HistoryPlan> =>
  fc
    .record({
      restructureId: from(['met', 'met-2017', 'metropolitan']),
      start: fc.integer({ min: 0, max: 900 }).map((days) => addDays(isoDate('2016-01-01'), days)),
      order: fc.shuffledSubarray(londonBoroughs.map((borough) => borough.name), { minLength: 32, maxLength: 32 }),
      pathfinderSizes: fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 1, maxLength: 2 }),
      rollOutSizes: fc.array(fc.integer({ min: 2, max: 4 }), { maxLength: 3 }),
      withdraw: fc.boolean(),
    })
    .chain(({ restructureId, start, order, pathfinderSizes, rollOutSizes, withdraw }) => {
      const pathfinderCount = pathfinderSizes.reduce((sum, size) => sum + size, 0);
      const rollOutCount = rollOutSizes.reduce((sum, size) => sum + size, 0);
      const used = pathfinderCount + rollOutCount;
      return fc
        .tuple(
          bcusArbitrary(policy, order.slice(0, pathfinderCount), pathfinderSizes, true, 'Pathfinder BCU'),
          bcusArbitrary(policy, order.slice(pathfinderCount, used), rollOutSizes, false, 'Roll-out BCU'),
        )
        .chain(([pathfinders, rollOut]) =>
          fc
            .tuple(
              fc.tuple(...pathfinders.map((bcu) => bcuScriptArbitrary('pathfinder', bcu))),
              fc.tuple(...rollOut.map((bcu) => bcuScriptArbitrary('roll-out', bcu))),
            )
            .map(([pathfinderScripts, rollOutScripts]) => ({
              restructureId,
              start,
              pathfinders,
              pathfinderScripts,
              rollOut,
              rollOutScripts,
              withdrawn: withdraw ? { name: 'Withdrawn BCU', boroughs: order.slice(used, used + 2) } : undefined,
            })),
        );
    });

const draftsOf = (plan: HistoryPlan): Draft[] => [
  { type: 'StartRestructureProgramme', programmeId: 'pathfinder', stage: 'pathfinder', name: 'BCU pathfinders' },
  ...plan.pathfinderScripts.flat(),
  {
    type: 'RecordPathfinderEvaluation',
    programmeId: 'pathfinder',
    evaluatedBy: 'Strengthening Local Policing team',
    findings: 'The model works; roll it out.',
  },
  ...(plan.rollOut.length > 0
    ? [{ type: 'StartRestructureProgramme' as const, programmeId: 'roll-out', stage: 'roll-out' as const, name: 'BCU roll-out' }]
    : []),
  ...plan.rollOutScripts.flat(),
  ...(plan.withdrawn === undefined
    ? []
    : [
        { type: 'StartRestructureProgramme' as const, programmeId: 'second-wave', stage: 'roll-out' as const, name: 'Second wave' },
        { type: 'ProposeBcu' as const, programmeId: 'second-wave', bcu: plan.withdrawn.name, boroughs: plan.withdrawn.boroughs },
        { type: 'AbandonRestructureProgramme' as const, programmeId: 'second-wave', reason: 'No longer needed' },
      ]),
  ...[...plan.pathfinders, ...plan.rollOut]
    .filter((bcu) => bcu.dissolved)
    .map((bcu): Draft => ({ type: 'DissolveBcu', bcu: bcu.name, reason: 'Boroughs return to borough commands' })),
];

const decideAll = (policy: Policy, commands: readonly RestructureCommand[]): RestructureEvent[] => {
  const decider = restructureDecider(policy);
  let state: RestructureState = decider.initialState;
  const events: RestructureEvent[] = [];
  for (const command of commands) {
    const decision = decider.decide(command, state);
    if (E.isLeft(decision)) {
      throw new Error(`validRestructureHistory made a command the decider refuses: ${JSON.stringify(command)} -> ${decision.left.message}`);
    }
    for (const event of decision.right) {
      state = decider.evolve(state, event);
      events.push(event);
    }
  }
  return events;
};

/**
 * Command sequences the restructure decider accepts under a policy: a pathfinder programme whose
 * BCUs of random London boroughs go live (consultations, commander, superintendents, ward officers
 * and 24/7 stations in a random order), the evaluation, a roll-out programme with more BCUs going
 * live, sometimes an abandoned programme, and some dissolutions. Dates rise a day per command.
 * Throws if the decider refuses a command: that is a bug in the generator or the decider.
 */
export const validRestructureHistory = (policy: Policy = defaultPolicy): fc.Arbitrary<ValidRestructureHistory> =>
  planArbitrary(policy).map((plan) => {
    const commands = draftsOf(plan).map(
      (draft, index) =>
        ({
          ...draft,
          restructureId: plan.restructureId,
          commandId: `${plan.restructureId}-${String(index + 1)}`,
          at: addDays(plan.start, index),
        }),
    );
    return {
      restructureId: plan.restructureId,
      commands,
      events: decideAll(policy, commands),
      bcus: [...plan.pathfinders, ...plan.rollOut],
      withdrawn: plan.withdrawn,
    };
  });
