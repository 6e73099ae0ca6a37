/**
 * Shared givens for the restructure tests: dates, officers, hand-written events and commands, and a
 * Central North pathfinder BCU with everything in place to go live.
 */
import * as E from 'fp-ts/lib/Either.js';
import { defaultPolicy, type Policy } from '../../src/policy/policy.js';
import { addDays, isoDate, type IsoDate } from '../../src/shared/iso-date.js';
import type { CoreFunction, Officer } from '../../src/shared/vocabulary.js';
import { restructureDecider } from '../../src/restructure/restructure-decider.js';
import type { RestructureCommand } from '../../src/restructure/restructure-commands.js';
import type { RestructureCommandOf } from '../../src/restructure/restructure-decision.js';
import type { RestructureEvent } from '../../src/restructure/restructure-events.js';
import type { RestructureRejection } from '../../src/restructure/restructure-rejections.js';
import type { RestructureState } from '../../src/restructure/restructure-state.js';
import { deciderSpecification } from '@borough-command/testing/vitest';

/** The force whose restructure the tests record. */
export const restructureId = 'met';

/** Day `n` of the restructure, counted from 1 November 2016. */
export const day = (n: number): IsoDate => addDays(isoDate('2016-11-01'), n);

/** The restructure decider under the default policy. */
export const decider = restructureDecider(defaultPolicy);
/** Given/when/then under the default policy. */
export const given = deciderSpecification(decider);
/** Given/when/then under another policy. */
export const givenUnder = (policy: Policy) => deciderSpecification(restructureDecider(policy));

/** An officer of chief superintendent rank. */
export const chiefSuperintendent = (id: string, name: string): Officer => ({ id, name, rank: 'chief-superintendent' });
/** An officer of superintendent rank. */
export const superintendent = (id: string, name: string): Officer => ({ id, name, rank: 'superintendent' });

/** Interim commander of Central North. */
export const roper = chiefSuperintendent('cs-roper', 'Catherine Roper');
/** A second chief superintendent. */
export const gwillim = chiefSuperintendent('cs-gwillim', 'Jason Gwillim');
/** Five superintendents: four for a pathfinder BCU, and one too many. */
export const supts = {
  a: superintendent('supt-a', 'Anna Adeyemi'),
  b: superintendent('supt-b', 'Bill Bryce'),
  c: superintendent('supt-c', 'Chen Cole'),
  d: superintendent('supt-d', 'Dana Doyle'),
  e: superintendent('supt-e', 'Eli Evans'),
};

// ------------------------------------------------------------------ commands

let commandCounter = 0;
type Fields<Type extends RestructureCommand['type']> = Omit<RestructureCommandOf<Type>, 'type' | 'commandId' | 'restructureId' | 'at'>;

/** A command of a type with its own fields; the id is fresh, the date `at` (day 10 by default). */
export const command = <Type extends RestructureCommand['type']>(type: Type, fields: Fields<Type>, at: IsoDate = day(10)): RestructureCommandOf<Type> => {
  commandCounter += 1;
  return { type, commandId: `c-${String(commandCounter)}`, restructureId, at, ...fields } as RestructureCommandOf<Type>;
};

// ------------------------------------------------------------------ events

/** A programme started. */
export const started = (programmeId: string, stage: 'pathfinder' | 'roll-out', at: IsoDate = day(0)): RestructureEvent => ({
  type: 'RestructureProgrammeStarted',
  data: { restructureId, programmeId, stage, name: `${programmeId} programme`, at },
});

/** A BCU proposed (a pathfinder by default). */
export const proposed = (bcu: string, boroughs: readonly string[], programmeId = 'pathfinder', pathfinder = true, at: IsoDate = day(1)): RestructureEvent => ({
  type: 'BcuProposed',
  data: { restructureId, programmeId, bcu, boroughs, pathfinder, at },
});

