import { EventStoreDBClient, FORWARDS, START } from '@eventstore/db-client';
import type * as E from 'fp-ts/lib/Either.js';
import type { Projection } from '@borough-command/projections';
import { foldRawEvents, type RawResolvedEvent } from './fold-raw-events.js';

/**
 * The baseline: the bare `@eventstore/db-client` reading `$all` from the start in one read, the
 * domain's events taken as they come (no codec, no metadata check) and folded into the same
 * projections. Answers the events applied.
 */
export const rawCatchUp = async (connectionString: string, projections: readonly Projection[]): Promise<E.Either<string, number>> => {
  const client = EventStoreDBClient.connectionString(connectionString);
  try {
    const events: AsyncIterable<RawResolvedEvent> = client.readAll({ fromPosition: START, direction: FORWARDS, maxCount: Number.MAX_SAFE_INTEGER });
    return await foldRawEvents(events, projections);
  } finally {
    await client.dispose();
  }
};
