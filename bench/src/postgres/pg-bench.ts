import * as E from 'fp-ts/lib/Either.js';
import type { Policy } from '@borough-command/domain';
import { postingWorkload } from '../commands/posting-workload.js';
import { spreadOf, type Spread } from '../report/spread.js';
import { emmettOnPostgres } from './emmett-pg.js';
import { oursOnPostgres } from './ours-pg.js';
import type { CaughtUp, PostgresSide } from './pg-side.js';
import { benchPostgres } from './pg-server.js';

/** The posting workload on PostgreSQL through both stores, and catching up from each. */
export interface PostgresFigures {
  readonly commands: number;
  readonly events: number;
  readonly catchUpRounds: number;
  readonly oursCommandsPerSec: Spread;
  readonly emmettCommandsPerSec: Spread;
  /** Ours with `cachedStreams: 0`: every command reads and folds its stream from the start, as Emmett's does. */
  readonly oursUncachedCommandsPerSec: Spread;
  /** Our command throughput over Emmett's, per run (above 1: ours is faster). */
  readonly commandRatio: Spread;
  readonly oursCatchUpEventsPerSec: Spread;
  readonly emmettCatchUpEventsPerSec: Spread;
  /** Our catch-up throughput over Emmett's, per run. */
  readonly catchUpRatio: Spread;
}

interface SideRun {
  readonly commandsPerSec: number;
  readonly catchUpEventsPerSec: number;
  readonly caughtUp: CaughtUp;
}

type OpenSide = (policy: Policy, connectionString: string) => Promise<E.Either<string, PostgresSide>>;

/** Runs the workload's commands through one side in a fresh database, then catches up `rounds` times. */
const runSide = async (open: OpenSide, policy: Policy, database: string, workload: ReturnType<typeof postingWorkload>, rounds: number): Promise<E.Either<string, SideRun>> => {
  const side = await open(policy, database);
  if (E.isLeft(side)) return side;
  try {
    let started = performance.now();
    for (const { command } of workload) {
      const handled = await side.right.handle(command);
      if (E.isLeft(handled)) return handled;
    }
    const commandsPerSec = workload.length / ((performance.now() - started) / 1000);
    let caughtUp: CaughtUp = { events: 0, states: new Map() };
    started = performance.now();
    for (let round = 0; round < rounds; round++) {
      const read = await side.right.catchUp();
      if (E.isLeft(read)) return read;
      caughtUp = read.right;
    }
    const catchUpEventsPerSec = (caughtUp.events * rounds) / ((performance.now() - started) / 1000);
    return E.right({ commandsPerSec, catchUpEventsPerSec, caughtUp });
  } finally {
    await side.right.close();
  }
};

/** Whether both sides caught up the same events into the same state in every stream. */
const agree = (ours: CaughtUp, theirs: CaughtUp): boolean =>
  ours.events === theirs.events &&
  ours.states.size === theirs.states.size &&
  [...ours.states].every(([stream, state]) => JSON.stringify(state) === JSON.stringify(theirs.states.get(stream)));

/**
 * The posting workload (the same commands, one event each, the same decider) on one PostgreSQL
 * server, through `@borough-command/postgres` and through Emmett's PostgreSQL event store, each in
 * a fresh database of its own, alternately in this process, `runs` times after a warm-up of each;
 * then each side catches up its events `rounds` times. Ours without kept streams runs the same
 * commands too (caught up once, for the check). Both must end with the same events and the
 * same state in every stream.
 */
export const postgresBench = async (
  policy: Policy,
  sizes: { readonly units: number; readonly perUnit: number; readonly catchUpRounds: number },
  runs: number,
  env: Readonly<Record<string, string | undefined>>,
): Promise<E.Either<string, PostgresFigures>> => {
  const workload = postingWorkload(sizes.units, sizes.perUnit);
  const server = await benchPostgres(env);
  const ours: SideRun[] = [];
  const theirs: SideRun[] = [];
  const uncached: SideRun[] = [];
  const uncachedSide: OpenSide = (policy, connectionString) => oursOnPostgres(policy, connectionString, 0);
  try {
    for (let run = -1; run < runs; run++) {
      // the side that goes first alternates, so neither always meets a cold or a warm server
      const oursFirst = run % 2 === 0;
      const runOurs = async (): Promise<E.Either<string, SideRun>> => runSide(oursOnPostgres, policy, await server.freshDatabase('ours'), workload, sizes.catchUpRounds);
      const runEmmett = async (): Promise<E.Either<string, SideRun>> => runSide(emmettOnPostgres, policy, await server.freshDatabase('emmett'), workload, sizes.catchUpRounds);
      const first = await (oursFirst ? runOurs() : runEmmett());
      if (E.isLeft(first)) return first;
      const second = await (oursFirst ? runEmmett() : runOurs());
      if (E.isLeft(second)) return second;
      const [mine, emmett] = oursFirst ? [first.right, second.right] : [second.right, first.right];
      const folding = await runSide(uncachedSide, policy, await server.freshDatabase('folding'), workload, 1);
      if (E.isLeft(folding)) return folding;
      for (const other of [emmett.caughtUp, folding.right.caughtUp]) {
        if (!agree(mine.caughtUp, other)) {
          return E.left(`the sides disagree on PostgreSQL: ${String(mine.caughtUp.events)} events and ${String(other.events)} events, or different states`);
        }
      }
      // run -1 warms both sides up and is not counted
      if (run >= 0) {
        ours.push(mine);
        theirs.push(emmett);
        uncached.push(folding.right);
      }
    }
  } finally {
    await server.remove();
  }
  const ratio = (pick: (run: SideRun) => number): Spread => spreadOf(ours.map((run, index) => pick(run) / pick(theirs[index] as SideRun)));
  return E.right({
    commands: workload.length,
    events: ours[0]?.caughtUp.events ?? 0,
    catchUpRounds: sizes.catchUpRounds,
    oursCommandsPerSec: spreadOf(ours.map((run) => run.commandsPerSec)),
    emmettCommandsPerSec: spreadOf(theirs.map((run) => run.commandsPerSec)),
    oursUncachedCommandsPerSec: spreadOf(uncached.map((run) => run.commandsPerSec)),
    commandRatio: ratio((run) => run.commandsPerSec),
    oursCatchUpEventsPerSec: spreadOf(ours.map((run) => run.catchUpEventsPerSec)),
    emmettCatchUpEventsPerSec: spreadOf(theirs.map((run) => run.catchUpEventsPerSec)),
    catchUpRatio: ratio((run) => run.catchUpEventsPerSec),
  });
};
