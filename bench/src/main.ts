/**
 * `npm run bench [-- --json] [--runs N] [--smoke] [--seed N]`: replays generated journals into the
 * six views, times decoding, commands, the same posting workload in Emmett, catch-up over
 * EventStoreDB through each client, and the posting workload and catch-up on PostgreSQL beside
 * Emmett's PostgreSQL store, and an auditor's question asked of the large journal again; prints a table, and with `--json` the same figures as JSON on the last line.
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
import { parseBenchOptions, type BenchOptions } from './options.js';
import { postgresBench } from './postgres/pg-bench.js';
import { renderTable, resultsJson, type BenchResults } from './report/bench-report.js';
import { machineFacts } from './report/machine.js';
import { replayBench } from './replay/replay-bench.js';
import { createJournalFixtures } from './replay/journal-fixtures.js';

/** Runs every benchmark in turn; the first failure stops the run. */
const runBenches = async (options: BenchOptions, progress: (text: string) => void): Promise<E.Either<string, BenchResults>> => {
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

const main = async (): Promise<number> => {
  const options = parseBenchOptions(process.argv.slice(2));
  if (E.isLeft(options)) {
    console.error(options.left);
    return 2;
  }
  const results = await runBenches(options.right, (text) => {
    console.error(`bench: ${text}`);
  });
  if (E.isLeft(results)) {
    console.error(`bench failed: ${results.left}`);
    return 1;
  }
  console.log(renderTable(results.right));
  if (options.right.json) console.log(JSON.stringify(resultsJson(results.right)));
  return 0;
};

process.exitCode = await main();