/** A consultation recorded; `borough` null for MOPAC. */
export const consulted = (
  bcu: string,
  consultee: 'local-authority-leader' | 'local-authority-chief-executive' | 'mopac',
  borough: string | null,
  at: IsoDate = day(2),
): RestructureEvent => ({
  type: 'BcuConsultationRecorded',
  data: { restructureId, bcu, consultee, borough, name: borough === null ? 'Sophie Linden' : `${consultee} of ${borough}`, at },
});

/** Why a replaced BCU commander left, as a `BcuCommanderAppointed` event records it. */
export type PredecessorDeparture = Extract<RestructureEvent, { readonly type: 'BcuCommanderAppointed' }>['data']['predecessorLeaves'];

/** A BCU commander appointed (to a BCU not yet live, replacing no one, unless `succession` says otherwise). */
export const commanderAppointed = (
  bcu: string,
  officer: Officer,
  interim: boolean,
  at: IsoDate = day(3),
  succession: { readonly live?: boolean; readonly predecessor?: Officer; readonly predecessorLeaves?: PredecessorDeparture } = {},
): RestructureEvent => ({
  type: 'BcuCommanderAppointed',
  data: {
    restructureId,
    bcu,
    officer,
    interim,
    live: succession.live ?? false,
    predecessor: succession.predecessor ?? null,
    predecessorLeaves: succession.predecessorLeaves ?? null,
    at,
  },
});

/** A superintendent assigned to a function, a borough, or both. */
export const superintendentAssigned = (
  bcu: string,
  officer: Officer,
  leads: CoreFunction | null,
  dedicatedTo: string | null,
  at: IsoDate = day(4),
): RestructureEvent => ({
  type: 'SuperintendentAssigned',
  data: { restructureId, bcu, superintendent: officer, leads, dedicatedTo, at },
});

/** DWOs allocated in a borough with `wards` wards, two a ward by default. */
export const wardOfficersAllocated = (borough: string, wards: number, officersPerWard = 2, at: IsoDate = day(5)): RestructureEvent => ({
  type: 'DedicatedWardOfficersAllocated',
  data: { restructureId, borough, officersPerWard, exceptions: [], wards, at },
});

/** A 24/7 station registered. */
export const stationRegistered = (borough: string, station: string, at: IsoDate = day(6)): RestructureEvent => ({
  type: 'TwentyFourHourStationRegistered',
  data: { restructureId, borough, station, at },
});

/** A BCU went live (in the pathfinder programme, with an interim commander, by default). */
export const wentLive = (
  bcu: string,
  boroughs: readonly string[],
  commander: Officer,
  functionLeads: readonly { readonly function: CoreFunction; readonly superintendent: Officer }[],
  dedicatedSuperintendents: readonly { readonly borough: string; readonly superintendent: Officer }[],
  options: { readonly programmeId?: string; readonly interim?: boolean; readonly at?: IsoDate } = {},
): RestructureEvent => ({
  type: 'BcuWentLive',
  data: {
    restructureId,
    programmeId: options.programmeId ?? 'pathfinder',
    bcu,
    boroughs,
    commander,
    interim: options.interim ?? true,
    functionLeads,
    dedicatedSuperintendents,
    at: options.at ?? day(10),
  },
});

/** The pathfinder evaluation recorded. */
export const evaluated = (programmeId = 'pathfinder', at: IsoDate = day(200)): RestructureEvent => ({
  type: 'PathfinderEvaluationRecorded',
  data: { restructureId, programmeId, evaluatedBy: 'MOPAC Evidence and Insight', findings: 'Pathfinders met their aims.', at },
});

/** A BCU dissolved. */
export const dissolved = (bcu: string, boroughs: readonly string[], at: IsoDate = day(300)): RestructureEvent => ({
  type: 'BcuDissolved',
  data: { restructureId, bcu, boroughs, reason: 'Boroughs return to borough commands', at },
});

// ------------------------------------------------------------------ Central North, ready to go live

