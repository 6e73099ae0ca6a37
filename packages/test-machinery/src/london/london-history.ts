import fc from 'fast-check';
import { addDays, addYears, daysBetween, isoDate, londonBcus, londonBoroughs, type IsoDate, type Policy } from '@borough-command/domain';
import {
  londonHistoryOf,
  londonHistoryPolicy,
  type HistoryBcu,
  type LondonHistory,
  type PlannedSuccession,
  type RestructureTimeline,
  type SuccessionChoice,
} from '@borough-command/cli/london-history';
import { sizeRangeOf, type SizeOption } from './size-range.js';

/** Whether a generated history restructures its boroughs into BCUs. */
export type RestructureOption = 'sometimes' | 'always' | 'never';

/** The size and shape of the London histories `londonHistoryArbitrary` draws; every field has a default. */
export interface LondonHistoryOptions {
  /** Years in which commanders change (the first commanders took up post before): 1 to 3 by default. */
  readonly years?: SizeOption;
  /** Boroughs in the history, taken BCU by BCU from the reference data: 2 to 6 by default. */
  readonly boroughs?: SizeOption;
  /** Successions planned per year across the history's boroughs (a commander leaves, a successor is appointed): 0 to 3 by default. */
  readonly appointmentsPerYear?: SizeOption;
  /** The policy the history satisfies; `record` mode by default, so that early departures without an exception are recorded as breaches. */
  readonly policy?: Policy;
  /** The earliest and latest first day of a history (first days of months); 2009-01-01 to 2016-12-01 by default. */
  readonly starts?: { readonly from: IsoDate; readonly to: IsoDate };
  /** Whether the boroughs are restructured into BCUs (pathfinders, evaluation, roll-out); `sometimes` by default. */
  readonly restructure?: RestructureOption;
}

/** London's boroughs BCU by BCU (pathfinders first), so that neighbours in the list merge together. */
export const boroughsInBcuOrder: readonly string[] = [
  ...londonBcus.flatMap((bcu) => bcu.boroughs),
  ...londonBoroughs.map((borough) => borough.name).filter((name) => !londonBcus.some((bcu) => bcu.boroughs.includes(name))),
];

interface RestructureChoice {
  /** Where in the history the pathfinders go live, as a percentage of what is left after 150 days. */
  readonly at: number;
  readonly evaluationAfter: number;
  readonly rollOutStagger: number;
}

interface LondonHistoryChoices {
  readonly startMonth: number;
  readonly firstBorough: number;
  readonly boroughCount: number;
  readonly years: readonly (readonly BoroughSuccessionChoice[])[];
  readonly firstTenures: readonly number[];
  readonly assessmentPartners: readonly number[];
  readonly restructure: RestructureChoice | null;
}

/** True about one time in `n`; shrinks to false. */
const oneIn = (n: number): fc.Arbitrary<boolean> => fc.integer({ min: 1, max: n }).map((value) => value === n);

/** A succession and the borough it happens in: which of the history's boroughs, counted round. */
interface BoroughSuccessionChoice extends SuccessionChoice {
  readonly borough: number;
}

const successionChoiceArbitrary: fc.Arbitrary<BoroughSuccessionChoice> = fc.record({
  borough: fc.nat(31),
  day: fc.nat(364),
  early: fc.boolean(),
  reason: fc.nat(11),
  acting: oneIn(3),
  actingAppointed: oneIn(3),
  gap: fc.integer({ min: 1, max: 90 }),
  rivals: fc.nat(2),
  declineFirst: oneIn(4),
  abandonedFirst: oneIn(8),
  leaderConsulted: fc.boolean(),
  mpConsulted: fc.boolean(),
  linkMemberConsulted: oneIn(3),
});

const monthsBetween = (from: IsoDate, to: IsoDate): number =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));

const firstOfMonth = (from: IsoDate, months: number): IsoDate => {
  const index = Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7)) - 1 + months;
  return isoDate(`${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`);
};

/**
 * The BCUs the history's boroughs can form: each reference BCU with two or more of them; the first
 * is a pathfinder when no reference pathfinder is among them.
 */
const bcusOf = (boroughs: readonly string[]): readonly Omit<HistoryBcu, 'goLive'>[] => {
  const groups = londonBcus
    .map((bcu) => ({ name: bcu.name, boroughs: bcu.boroughs.filter((borough) => boroughs.includes(borough)), pathfinder: bcu.pathfinder }))
    .filter((bcu) => bcu.boroughs.length >= 2);
  if (groups.some((bcu) => bcu.pathfinder)) return groups;
  return groups.map((bcu, index) => ({ ...bcu, pathfinder: index === 0 }));
};

const timelineOf = (from: IsoDate, until: IsoDate, boroughs: readonly string[], choice: RestructureChoice | null): RestructureTimeline | undefined => {
  const groups = bcusOf(boroughs);
  const span = daysBetween(from, until) + 1;
  if (choice === null || groups.length === 0 || span < 180) return undefined;
  const pathfindersLive = addDays(from, 150 + Math.floor(((span - 151) * choice.at) / 100));
  const evaluatedOn = addDays(pathfindersLive, choice.evaluationAfter);
  const rollOutStart = addDays(evaluatedOn, 14);
  let rollOutIndex = 0;
  const bcus = groups.map((group): HistoryBcu => {
    if (group.pathfinder) return { ...group, goLive: pathfindersLive };
    rollOutIndex += 1;
    return { ...group, goLive: addDays(rollOutStart, 60 + (rollOutIndex - 1) * choice.rollOutStagger) };
  });
  const pathfinderStart = addDays(pathfindersLive, -120);
  return { pathfinderStart, pathfindersProposedOn: addDays(pathfinderStart, 5), evaluatedOn, rollOutStart, rollOutProposedOn: addDays(rollOutStart, 1), bcus };
};

