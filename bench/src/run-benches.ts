/**
 * Every benchmark of `npm run bench`, one after the other (main.ts loads this once the arguments
 * are read, so a bad argument is answered without loading the benchmarks).
 */
import * as E from 'fp-ts/lib/Either.js';
import { londonHistoryPolicy } from '@borough-command/test-machinery';
import { cliQuestionBench } from './cli-questions/cli-question-bench.js';
import { commandBench } from './commands/command-bench.js';
import { decodeBench } from './decode/decode-overhead.js';
import { emmettBench } from './emmett/emmett-bench.js';
import { DB_CLIENT_PACKAGE } from '@borough-command/eventstoredb';
import { esdbBench } from './esdb/esdb-bench.js';
import { kurrentDbBench } from './esdb/kurrentdb-bench.js';
import { rawCatchUp } from './esdb/raw-catch-up.js';
import type { BenchOptions } from './options.js';
import { postgresBench } from './postgres/pg-bench.js';
import type { BenchResults } from './report/bench-report.js';
import { machineFacts } from './report/machine.js';
import { replayBench } from './replay/replay-bench.js';
import { createJournalFixtures } from './replay/journal-fixtures.js';

/** Runs every benchmark in turn; the first failure stops the run. */
export const runBenches = async (options: BenchOptions, progress: (text: string) => void): Promise<E.Either<string, BenchResults>> => {
  const { sizes, runs, seed } = options;
  const policy = londonHistoryPolicy;
  const machine = machineFacts();
  const fixtures = await createJournalFixtures(seed);
  try {
    progress(`replay: writing journals of ${String(sizes.replaySmall)} and ${String(sizes.replayLarge)} events, then replaying each ${String(runs)} time(s)`);
    const replay = await replayBench(fixtures, { large: sizes.replayLarge, small: sizes.replaySmall }, runs);
    if (E.isLeft(replay)) return replay;
    progress(`CLI: accountability asked of the ${String(sizes.replayLarge)}-event journal, again, and after ${String(sizes.appendedEvents)} more events`);
    const largeJournal = await fixtures.journalOf(sizes.replayLarge);
    if (E.isLeft(largeJournal)) return largeJournal;
    const cliQuestions = await cliQuestionBench(largeJournal.right.file, sizes.appendedEvents, runs);
    if (E.isLeft(cliQuestions)) return cliQuestions;
    progress('decode: parsing and decoding stored events');
    const decode = decodeBench(seed, sizes.decodeEvents, runs);
    if (E.isLeft(decode)) return decode;
    progress('commands: throughput and latency by stream length');
    const commands = await commandBench(
      policy,
      { units: sizes.commandUnits, perUnit: sizes.commandsPerUnit, appointments: sizes.appointments, streamLengths: sizes.streamLengths, samples: sizes.latencySamples },
      runs,
    );
    if (E.isLeft(commands)) return commands;
    progress('Emmett: the same posting workload through both');
    const emmett = await emmettBench(policy, { units: sizes.commandUnits, perUnit: sizes.commandsPerUnit }, runs);
    if (E.isLeft(emmett)) return emmett;
    progress(`EventStoreDB: writing ${String(sizes.esdbEvents)} events to the test server, then catching up`);
    const esdb = await esdbBench({ clientPackage: DB_CLIENT_PACKAGE, rawCatchUp }, policy, seed, sizes.esdbEvents, runs);
    if (E.isLeft(esdb)) return esdb;
    progress(`KurrentDB client: the same ${String(sizes.esdbEvents)} events and catch-ups through @kurrent/kurrentdb-client, in a process of its own`);
    const kurrentdb = await kurrentDbBench(seed, sizes.esdbEvents, runs);
    if (E.isLeft(kurrentdb)) return kurrentdb;
    progress(`PostgreSQL: ${String(sizes.postgresUnits * sizes.postgresCommandsPerUnit)} posting commands through each store, then ${String(sizes.postgresCatchUpRounds)} catch-up(s) of each`);
    const postgres = await postgresBench(
      policy,
      { units: sizes.postgresUnits, perUnit: sizes.postgresCommandsPerUnit, catchUpRounds: sizes.postgresCatchUpRounds },
      runs,
      process.env,
    );
    if (E.isLeft(postgres)) return postgres;
    return E.right({
      machine,
      runs,
      smoke: options.smoke,
      replay: replay.right,
      decode: decode.right,
      commands: commands.right,
      emmett: emmett.right,
      esdb: esdb.right,
      kurrentdb: kurrentdb.right,
      postgres: postgres.right,
      cliQuestions: cliQuestions.right,
    });
  } finally {
    await fixtures.remove();
  }
};