/** The name of the Central North pathfinder BCU. */
export const centralNorth = 'Central North';
/** The boroughs of Central North. */
export const centralNorthBoroughs = ['Camden', 'Islington'] as const;

/** Consultations of both boroughs' leaders and chief executives, and of MOPAC. */
export const centralNorthConsultations: readonly RestructureEvent[] = [
  consulted(centralNorth, 'local-authority-leader', 'Camden'),
  consulted(centralNorth, 'local-authority-chief-executive', 'Camden'),
  consulted(centralNorth, 'local-authority-leader', 'Islington'),
  consulted(centralNorth, 'local-authority-chief-executive', 'Islington'),
  consulted(centralNorth, 'mopac', null),
];

/** Four superintendents: A and B also dedicated to Camden and Islington. */
export const centralNorthSuperintendents: readonly RestructureEvent[] = [
  superintendentAssigned(centralNorth, supts.a, 'neighbourhoods', 'Camden'),
  superintendentAssigned(centralNorth, supts.b, 'response', 'Islington'),
  superintendentAssigned(centralNorth, supts.c, 'investigation', null),
  superintendentAssigned(centralNorth, supts.d, 'protecting-vulnerable-people', null),
];

/** Two DWOs a ward in Camden (18 wards) and Islington (16 wards). */
export const centralNorthWardOfficers: readonly RestructureEvent[] = [wardOfficersAllocated('Camden', 18), wardOfficersAllocated('Islington', 16)];

/** A 24/7 station in each borough of Central North. */
export const centralNorthStations: readonly RestructureEvent[] = [stationRegistered('Camden', 'Holborn'), stationRegistered('Islington', 'Islington')];

/** A pathfinder programme with Central North proposed and everything in place to go live. */
export const centralNorthReady: readonly RestructureEvent[] = [
  started('pathfinder', 'pathfinder'),
  proposed(centralNorth, centralNorthBoroughs),
  ...centralNorthConsultations,
  commanderAppointed(centralNorth, roper, true),
  ...centralNorthSuperintendents,
  ...centralNorthWardOfficers,
  ...centralNorthStations,
];

/** The BcuWentLive event of Central North as the tests expect it. */
export const centralNorthWentLive = wentLive(
  centralNorth,
  centralNorthBoroughs,
  roper,
  [
    { function: 'neighbourhoods', superintendent: supts.a },
    { function: 'response', superintendent: supts.b },
    { function: 'investigation', superintendent: supts.c },
    { function: 'protecting-vulnerable-people', superintendent: supts.d },
  ],
  [
    { borough: 'Camden', superintendent: supts.a },
    { borough: 'Islington', superintendent: supts.b },
  ],
);

/** Central North live. */
export const centralNorthLive: readonly RestructureEvent[] = [...centralNorthReady, centralNorthWentLive];

/** Every event but those of one type and matching a test. */
export const without = (events: readonly RestructureEvent[], drop: (event: RestructureEvent) => boolean): readonly RestructureEvent[] =>
  events.filter((event) => !drop(event));

// ------------------------------------------------------------------ running commands

/** What a run of commands did: the state, the recorded events and every refusal. */
export interface Run {
  readonly state: RestructureState;
  readonly events: readonly RestructureEvent[];
  readonly rejections: readonly RestructureRejection[];
}

/** Decides commands one after the other, keeping the events of those accepted. */
export const run = (commands: readonly RestructureCommand[], policy: Policy = defaultPolicy, onStep?: (state: RestructureState) => void): Run => {
  const restructure = restructureDecider(policy);
  let state = restructure.initialState;
  const events: RestructureEvent[] = [];
  const rejections: RestructureRejection[] = [];
  for (const next of commands) {
    const decision = restructure.decide(next, state);
    if (E.isLeft(decision)) {
      rejections.push(decision.left);
    } else {
      for (const event of decision.right) {
        state = restructure.evolve(state, event);
        events.push(event);
      }
    }
    onStep?.(state);
  }
  return { state, events, rejections };
};
