import { strictestValues } from '@borough-command/testing';
import {
  coreFunctions,
  londonBcus,
  streamKey,
  superintendentRank,
  type Officer,
  type Policy,
  type Rank,
} from '@borough-command/domain';
import type { DayNumber } from './calendar-days.js';
import type { CommandStamp, HistoryOutput } from './history-output.js';
import { inHistoryOrder, mixSeeds, seededRandom, syntheticName, type SeededRandom } from '@borough-command/cli/london-history';

/** Events of one borough cycle (an appointment, the postings, their assessments), on average. */
const EVENTS_PER_CYCLE = 22;
/** A realistic tenure, in days: a little over the three-year minimum. */
export const REALISTIC_TENURE_DAYS = 1300;

/** How fast time passes in a large history, so that the events asked for fit before 2200. */
export interface Pace {
  readonly firstDay: DayNumber;
  /** No event is dated after this day. */
  readonly lastDay: DayNumber;
  /** Mean tenure in the busy boroughs, in days (fractions allowed: several postings may share a day). */
  readonly busyTenure: number;
  /** Mean tenure in the steady boroughs: realistic whatever the size. */
  readonly steadyTenure: number;
  /** `busyTenure` over a realistic tenure: 1 for small histories, smaller for large ones. */
  readonly scale: number;
  /** Days from the opening of an appointment process to its decision. */
  readonly processDays: number;
  /** Days between two assessments of a commander. */
  readonly assessEvery: number;
  /** Days from one restructure wave to the next. */
  readonly waveDays: number;
}

/** The pace of a history of `events` events between two days. */
export const paceOf = (events: number, firstDay: DayNumber, lastDay: DayNumber, busyBoroughs: number): Pace => {
  const span = lastDay - firstDay;
  const cyclesPerBorough = Math.max(1, events / EVENTS_PER_CYCLE / Math.max(1, busyBoroughs));
  // A quarter of the time merged into BCUs, and a margin for chance: the history ends well before the last day.
  const busyTenure = Math.min(REALISTIC_TENURE_DAYS, Math.max(0.05, (span * 0.75 * 0.6) / cyclesPerBorough));
  const scale = busyTenure / REALISTIC_TENURE_DAYS;
  return {
    firstDay,
    lastDay,
    busyTenure,
    steadyTenure: REALISTIC_TENURE_DAYS,
    scale,
    processDays: 45 * scale,
    assessEvery: Math.max(0.05, 365 * scale),
    waveDays: Math.min(4000, Math.max(60, 16 * busyTenure)),
  };
};

/** An officer with an id built from `key`, a name drawn from `random`, and a rank. */
export const officerOf = (key: string, random: SeededRandom, rank: Rank): Officer => ({
  id: key,
  name: syntheticName(random.between(1, 9_999)),
  rank,
});

/** A BCU of one restructure wave: its boroughs, days and leaders. */
export interface WaveBcu {
  readonly name: string;
  readonly key: string;
  readonly boroughs: readonly string[];
  readonly pathfinder: boolean;
  readonly proposedOn: DayNumber;
  readonly preparedOn: DayNumber;
  readonly goLive: DayNumber;
  /** The day a second superintendent is dedicated to its first borough while it is live (AC-1). */
  readonly reassignedOn: DayNumber;
  readonly dissolvedOn: DayNumber;
  readonly commander: Officer;
  /** Superintendents in order: the i-th leads the i-th core function and is dedicated to the i-th borough. */
  readonly superintendents: readonly Officer[];
  readonly replacement: Officer;
}

/** One restructure wave: a pathfinder programme, its evaluation, a roll-out, and every BCU dissolved at the end (RS-9). */
export interface Wave {
  readonly index: number;
  readonly start: DayNumber;
  readonly pathfinderProgramme: string;
  readonly rollOutProgramme: string;
  readonly evaluatedOn: DayNumber;
  readonly rollOutStart: DayNumber;
  /** Pathfinders first, then the roll-out in go-live order. */
  readonly bcus: readonly WaveBcu[];
  readonly end: DayNumber;
}

/** The waves of a history, planned on demand from the seed, so every actor sees the same plan. */
export interface WavePlanner {
  readonly wave: (index: number) => Wave;
  /** The first BCU a borough belongs to whose dissolution is after `day`, if any: the merger in progress or the next. */
  readonly mergerOf: (borough: string, day: DayNumber) => WaveBcu | undefined;
  /** Forgets the waves that ended before a day no actor will go back to. */
  readonly forgetBefore: (day: DayNumber) => void;
  /** The first day of the first wave. */
  readonly firstWave: DayNumber;
}

