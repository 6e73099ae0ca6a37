import * as E from 'fp-ts/lib/Either.js';

/** The sizes one bench run uses: the full run, or `--smoke` for a quick check that everything runs. */
export interface BenchSizes {
  /** The large replay (the 1,000,000-event journal). */
  readonly replayLarge: number;
  /** Events appended before the CLI's question is asked a third time (1,000). */
  readonly appendedEvents: number;
  /** The small replay the large one is compared with (100,000 events). */
  readonly replaySmall: number;
  /** Stored events whose parsing and decoding is timed. */
  readonly decodeEvents: number;
  /** Command units (posting streams) of the command workload, and the commands each gets. */
  readonly commandUnits: number;
  readonly commandsPerUnit: number;
  /** Appointment processes of the command workload. */
  readonly appointments: number;
  /** Stream lengths whose command latency is measured, and the commands timed at each. */
  readonly streamLengths: readonly number[];
  readonly latencySamples: number;
  /** Events written to the EventStoreDB test server, then caught up. */
  readonly esdbEvents: number;
  /** Command units and commands per unit of the posting workload on PostgreSQL, and the catch-ups timed after it. */
  readonly postgresUnits: number;
  readonly postgresCommandsPerUnit: number;
  readonly postgresCatchUpRounds: number;
}

/** What the command line asked for. */
export interface BenchOptions {
  /** Print the figures as one JSON object on the last line too. */
  readonly json: boolean;
  /** Times every benchmark is repeated; figures are reported as minimum, median and maximum. */
  readonly runs: number;
  readonly smoke: boolean;
  readonly sizes: BenchSizes;
  /** The seed of the generated histories. */
  readonly seed: number;
}

/** The sizes of a full run. */
export const fullSizes: BenchSizes = {
  replayLarge: 1_000_000,
  appendedEvents: 1_000,
  replaySmall: 100_000,
  decodeEvents: 100_000,
  commandUnits: 32,
  commandsPerUnit: 250,
  appointments: 200,
  streamLengths: [10, 1_000, 10_000],
  latencySamples: 200,
  esdbEvents: 20_000,
  postgresUnits: 16,
  postgresCommandsPerUnit: 100,
  postgresCatchUpRounds: 10,
};

/** The sizes of `--smoke`: every benchmark runs, on tiny inputs. */
export const smokeSizes: BenchSizes = {
  replayLarge: 4_000,
  appendedEvents: 10,
  replaySmall: 400,
  decodeEvents: 1_000,
  commandUnits: 4,
  commandsPerUnit: 20,
  appointments: 4,
  streamLengths: [10, 1_000, 10_000],
  latencySamples: 5,
  esdbEvents: 100,
  postgresUnits: 2,
  postgresCommandsPerUnit: 10,
  postgresCatchUpRounds: 1,
};

const USAGE = 'usage: npm run bench -- [--json] [--runs N] [--smoke] [--seed N]';

const wholeNumber = (flag: string, value: string | undefined, least: number): E.Either<string, number> => {
  const parsed = value === undefined || !/^\d+$/.test(value) ? Number.NaN : Number(value);
  return Number.isSafeInteger(parsed) && parsed >= least
    ? E.right(parsed)
    : E.left(`${flag} needs a whole number of ${String(least)} or more, got ${value === undefined ? 'nothing' : `'${value}'`}\n${USAGE}`);
};

/** Reads the command line's flags; an unknown flag or a bad number is an error naming it. */
export const parseBenchOptions = (argv: readonly string[]): E.Either<string, BenchOptions> => {
  let json = false;
  let smoke = false;
  let runs = 3;
  let seed = 2017;
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index];
    if (flag === '--json') json = true;
    else if (flag === '--smoke') smoke = true;
    else if (flag === '--runs' || flag === '--seed') {
      const value = wholeNumber(flag, argv[++index], flag === '--runs' ? 1 : 0);
      if (E.isLeft(value)) return value;
      if (flag === '--runs') runs = value.right;
      else seed = value.right;
    } else return E.left(`unknown argument '${String(flag)}'\n${USAGE}`);
  }
  return E.right({ json, runs, smoke, seed, sizes: smoke ? smokeSizes : fullSizes });
};
