import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import { spreadOf, type Spread } from '../report/spread.js';
import { runTypeScriptChild } from './child-process.js';
import type { JournalFixtures } from './journal-fixtures.js';
import type { ReplayMeasurement } from './replay-measurement.js';

const childFile = fileURLToPath(new URL('./replay-child.ts', import.meta.url));

/** The replay figures of one history size over several runs. */
export interface ReplaySizeFigures {
  readonly events: number;
  readonly journalMb: number;
  readonly eventsPerSec: Spread;
  readonly peakRssMb: Spread;
  readonly heapWithViewsMb: Spread;
  readonly heapWithoutViewsMb: Spread;
  /** The heap the six views hold (with them, less without them, in the same run) over the events folded into them. */
  readonly viewsBytesPerEvent: Spread;
}

/** The replay figures: the large history, the small one, and how peak RSS grows between them. */
export interface ReplayFigures {
  readonly large: ReplaySizeFigures;
  readonly small: ReplaySizeFigures;
  /** Events per second reading the large journal with every check and decode but no view. */
  readonly largeReadOnlyEventsPerSec: Spread;
  /** Lines per second reading the large journal, each line parsed and hashed, nothing else: the floor. */
  readonly largeFloorEventsPerSec: Spread;
  /** Peak RSS replaying the large history over peak RSS replaying the small one (medians). */
  readonly rssGrowthRatio: number;
}

const replayOnce = async (file: string): Promise<E.Either<string, ReplayMeasurement>> => {
  const ran = await runTypeScriptChild(childFile, [file]);
  return E.isLeft(ran) ? ran : E.right(ran.right as ReplayMeasurement);
};

const replaySize = async (fixtures: JournalFixtures, events: number, runs: number): Promise<E.Either<string, ReplaySizeFigures>> => {
  const journal = await fixtures.journalOf(events);
  if (E.isLeft(journal)) return journal;
  const measured: ReplayMeasurement[] = [];
  for (let run = 0; run < runs; run++) {
    const once = await replayOnce(journal.right.file);
    if (E.isLeft(once)) return once;
    if (once.right.events !== events) return E.left(`the replay of ${journal.right.file} read ${String(once.right.events)} events, not ${String(events)}`);
    measured.push(once.right);
  }
  return E.right({
    events,
    journalMb: journal.right.bytes / (1024 * 1024),
    eventsPerSec: spreadOf(measured.map((m) => m.eventsPerSec)),
    peakRssMb: spreadOf(measured.map((m) => m.peakRssMb)),
    heapWithViewsMb: spreadOf(measured.map((m) => m.heapWithViewsMb)),
    heapWithoutViewsMb: spreadOf(measured.map((m) => m.heapWithoutViewsMb)),
    viewsBytesPerEvent: spreadOf(measured.map((m) => ((m.heapWithViewsMb - m.heapWithoutViewsMb) * 1024 * 1024) / events)),
  });
};

/** Reads a journal `runs` times without folding it (`--read-only`) or only parsing and hashing it (`--floor`), each read in a process of its own. */
const readOnlyRuns = async (fixtures: JournalFixtures, events: number, runs: number, mode: '--read-only' | '--floor'): Promise<E.Either<string, Spread>> => {
  const journal = await fixtures.journalOf(events);
  if (E.isLeft(journal)) return journal;
  const rates: number[] = [];
  for (let run = 0; run < runs; run++) {
    const ran = await runTypeScriptChild(childFile, [journal.right.file, mode]);
    if (E.isLeft(ran)) return ran;
    const read = ran.right as { readonly events: number; readonly eventsPerSec: number };
    if (read.events !== events) return E.left(`reading ${journal.right.file} gave ${String(read.events)} events, not ${String(events)}`);
    rates.push(read.eventsPerSec);
  }
  return E.right(spreadOf(rates));
};

/** Replays each journal size `runs` times, each replay in a process of its own, and reads the large one without views, and at the floor, as often. */
export const replayBench = async (
  fixtures: JournalFixtures,
  sizes: { readonly large: number; readonly small: number },
  runs: number,
): Promise<E.Either<string, ReplayFigures>> => {
  const small = await replaySize(fixtures, sizes.small, runs);
  if (E.isLeft(small)) return small;
  const large = await replaySize(fixtures, sizes.large, runs);
  if (E.isLeft(large)) return large;
  const readOnly = await readOnlyRuns(fixtures, sizes.large, runs, '--read-only');
  if (E.isLeft(readOnly)) return readOnly;
  const floor = await readOnlyRuns(fixtures, sizes.large, runs, '--floor');
  if (E.isLeft(floor)) return floor;
  return E.right({
    large: large.right,
    small: small.right,
    largeReadOnlyEventsPerSec: readOnly.right,
    largeFloorEventsPerSec: floor.right,
    rssGrowthRatio: large.right.peakRssMb.median / small.right.peakRssMb.median,
  });
};
