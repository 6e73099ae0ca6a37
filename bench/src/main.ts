/**
 * `npm run bench [-- --json] [--runs N] [--smoke] [--seed N]`: replays generated journals into the
 * six views, times decoding, commands, the same posting workload in Emmett, catch-up over
 * EventStoreDB through each client, and the posting workload and catch-up on PostgreSQL beside
 * Emmett's PostgreSQL store, and an auditor's question asked of the large journal again; prints a table, and with `--json` the same figures as JSON on the last line.
 */
import * as E from 'fp-ts/lib/Either.js';
import { parseBenchOptions } from './options.js';

const main = async (): Promise<number> => {
  const options = parseBenchOptions(process.argv.slice(2));
  if (E.isLeft(options)) {
    console.error(options.left);
    return 2;
  }
  // The benchmarks are loaded only once the arguments are good.
  const { runBenches } = await import('./run-benches.js');
  const { renderTable, resultsJson } = await import('./report/bench-report.js');
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
