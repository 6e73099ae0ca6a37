/**
 * `@borough-command/cli/london-history`: the one generator of London histories, written as the
 * commands that make them, and its parts. The demo (`borough-command demo`) plans London 2009-2019
 * from a seed; this repository's tests plan histories from fast-check's choices and its large
 * histories reuse the same random source, people and partners.
 */

/** A plan of plain choices written as a valid history of commands, and the generator's default policy. */
export {
  londonHistoryOf,
  londonHistoryPolicy,
  type LondonHistory,
  type LondonHistoryBcu,
  type LondonHistoryPlan,
} from './london-history.js';
/** One borough's plan: its first commander, its successions and their choices. */
export { endorsedDescription, type BoroughPlan, type PlannedSuccession, type SuccessionChoice } from './borough-story.js';
/** The restructure's timeline and BCUs, and the restructure every generated history runs (`restructure-met`). */
export { HISTORY_RESTRUCTURE_ID, type HistoryBcu, type RestructureTimeline } from './restructure-script.js';
/** The order of every generated history: by day, then rank within the day, then as written. */
export { inHistoryOrder } from './command-schedule.js';
/** The seeded source of every random choice, and seeds for independent sources. */
export { seededRandom, mixSeeds, type SeededRandom } from './seeded-random.js';
/** The synthetic people of a generated history: names, office holders, area commanders and each borough's partners. */
export { syntheticName, historyPeople, areaCommanderOf, partnersOf, boroughPartnerMeeting } from './history-cast.js';
/** AP-3: the partners a generated process consults. */
export { partnersToConsult, type PartnerMeeting } from './partners-to-consult.js';