/** Creates the wave planner of a history: waves every `pace.waveDays`, the boroughs that merge, and who leads each BCU. */
export const createWavePlanner = (seed: number, pace: Pace, unmerged: ReadonlySet<string>, policy: Policy): WavePlanner => {
  const period = pace.waveDays;
  const firstWave = pace.firstDay + Math.round(period * 0.5);
  const cache = new Map<number, Wave>();
  const at = (start: number, fraction: number): DayNumber => Math.round(start + fraction * period);
  const values = strictestValues(policy);
  const functions = values.coreFunctions.length > 0 ? values.coreFunctions : coreFunctions;
  const reference = londonBcus
    .map((bcu) => ({ name: bcu.name, pathfinder: bcu.pathfinder, boroughs: bcu.boroughs.filter((borough) => !unmerged.has(borough)) }))
    .filter((bcu) => bcu.boroughs.length >= 2);

  const plan = (index: number): Wave => {
    const random = seededRandom(mixSeeds(seed, 1000 + index));
    const start = Math.round(firstWave + index * period);
    const number = String(index + 1);
    const drawn = reference.filter((bcu) => bcu.pathfinder || random.chance(0.85));
    // RS-3: without a pathfinder there is no roll-out, so a wave needs one.
    const chosen = drawn.some((bcu) => bcu.pathfinder) ? drawn : [];
    let rollOut = 0;
    const bcus = chosen.map((bcu, position): WaveBcu => {
      const name = `${bcu.name} (wave ${number})`;
      const key = `w${number}-${streamKey(bcu.name)}`;
      const order = bcu.pathfinder ? 0 : ++rollOut;
      const proposedOn = bcu.pathfinder ? at(start, 0.01) : at(start, 0.13);
      const preparedOn = bcu.pathfinder ? at(start, 0.03) : at(start, 0.14);
      const goLive = bcu.pathfinder ? at(start, 0.05) : at(start, 0.15 + 0.005 * order);
      const wanted = Math.max(functions.length, bcu.boroughs.length);
      const count = bcu.pathfinder ? Math.max(1, Math.min(values.superintendentsPerBcu, wanted)) : wanted;
      return {
        name,
        key,
        boroughs: bcu.boroughs,
        pathfinder: bcu.pathfinder,
        proposedOn,
        preparedOn,
        goLive,
        reassignedOn: Math.max(goLive, at(start, 0.3)),
        dissolvedOn: at(start, 0.45 + 0.004 * position),
        commander: officerOf(`${key}-commander`, random, values.bcuCommanderRank),
        superintendents: Array.from({ length: count }, (_, i) => officerOf(`${key}-superintendent-${String(i + 1)}`, random, superintendentRank)),
        replacement: officerOf(`${key}-superintendent-replacement`, random, superintendentRank),
      };
    });
    return {
      index,
      start,
      pathfinderProgramme: `wave-${number}-pathfinder`,
      rollOutProgramme: `wave-${number}-roll-out`,
      evaluatedOn: at(start, 0.12),
      rollOutStart: at(start, 0.13),
      bcus,
      end: at(start, 0.5),
    };
  };

  const wave = (index: number): Wave => {
    const known = cache.get(index);
    if (known !== undefined) return known;
    const planned = plan(index);
    cache.set(index, planned);
    return planned;
  };

  return {
    wave,
    firstWave,
    mergerOf: (borough, day) => {
      if (unmerged.has(borough)) return undefined;
      const first = Math.max(0, Math.floor((day - firstWave) / period));
      for (let index = first; index <= first + 2; index++) {
        const found = wave(index).bcus.find((bcu) => bcu.dissolvedOn > day && bcu.boroughs.includes(borough));
        if (found !== undefined) return found;
      }
      return undefined;
    },
    forgetBefore: (day) => {
      for (const [index, known] of cache) if (known.end < day - 1) cache.delete(index);
    },
  };
};

/** What every actor of a large history shares. */
export interface HistoryWorld {
  readonly seed: number;
  readonly policy: Policy;
  readonly pace: Pace;
  readonly output: HistoryOutput;
  readonly waves: WavePlanner;
  /** The stamp and event id of each BCU's go-live and dissolution, for the process managers' reactions (PO-6, RS-4). */
  readonly causes: Map<string, { readonly eventId: string; readonly stamp: CommandStamp }>;
}

/** Something an actor does on a day: records the events of one command (and of the reactions to it). */
export interface Step {
  readonly day: DayNumber;
  /** Order among the steps of a day: 0 restructure decisions, 1 ends of postings, 2 everything else. */
  readonly priority: 0 | 1 | 2;
  readonly run: () => void;
}

/** An actor of a large history: its steps, in the order of their days. */
export type Actor = Iterator<Step, void>;

/** Sorts the steps an actor planned for a stretch of time: by day, then priority, then the order planned. */
export const inOrder = (steps: readonly Step[]): readonly Step[] =>
  inHistoryOrder(
    steps,
    (step) => step.day,
    (step) => step.priority,
  );

/**
 * The stamp of a process manager's reaction to a cause the restructure recorded (a BCU going live or
 * dissolved): a command of its own, in the cause's flow, caused by the cause's event.
 */
export const reactionStamp = (world: HistoryWorld, cause: string): CommandStamp => {
  const known = world.causes.get(cause);
  const commandId = world.output.commandId();
  return known === undefined
    ? { commandId, correlationId: commandId, causationId: commandId, actor: 'restructure' }
    : { commandId, correlationId: known.stamp.correlationId, causationId: known.eventId, actor: known.stamp.actor };
};
