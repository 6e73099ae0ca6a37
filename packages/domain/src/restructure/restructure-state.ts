import type * as t from 'io-ts';
import type { IsoDate } from '../shared/iso-date.js';
import type { CoreFunction, Officer, SharedResource } from '../shared/vocabulary.js';
import type { ConsulteeKindCodec, ProgrammeStageCodec, RestructureEvent, WardExceptionCodec } from './restructure-events.js';

/** The stage of a restructure programme: pathfinder or roll-out (RS-3). */
export type ProgrammeStage = t.TypeOf<typeof ProgrammeStageCodec>;

/** Who is consulted before a BCU goes live: a local authority leader or chief executive, or MOPAC (RS-2). */
export type ConsulteeKind = t.TypeOf<typeof ConsulteeKindCodec>;

/** A ward whose dedicated ward officers differ from its borough's allocation per ward (RS-7). */
export type WardException = t.TypeOf<typeof WardExceptionCodec>;

/** One programme of a force's restructure: a pathfinder or a roll-out stage. */
export interface RestructureProgramme {
  readonly id: string;
  readonly name: string;
  readonly stage: ProgrammeStage;
  readonly startedOn: IsoDate;
  /** RS-3: whether an evaluation of this (pathfinder) programme has been recorded. */
  readonly evaluated: boolean;
  /** RS-9: an abandoned programme accepts nothing more. */
  readonly abandoned: boolean;
  /** The BCUs proposed in the programme, in the order they were proposed. */
  readonly bcus: readonly string[];
}

/**
 * Where a BCU is in its life: `proposed` until it goes `live`; a live BCU may be `dissolved`; a
 * proposed BCU is `withdrawn` when its programme is abandoned (RS-9).
 */
export type BcuStatus = 'proposed' | 'live' | 'dissolved' | 'withdrawn';

/** A consultation recorded about a BCU (RS-2); `borough` is null for MOPAC. */
export interface BcuConsultation {
  readonly consultee: ConsulteeKind;
  readonly borough: string | null;
  readonly name: string;
  readonly on: IsoDate;
}

/** The BCU's commander (RS-4), interim only in a pathfinder BCU. */
export interface BcuCommander {
  readonly officer: Officer;
  readonly interim: boolean;
}

/** One BCU of the restructure and everything recorded to take it live. */
export interface RestructureBcu {
  readonly name: string;
  readonly programmeId: string;
  readonly boroughs: readonly string[];
  /** Proposed in a pathfinder programme. */
  readonly pathfinder: boolean;
  readonly status: BcuStatus;
  readonly proposedOn: IsoDate;
  readonly wentLiveOn: IsoDate | undefined;
  /** The day it was dissolved or withdrawn. */
  readonly closedOn: IsoDate | undefined;
  readonly consultations: readonly BcuConsultation[];
  readonly commander: BcuCommander | undefined;
  /** RS-5: the superintendent leading each core function across the BCU's boroughs. */
  readonly functionLeads: ReadonlyMap<CoreFunction, Officer>;
  /** RS-5: each borough's dedicated superintendent. */
  readonly dedicatedSuperintendents: ReadonlyMap<string, Officer>;
  /** RS-6: the resources shared across the BCU's boroughs, in the order first shared. */
  readonly sharedResources: readonly SharedResource[];
}

/** A borough's dedicated ward officers (RS-7). */
export interface WardOfficerAllocation {
  readonly officersPerWard: number;
  readonly exceptions: readonly WardException[];
  /** The borough's wards in the reference data when the allocation was made. */
  readonly wards: number;
  readonly on: IsoDate;
}

/** A force's restructure: its programmes, BCUs, dedicated ward officers and 24/7 stations. */
export interface RestructureState {
  /** Known once the first event is recorded. */
  readonly restructureId: string | undefined;
  readonly programmes: ReadonlyMap<string, RestructureProgramme>;
  /** Every BCU ever proposed, by name, in the order proposed. */
  readonly bcus: ReadonlyMap<string, RestructureBcu>;
  /** RS-7: the latest allocation of dedicated ward officers of each borough. */
  readonly wardOfficers: ReadonlyMap<string, WardOfficerAllocation>;
  /** RS-8: the police stations of each borough open to the public 24/7, in the order registered. */
  readonly stations: ReadonlyMap<string, readonly string[]>;
  /** RS-3: whether an evaluation of the pathfinders has been recorded. */
  readonly pathfindersEvaluated: boolean;
  /** RS-3: the day of the earliest evaluation of the pathfinders recorded; undefined before any. */
  readonly pathfindersEvaluatedOn: IsoDate | undefined;
}

/** A force with no restructure recorded yet. */
export const initialRestructureState: RestructureState = {
  restructureId: undefined,
  programmes: new Map(),
  bcus: new Map(),
  wardOfficers: new Map(),
  stations: new Map(),
  pathfindersEvaluated: false,
  pathfindersEvaluatedOn: undefined,
};

const withEntry = <K, V>(map: ReadonlyMap<K, V>, key: K, value: V): ReadonlyMap<K, V> => new Map(map).set(key, value);

const updateBcu = (state: RestructureState, name: string, change: (bcu: RestructureBcu) => RestructureBcu): RestructureState => {
  const bcu = state.bcus.get(name);
  return bcu === undefined ? state : { ...state, bcus: withEntry(state.bcus, name, change(bcu)) };
};

