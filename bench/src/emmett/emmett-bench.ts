import * as E from 'fp-ts/lib/Either.js';
import { postingStream, type Policy, type PostingCommand } from '@borough-command/domain';
import { postingWorkload, workloadUnits } from '../commands/posting-workload.js';
import { spreadOf, type Spread } from '../report/spread.js';
import { emmettPostings } from './emmett-posting.js';
import { ourPostings } from './ours-posting.js';

/** The posting workload run by both sides in one process. */
export interface EmmettFigures {
  readonly commands: number;
  readonly streams: number;
  readonly events: number;
  readonly oursCommandsPerSec: Spread;
  readonly emmettCommandsPerSec: Spread;
  /** Ours with `cachedStreams: 0`: every command folds its stream from the start, as Emmett's does. */
  readonly oursUncachedCommandsPerSec: Spread;
  /** Our command throughput over Emmett's, per run (above 1: ours is faster). */
  readonly commandRatio: Spread;
  readonly oursReplayEventsPerSec: Spread;
  readonly emmettReplayEventsPerSec: Spread;
  /** Our replay throughput over Emmett's, per run. */
  readonly replayRatio: Spread;
}

/** Times each stream is read back and folded per replay measurement, so that a replay lasts long enough to time. */
const REPLAY_ROUNDS = 100;

interface Side {
  readonly handle: (command: PostingCommand) => Promise<E.Either<string, void>>;
  readonly aggregate: (stream: string) => Promise<E.Either<string, { readonly state: unknown; readonly events: number }>>;
}

const oursSide = (policy: Policy, cachedStreams?: number): Side => ourPostings(policy, cachedStreams);

const emmettSide = (policy: Policy): Side => {
  const emmett = emmettPostings(policy);
  return { handle: emmett.handle, aggregate: async (stream) => E.right(await emmett.aggregate(stream)) };
};

interface SideRun {
  readonly commandsPerSec: number;
  readonly replayEventsPerSec: number;
  /** Each stream's final state as JSON, to check both sides reached the same states. */
  readonly states: readonly string[];
  readonly events: number;
}

/** Runs the workload's commands through one side, then replays every stream `REPLAY_ROUNDS` times. */
const runSide = async (side: Side, workload: ReturnType<typeof postingWorkload>, streams: readonly string[]): Promise<E.Either<string, SideRun>> => {
  let started = performance.now();
  for (const { command } of workload) {
    const handled = await side.handle(command);
    if (E.isLeft(handled)) return handled;
  }
  const commandsPerSec = workload.length / ((performance.now() - started) / 1000);
  let events = 0;
  let states: string[] = [];
  started = performance.now();
  for (let round = 0; round < REPLAY_ROUNDS; round++) {
    events = 0;
    states = [];
    for (const stream of streams) {
      const folded = await side.aggregate(stream);
      if (E.isLeft(folded)) return folded;
      events += folded.right.events;
      states.push(JSON.stringify(folded.right.state));
    }
  }
  const replayEventsPerSec = (events * REPLAY_ROUNDS) / ((performance.now() - started) / 1000);
  return E.right({ commandsPerSec, replayEventsPerSec, states, events });
};

/**
 * The same posting workload (the same commands, streams and events, the same decider) through
 * our kernel and through Emmett, alternately in this process, `runs` times after a warm-up of
 * each; both sides must end with the same events and the same state in every stream.
 */
export const emmettBench = async (policy: Policy, sizes: { readonly units: number; readonly perUnit: number }, runs: number): Promise<E.Either<string, EmmettFigures>> => {
  const workload = postingWorkload(sizes.units, sizes.perUnit);
  const streams = workloadUnits(sizes.units).map(postingStream);
  const ours: SideRun[] = [];
  const theirs: SideRun[] = [];
  const uncached: SideRun[] = [];
  for (let run = -1; run < runs; run++) {
    const mine = await runSide(oursSide(policy), workload, streams);
    if (E.isLeft(mine)) return mine;
    const folding = await runSide(oursSide(policy, 0), workload, streams);
    if (E.isLeft(folding)) return folding;
    const emmett = await runSide(emmettSide(policy), workload, streams);
    if (E.isLeft(emmett)) return emmett;
    for (const other of [emmett.right, folding.right]) {
      if (mine.right.events !== other.events || mine.right.states.some((state, index) => state !== other.states[index])) {
        return E.left(`the sides disagree: ${String(mine.right.events)} events and ${String(other.events)} events, or different states`);
      }
    }
    // run -1 warms both sides up and is not counted
    if (run >= 0) {
      ours.push(mine.right);
      theirs.push(emmett.right);
      uncached.push(folding.right);
    }
  }
  return E.right({
    commands: workload.length,
    streams: streams.length,
    events: ours[0]?.events ?? 0,
    oursCommandsPerSec: spreadOf(ours.map((run) => run.commandsPerSec)),
    emmettCommandsPerSec: spreadOf(theirs.map((run) => run.commandsPerSec)),
    oursUncachedCommandsPerSec: spreadOf(uncached.map((run) => run.commandsPerSec)),
    commandRatio: spreadOf(ours.map((run, index) => run.commandsPerSec / (theirs[index] as SideRun).commandsPerSec)),
    oursReplayEventsPerSec: spreadOf(ours.map((run) => run.replayEventsPerSec)),
    emmettReplayEventsPerSec: spreadOf(theirs.map((run) => run.replayEventsPerSec)),
    replayRatio: spreadOf(ours.map((run, index) => run.replayEventsPerSec / (theirs[index] as SideRun).replayEventsPerSec)),
  });
};