const historyOf = (choices: LondonHistoryChoices, policy: Policy, starts: { readonly from: IsoDate }): LondonHistory => {
  const from = firstOfMonth(starts.from, choices.startMonth);
  const until = addDays(addYears(from, choices.years.length), -1);
  const boroughs = Array.from(
    { length: choices.boroughCount },
    (_, index) => boroughsInBcuOrder[(choices.firstBorough + index) % boroughsInBcuOrder.length] as string,
  );
  const timeline = timelineOf(from, until, boroughs, choices.restructure);
  const successions = choices.years
    .flatMap((year, yearIndex) => year.map((choice, order) => ({ year: yearIndex, choice, order })))
    .sort((a, b) => a.year - b.year || a.choice.day - b.choice.day || a.order - b.order);
  const history = londonHistoryOf({
    from,
    until,
    boroughs: boroughs.map((borough, index) => ({
      borough,
      // The first commander had served up to about four years when the history begins.
      firstStart: addDays(from, -(choices.firstTenures[index % choices.firstTenures.length] ?? 0)),
      successions: successions
        .filter((succession) => succession.choice.borough % boroughs.length === index)
        .map(({ year, choice }): PlannedSuccession => ({ year, choice })),
      assessmentPartners: choices.assessmentPartners,
    })),
    restructure: timeline,
    policy,
  });
  const { commands, bcus, appointments } = history;
  return Object.assign(history, {
    // A counterexample names the window, the boroughs and the BCUs; the commands are in `commands`.
    [fc.toStringMethod]: (): string => {
      const merged = bcus.map((bcu) => `${bcu.name}${bcu.goLive === null ? '' : ` live ${bcu.goLive}`}`);
      const size = `${String(commands.length)} commands, ${String(appointments)} appointments`;
      return `londonHistory(${from}..${until}, boroughs ${JSON.stringify(boroughs)}, BCUs ${JSON.stringify(merged)}, ${size})`;
    },
  });
};

/**
 * Valid London histories as fast-check values: boroughs from the reference data (taken BCU by BCU),
 * a first commander in post in each, then commanders leaving (on or after the minimum term, early
 * with an approved exceptional reason, or recorded as a breach in `record` mode), acting
 * commanders, successors appointed through the whole process (AP-1 to AP-10, the decision starting
 * the posting by AP-12; direct postings before a role description is endorsed), yearly
 * assessments with and without partners, and sometimes the restructure: pathfinder BCUs going live
 * (ending their boroughs' postings by PO-6, starting their commanders' by RS-4), the evaluation,
 * then the roll-out. Built from small independent choices, so a failure shrinks towards fewer
 * years, fewer boroughs, fewer appointments and no restructure. Run one with `runLondonHistory`.
 */
export const londonHistoryArbitrary = (options: LondonHistoryOptions = {}): fc.Arbitrary<LondonHistory> => {
  const years = sizeRangeOf(options.years, { min: 1, max: 3 }, 'londonHistoryArbitrary years');
  const boroughs = sizeRangeOf(options.boroughs, { min: 2, max: 6 }, 'londonHistoryArbitrary boroughs');
  const perYear = sizeRangeOf(options.appointmentsPerYear, { min: 0, max: 3 }, 'londonHistoryArbitrary appointmentsPerYear');
  if (years.min < 1) throw new Error('londonHistoryArbitrary years: a history covers at least one year');
  if (boroughs.min < 1 || boroughs.max > boroughsInBcuOrder.length) {
    throw new Error(`londonHistoryArbitrary boroughs: from 1 to ${String(boroughsInBcuOrder.length)}`);
  }
  const starts = options.starts ?? { from: isoDate('2009-01-01'), to: isoDate('2016-12-01') };
  const months = monthsBetween(starts.from, starts.to);
  if (months < 0) throw new Error('londonHistoryArbitrary starts: `from` is after `to`');
  const policy = options.policy ?? londonHistoryPolicy;
  const restructureChoice = fc.record({
    at: fc.nat(70),
    evaluationAfter: fc.integer({ min: 30, max: 240 }),
    rollOutStagger: fc.integer({ min: 7, max: 90 }),
  });
  const restructure: fc.Arbitrary<RestructureChoice | null> =
    options.restructure === 'never'
      ? fc.constant(null)
      : options.restructure === 'always'
        ? restructureChoice
        : fc.option(restructureChoice, { nil: null, freq: 3 });
  const choices: fc.Arbitrary<LondonHistoryChoices> = fc.record({
    startMonth: fc.integer({ min: 0, max: months }),
    firstBorough: fc.nat(boroughsInBcuOrder.length - 1),
    boroughCount: fc.integer(boroughs),
    years: fc.array(fc.array(successionChoiceArbitrary, { minLength: perYear.min, maxLength: perYear.max }), {
      minLength: years.min,
      maxLength: years.max,
    }),
    firstTenures: fc.array(fc.nat(1400), { minLength: 1, maxLength: 6 }),
    assessmentPartners: fc.array(fc.nat(3), { minLength: 1, maxLength: 4 }),
    restructure,
  });
  return choices.map((chosen) => historyOf(chosen, policy, starts));
};
