/**
 * The same conformance suite against a real EventStoreDB node, when `EVENTSTORE_CONNECTION_STRING`
 * names one (e.g. `esdb://localhost:2113?tls=false`). These machines cannot run a node, so without
 * the variable this part is skipped: `describe.runIf` keeps it listed as skipped rather than
 * absent, so a run shows that the real-node check did not happen. Point it at a node of its own:
 * the suite writes uniquely named streams and reads `$all` from the start many times.
 */
import { describeEventStoreConformance } from '@borough-command/testing/vitest';
import { describe } from 'vitest';
import { openStore } from './support/open-store.js';

const connectionString = process.env['EVENTSTORE_CONNECTION_STRING'];

describe.runIf(connectionString !== undefined && connectionString !== '')('a real EventStoreDB node (EVENTSTORE_CONNECTION_STRING)', () => {
  describeEventStoreConformance({
    name: 'eventstoredb on a real node',
    open: (registry) => Promise.resolve(openStore(registry, connectionString ?? '')),
    // A real node over a network: give subscriptions more time than the in-process server needs.
    subscriptionTimeoutMs: 30_000,
  });
});
