import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import { KURRENTDB_CLIENT_PACKAGE } from '@borough-command/eventstoredb';
import { TEST_SERVER_CLIENT_VARIABLE } from '@borough-command/eventstoredb/testing';
import { runTypeScriptChild } from '../replay/child-process.js';
import type { EsdbFigures } from './esdb-bench.js';

const child = fileURLToPath(new URL('./kurrentdb-child.ts', import.meta.url));

/** Whether a value has the shape of a spread. */
const isSpread = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && ['min', 'median', 'max'].every((key) => typeof (value as Record<string, unknown>)[key] === 'number');

/**
 * The EventStoreDB catch-up bench over `@kurrent/kurrentdb-client`: the same history, views and
 * runs as over `@eventstore/db-client`, in a child process whose test server serves that client.
 */
export const kurrentDbBench = async (seed: number, events: number, runs: number): Promise<E.Either<string, EsdbFigures>> => {
  const ran = await runTypeScriptChild(child, [String(seed), String(events), String(runs)], { [TEST_SERVER_CLIENT_VARIABLE]: KURRENTDB_CLIENT_PACKAGE });
  if (E.isLeft(ran)) return ran;
  const figures = ran.right as Record<string, unknown>;
  const complete = typeof figures['events'] === 'number' && ['adapterEventsPerSec', 'rawClientEventsPerSec', 'adapterVsRawRatio'].every((key) => isSpread(figures[key]));
  return complete ? E.right(figures as unknown as EsdbFigures) : E.left(`the KurrentDB catch-up bench printed incomplete figures: ${JSON.stringify(figures)}`);
};