const updateProgramme = (
  state: RestructureState,
  id: string,
  change: (programme: RestructureProgramme) => RestructureProgramme,
): RestructureState => {
  const programme = state.programmes.get(id);
  return programme === undefined ? state : { ...state, programmes: withEntry(state.programmes, id, change(programme)) };
};

const evolveKnown = (state: RestructureState, event: RestructureEvent): RestructureState => {
  switch (event.type) {
    case 'RestructureProgrammeStarted': {
      const { programmeId, name, stage, at } = event.data;
      const programme: RestructureProgramme = { id: programmeId, name, stage, startedOn: at, evaluated: false, abandoned: false, bcus: [] };
      return { ...state, programmes: withEntry(state.programmes, programmeId, programme) };
    }
    case 'BcuProposed': {
      const { programmeId, bcu, boroughs, pathfinder, at } = event.data;
      const proposed: RestructureBcu = {
        name: bcu,
        programmeId,
        boroughs,
        pathfinder,
        status: 'proposed',
        proposedOn: at,
        wentLiveOn: undefined,
        closedOn: undefined,
        consultations: [],
        commander: undefined,
        functionLeads: new Map(),
        dedicatedSuperintendents: new Map(),
        sharedResources: [],
      };
      const withProgramme = updateProgramme(state, programmeId, (programme) => ({ ...programme, bcus: [...programme.bcus, bcu] }));
      return { ...withProgramme, bcus: withEntry(withProgramme.bcus, bcu, proposed) };
    }
    case 'BcuConsultationRecorded': {
      const { consultee, borough, name, at } = event.data;
      return updateBcu(state, event.data.bcu, (bcu) => ({
        ...bcu,
        consultations: [...bcu.consultations, { consultee, borough, name, on: at }],
      }));
    }
    case 'BcuCommanderAppointed': {
      const { officer, interim } = event.data;
      return updateBcu(state, event.data.bcu, (bcu) => ({ ...bcu, commander: { officer, interim } }));
    }
    case 'BcuCommanderLeft':
      return updateBcu(state, event.data.bcu, (bcu) => ({ ...bcu, commander: undefined }));
    case 'SuperintendentAssigned': {
      const { superintendent, leads, dedicatedTo } = event.data;
      return updateBcu(state, event.data.bcu, (bcu) => ({
        ...bcu,
        functionLeads: leads === null ? bcu.functionLeads : withEntry(bcu.functionLeads, leads, superintendent),
        dedicatedSuperintendents:
          dedicatedTo === null ? bcu.dedicatedSuperintendents : withEntry(bcu.dedicatedSuperintendents, dedicatedTo, superintendent),
      }));
    }
    case 'DedicatedWardOfficersAllocated': {
      const { borough, officersPerWard, exceptions, wards, at } = event.data;
      return { ...state, wardOfficers: withEntry(state.wardOfficers, borough, { officersPerWard, exceptions, wards, on: at }) };
    }
    case 'TwentyFourHourStationRegistered': {
      const { borough, station } = event.data;
      return { ...state, stations: withEntry(state.stations, borough, [...(state.stations.get(borough) ?? []), station]) };
    }
    case 'TwentyFourHourStationClosed': {
      const { borough, station } = event.data;
      const open = (state.stations.get(borough) ?? []).filter((name) => name !== station);
      return { ...state, stations: withEntry(state.stations, borough, open) };
    }
    case 'BcuWentLive':
      return updateBcu(state, event.data.bcu, (bcu) => ({ ...bcu, status: 'live', wentLiveOn: event.data.at }));
    case 'ResourcesShared': {
      const { resources } = event.data;
      return updateBcu(state, event.data.bcu, (bcu) => ({
        ...bcu,
        sharedResources: [...bcu.sharedResources, ...resources.filter((resource) => !bcu.sharedResources.includes(resource))],
      }));
    }
    case 'PathfinderEvaluationRecorded': {
      const evaluated = updateProgramme(state, event.data.programmeId, (programme) => ({ ...programme, evaluated: true }));
      const earliest = state.pathfindersEvaluatedOn;
      return {
        ...evaluated,
        pathfindersEvaluated: true,
        pathfindersEvaluatedOn: earliest === undefined || event.data.at < earliest ? event.data.at : earliest,
      };
    }
    case 'BcuDissolved':
      return updateBcu(state, event.data.bcu, (bcu) => ({ ...bcu, status: 'dissolved', closedOn: event.data.at }));
    case 'RestructureProgrammeAbandoned': {
      const { programmeId, withdrawnBcus, at } = event.data;
      const abandoned = updateProgramme(state, programmeId, (programme) => ({ ...programme, abandoned: true }));
      return withdrawnBcus.reduce(
        (current, name) => updateBcu(current, name, (bcu) => ({ ...bcu, status: 'withdrawn', closedOn: at })),
        abandoned,
      );
    }
    case 'RestructureRuleDeparted':
      // The departure is recorded with the decision it came with; that decision's events change the state.
      return state;
  }
};

/** The restructure after one more event. */
export const evolveRestructure = (state: RestructureState, event: RestructureEvent): RestructureState => {
  const next = evolveKnown(state, event);
  return next.restructureId === undefined ? { ...next, restructureId: event.data.restructureId } : next;
};
