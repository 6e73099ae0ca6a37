/**
 * The EventStoreDB catch-up bench over `@kurrent/kurrentdb-client`, in a process of its own (the
 * two clients never load in one process; the parent sets `BOROUGH_COMMAND_EVENTSTORE_CLIENT` so the
 * test server serves this client's protocol): `kurrentdb-child.ts <seed> <events> <runs>` prints
 * the figures as one JSON line (numbers, no bigints).
 */
import * as E from 'fp-ts/lib/Either.js';
import { KURRENTDB_CLIENT_PACKAGE } from '@borough-command/eventstoredb';
import { londonHistoryPolicy } from '@borough-command/test-machinery';
import { esdbBench } from './esdb-bench.js';
import { kurrentDbRawCatchUp } from './kurrentdb-raw-catch-up.js';

const [seed, events, runs] = process.argv.slice(2).map(Number);
if (seed === undefined || events === undefined || runs === undefined) {
  console.error('usage: kurrentdb-child.ts <seed> <events> <runs>');
  process.exit(2);
}
// The client's native bridge waits its `discoveryInterval` (500 ms by default) before its first
// connection; each catch-up, on either side, opens one client and would wait once. Both sides are
// told to wait 10 ms, so the figures time the catch-up rather than that wait.
const connectionOptions = '&discoveryInterval=10';
const figures = await esdbBench({ clientPackage: KURRENTDB_CLIENT_PACKAGE, rawCatchUp: kurrentDbRawCatchUp, connectionOptions }, londonHistoryPolicy, seed, events, runs);
if (E.isLeft(figures)) {
  console.error(figures.left);
  process.exit(1);
}
console.log(JSON.stringify(figures.right));
