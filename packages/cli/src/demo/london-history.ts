import { addDays, daysBetween, isoDate, londonBoroughs, type IsoDate } from '@borough-command/domain';
import type { BoroughPlan, PlannedSuccession } from '../london-history/borough-story.js';
import { londonHistoryOf, londonHistoryPolicy, type LondonHistory } from '../london-history/london-history.js';
import type { RestructureTimeline } from '../london-history/restructure-script.js';
import { seededRandom, type SeededRandom } from '../london-history/seeded-random.js';
import { demoGoLives, type DemoGoLive } from './go-live-dates.js';

/** Options of the demo's London history. */
export interface DemoHistoryOptions {
  /** Seed of the synthetic officers, partners and tenures; 2009 by default. */
  readonly seed?: number;
  /** The last day of the history; 31 December 2019 by default. */
  readonly until?: IsoDate;
}

/** London's history 2009-2019 as commands, with the seed it was planned from and the go-live days it used. */
export interface DemoHistory extends LondonHistory {
  readonly seed: number;
  readonly goLives: readonly DemoGoLive[];
}

const FROM = isoDate('2009-01-01');
const YEAR_DAYS = 365;

/**
 * The Strengthening Local Policing restructure: the pathfinder programme (October 2016), the two
 * pathfinder BCUs proposed on 18 November 2016 (003), the evaluation (October 2017), the roll-out
 * announced on 12 February 2018, and every BCU going live on its day.
 */
const slpTimeline = (goLives: readonly DemoGoLive[]): RestructureTimeline => ({
  pathfinderStart: isoDate('2016-10-03'),
  pathfindersProposedOn: isoDate('2016-11-18'),
  evaluatedOn: isoDate('2017-10-20'),
  rollOutStart: isoDate('2018-02-12'),
  rollOutProposedOn: isoDate('2018-02-12'),
  bcus: goLives.map(({ bcu, on }) => ({ name: bcu.name, boroughs: bcu.boroughs, pathfinder: bcu.pathfinder, goLive: on })),
});

/**
 * One borough's commanders drawn from the seed: a first commander in post in the first half of
 * 2009, then successions, most after three years or more, some early, some with an acting
 * commander covering the gap; the generator keeps each to the rules (an early departure has an
 * approved exceptional reason or, now and then, is recorded as a breach).
 */
const boroughPlan = (borough: string, until: IsoDate, random: SeededRandom): BoroughPlan => {
  const firstStart = addDays(isoDate('2009-01-05'), random.between(0, 170));
  const successions: PlannedSuccession[] = [];
  let start = firstStart;
  for (;;) {
    const fullTerm = random.chance(0.65);
    const leaves = addDays(start, fullTerm ? random.between(1100, 1640) : random.between(240, 1000));
    if (leaves > until) break;
    const acting = random.chance(0.3);
    const gap = acting ? random.between(30, 120) : 1;
    const offset = daysBetween(FROM, leaves);
    successions.push({
      year: Math.floor(offset / YEAR_DAYS),
      choice: {
        day: offset % YEAR_DAYS,
        early: !fullTerm,
        reason: random.between(0, 11),
        acting,
        actingAppointed: random.chance(0.3),
        gap,
        rivals: random.between(0, 2),
        declineFirst: random.chance(0.25),
        abandonedFirst: random.chance(0.08),
        leaderConsulted: random.chance(0.3),
        mpConsulted: random.chance(0.5),
        linkMemberConsulted: random.chance(0.4),
      },
    });
    start = addDays(leaves, gap);
  }
  // PO-4: most assessments name the local authority, some the MP too, about one in seven nobody.
  const assessmentPartners = Array.from({ length: 12 }, () => (random.chance(0.15) ? 3 : random.between(0, 2)));
  return { borough, firstStart, successions, assessmentPartners };
};

/**
 * London's history 2009-2019 as the commands that make it, in date order: the real 32 boroughs,
 * the 2017 pathfinders and the 2018-19 roll-out into the 12 BCUs on their go-live days, and
 * synthetic officers, candidates and partners (marked "(synthetic)"; deterministic from the seed)
 * appointed through the process, posted, assessed, some leaving early. Written by the project's
 * one London-history generator (`londonHistoryOf`); run it with the process managers on
 * (`createBoroughCommand`) under `policy` (`record` mode), so early departures are recorded as
 * breaches rather than refused.
 */
export const londonHistory = (options: DemoHistoryOptions = {}): DemoHistory => {
  const seed = options.seed ?? 2009;
  const until = options.until ?? isoDate('2019-12-31');
  const random = seededRandom(seed);
  const goLives = demoGoLives();
  const history = londonHistoryOf({
    from: FROM,
    until,
    boroughs: londonBoroughs.map((borough) => boroughPlan(borough.name, until, random)),
    restructure: slpTimeline(goLives),
    policy: londonHistoryPolicy,
  });
  return { ...history, seed, goLives };
};
