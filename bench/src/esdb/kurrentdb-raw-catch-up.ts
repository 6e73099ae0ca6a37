import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import type * as E from 'fp-ts/lib/Either.js';
import type { Projection } from '@borough-command/projections';
import { foldRawEvents, type RawResolvedEvent } from './fold-raw-events.js';

/**
 * The baseline over `@kurrent/kurrentdb-client`: the bare client reading `$all` from the start in
 * one read, the domain's events taken as they come (no codec, no metadata check) and folded into
 * the same projections, as `raw-catch-up.ts` does with `@eventstore/db-client`. Answers the events applied.
 */
export const kurrentDbRawCatchUp = async (connectionString: string, projections: readonly Projection[]): Promise<E.Either<string, number>> => {
  const client = KurrentDBClient.connectionString(connectionString.replace(/^esdb:\/\//, 'kurrentdb://'));
  try {
    const events: AsyncIterable<RawResolvedEvent> = client.readAll({ fromPosition: 'start', direction: 'forwards', maxCount: Number.MAX_SAFE_INTEGER });
    return await foldRawEvents(events, projections);
  } finally {
    await client.dispose();
  }
};
