import { isoDate, londonBoroughs, type DomainCommand, type IsoDate } from '@borough-command/domain';
import { writeBoroughStory } from './borough-history.js';
import { demoGoLives, type DemoGoLive } from './go-live-dates.js';
import { writeRestructureStory } from './restructure-history.js';
import { createSchedule } from './schedule.js';
import { seededRandom } from './seeded-random.js';
import { syntheticPeople } from './synthetic-people.js';

/** Options of the London history. */
export interface LondonHistoryOptions {
  /** Seed of the synthetic officers, partners and tenures; 2009 by default. */
  readonly seed?: number;
  /** The last day of the history; 31 December 2019 by default. */
  readonly until?: IsoDate;
}

/** London's history 2009-2019 as commands, and the go-live days it used. */
export interface LondonHistory {
  readonly seed: number;
  readonly until: IsoDate;
  readonly commands: readonly DomainCommand[];
  readonly goLives: readonly DemoGoLive[];
}

const AREA_COMMANDERS = 5;

/**
 * London's history 2009-2019 as the commands that make it, in date order: the real 32 boroughs,
 * the 2017 pathfinders and the 2018-19 roll-out into the 12 BCUs on their go-live days, and
 * synthetic officers, candidates and partners (marked "(synthetic)"; deterministic from the seed)
 * appointed through the process, posted, assessed, some leaving early. Run it with the process
 * managers on (`createBoroughCommand`) and in `record` mode, so early departures are recorded as
 * breaches rather than refused.
 */
export const londonHistory = (options: LondonHistoryOptions = {}): LondonHistory => {
  const seed = options.seed ?? 2009;
  const until = options.until ?? isoDate('2019-12-31');
  const random = seededRandom(seed);
  const people = syntheticPeople(random);
  const schedule = createSchedule();
  const goLives = demoGoLives();
  const areaCommanders = Array.from({ length: AREA_COMMANDERS }, (_, index) => people.person(`Area commander ${String(index + 1)}`));
  londonBoroughs.forEach((borough, index) => {
    const joinsBcuOn = goLives.find((goLive) => goLive.bcu.boroughs.includes(borough.name))?.on;
    writeBoroughStory(
      { borough: borough.name, areaCommander: areaCommanders[index % AREA_COMMANDERS] ?? 'Area commander (synthetic)', joinsBcuOn: joinsBcuOn !== undefined && joinsBcuOn <= until ? joinsBcuOn : undefined, until },
      random,
      people,
      schedule,
    );
  });
  writeRestructureStory(goLives, until, random, people, schedule);
  return { seed, until, commands: schedule.commands().filter((command) => command.at <= until), goLives };
};
