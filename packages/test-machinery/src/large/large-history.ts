import { isoDate, londonBcus, londonBoroughs, type DomainEvent, type IsoDate, type Policy } from '@borough-command/domain';
import type { RecordedEvent } from '@borough-command/domain/eventsourcing';
import { bcuActor } from './bcu-actor.js';
import { boroughActor } from './borough-actor.js';
import { dayNumberOf } from './calendar-days.js';
import { createHistoryOutput } from './history-output.js';
import { createWavePlanner, paceOf, type Actor, type HistoryWorld, type Step } from './history-world.js';
import { restructureActor } from './restructure-actor.js';
import { londonHistoryPolicy, mixSeeds, seededRandom } from '@borough-command/cli/london-history';

/** What `largeHistory` generates. */
export interface LargeHistoryOptions {
  /** The seed: the same seed and size always give the same events. */
  readonly seed: number;
  /** How many events, exactly. */
  readonly events: number;
  /** The first day of the history; 2009-07-01 by default. */
  readonly from?: IsoDate;
  /** The policy the events follow; `record` mode by default (early ends without an exception are recorded as breaches). */
  readonly policy?: Policy;
}

/** A large history: its events as envelopes, iterated (synchronously or not) as many times as wanted, each time the same. */
export interface LargeHistory extends Iterable<RecordedEvent<DomainEvent>>, AsyncIterable<RecordedEvent<DomainEvent>> {
  readonly seed: number;
  readonly events: number;
}

/** The last day a large history may reach: dates are checked to lie between 1800 and 2200. */
export const LARGE_HISTORY_LAST_DAY: IsoDate = isoDate('2199-12-31');

/** Boroughs that keep realistic tenures and are never merged: one from each of four roll-out BCUs of three or more boroughs. */
const steadyBoroughsOf = (seed: number): ReadonlySet<string> => {
  const random = seededRandom(mixSeeds(seed, 77));
  const candidates = londonBcus.filter((bcu) => !bcu.pathfinder && bcu.boroughs.length >= 3);
  const chosen = new Set<string>();
  const pool = [...candidates];
  while (chosen.size < 4 && pool.length > 0) {
    const [bcu] = pool.splice(random.between(0, pool.length - 1), 1);
    if (bcu !== undefined) chosen.add(random.pick(bcu.boroughs));
  }
  return chosen;
};

interface Running {
  readonly actor: Actor;
  pending: Step;
  readonly order: number;
}

function* generate(options: LargeHistoryOptions): Generator<RecordedEvent<DomainEvent>, void> {
  const { seed, events } = options;
  const policy = options.policy ?? londonHistoryPolicy;
  const steady = steadyBoroughsOf(seed);
  const firstDay = dayNumberOf(options.from ?? isoDate('2009-07-01'));
  const pace = paceOf(events, firstDay, dayNumberOf(LARGE_HISTORY_LAST_DAY), londonBoroughs.length - steady.size);
  const output = createHistoryOutput(seed);
  const world: HistoryWorld = { seed, policy, pace, output, waves: createWavePlanner(seed, pace, steady, policy), causes: new Map() };
  const running: Running[] = [];
  let orders = 0;
  const add = (actor: Actor): void => {
    const first = actor.next();
    if (first.done !== true) running.push({ actor, pending: first.value, order: orders++ });
  };
  add(restructureActor(world, add, (bcu) => bcuActor(world, bcu)));
  londonBoroughs.forEach((borough, index) => {
    add(boroughActor(world, borough.name, index, steady.has(borough.name)));
  });
  let produced = 0;
  let steps = 0;
  while (produced < events) {
    let best: Running | undefined;
    let bestIndex = -1;
    for (let index = 0; index < running.length; index++) {
      const candidate = running[index] as Running;
      if (
        best === undefined ||
        candidate.pending.day < best.pending.day ||
        (candidate.pending.day === best.pending.day &&
          (candidate.pending.priority < best.pending.priority || (candidate.pending.priority === best.pending.priority && candidate.order < best.order)))
      ) {
        best = candidate;
        bestIndex = index;
      }
    }
    if (best === undefined) {
      throw new Error(
        `largeHistory: every story reached ${LARGE_HISTORY_LAST_DAY} after ${String(produced)} of ${String(events)} events; ask for fewer events or an earlier start`,
      );
    }
    const { pending } = best;
    pending.run();
    const next = best.actor.next();
    if (next.done === true) running.splice(bestIndex, 1);
    else best.pending = next.value;
    if (++steps % 4096 === 0) world.waves.forgetBefore(pending.day);
    for (const envelope of output.take()) {
      if (produced >= events) return;
      produced += 1;
      yield envelope;
    }
  }
}

/**
 * A seeded, deterministic London history of `events` events, generated as it is read, in constant
 * memory: envelopes (event, metadata, stream, revision, global position from 0) that decode through
 * `domainEventRegistry` and follow the rules as the deciders and process managers record them. All
 * 32 boroughs: commanders appointed through the process, acting cover, early departures with an
 * exceptional reason or recorded as breaches, yearly assessments with and without partners; and
 * restructure waves: pathfinders, evaluation, roll-out, BCUs going live (PO-6 ending the boroughs'
 * postings, RS-4 starting the BCU commanders'), then dissolved. To fit millions of events before
 * 2200, time runs faster as the history grows: most boroughs' tenures shrink, four steady boroughs
 * keep realistic ones. The last command's events may be cut short to stop at exactly `events`.
 *
 * Why it writes events rather than running commands through the service, as the London histories
 * of `@borough-command/cli/london-history` do: millions of events must be written in seconds and
 * constant memory, and the service reads and folds a stream for each command. It shares that
 * generator's seeded random source, its order of a day's steps (`inHistoryOrder`), its people and
 * partners; a posting's events (PO-1 to PO-6: minimum term, breach, restructure end) come from the
 * posting decider itself (posting-events.ts), and every rule it plans by (minimum term, exceptional
 * reasons, partners AP-3 requires, role descriptions) is the domain's. The appointment and
 * restructure events are still written as their deciders record them rather than decided one by
 * one: deciding them too halves the rate (the appointment decider's steps are most of the events),
 * and a test decides each event group's command again and compares, so a difference fails it.
 */
export const largeHistory = (options: LargeHistoryOptions): LargeHistory => {
  if (!Number.isSafeInteger(options.events) || options.events < 0) {
    throw new Error(`largeHistory: events must be a whole number, got ${String(options.events)}`);
  }
  if (!Number.isInteger(options.seed)) throw new Error(`largeHistory: the seed must be a whole number, got ${String(options.seed)}`);
  return {
    seed: options.seed,
    events: options.events,
    [Symbol.iterator]: () => generate(options),
    [Symbol.asyncIterator]: (): AsyncIterator<RecordedEvent<DomainEvent>, void> => {
      const envelopes = generate(options);
      return {
        next: () => Promise.resolve(envelopes.next()),
        return: () => Promise.resolve(envelopes.return(undefined)),
      };
    },
  };
};
