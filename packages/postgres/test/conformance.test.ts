/**
 * The `EventStore` conformance suite against the PostgreSQL store, over the real node-postgres
 * client and a real PostgreSQL server (started once for the run by `support/global-setup.ts`).
 * Every test opens its own store (its own pool) on one schema of this file; the suite gives every
 * test its own stream names.
 */
import * as E from 'fp-ts/lib/Either.js';
import { createPostgresStore } from '@borough-command/postgres';
import { eventStoreConformanceCases } from '@borough-command/testing';
import { describeEventStoreConformance } from '@borough-command/testing/vitest';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshSchema, postgresUrl } from './support/fresh-schema.js';

let schema: string;
/** The title of every conformance test that opened a store here. */
const casesRun = new Set<string>();

beforeAll(async () => {
  schema = await freshSchema('conformance');
});

describeEventStoreConformance({
  name: 'postgres',
  open: (registry) => {
    casesRun.add(expect.getState().currentTestName ?? '');
    const store = createPostgresStore(registry, { connectionString: postgresUrl() }, { schema });
    if (E.isLeft(store)) throw new Error(`opening the store failed: ${JSON.stringify(store.left)}`);
    return Promise.resolve(store.right);
  },
  // A live event comes within milliseconds (LISTEN/NOTIFY); the margin is for a machine busy with other suites.
  subscriptionTimeoutMs: 20_000,
});

describe('postgres: the whole conformance suite ran', () => {
  it('ran every case the in-memory store runs, each against a PostgreSQL store', () => {
    // describeEventStoreConformance registers one test per case of this list, for every store alike.
    const titles = [...casesRun].map((name) => name.split(' > ').pop());
    expect(titles.sort()).toEqual(eventStoreConformanceCases.map((c) => c.title).sort());
    expect(casesRun.size).toBe(eventStoreConformanceCases.length);
  });
});
