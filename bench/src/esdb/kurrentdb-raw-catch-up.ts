import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import * as E from 'fp-ts/lib/Either.js';
import type { DomainEvent, EventMetadata, RecordedEvent } from '@borough-command/domain';
import { applyToAll, domainStreamPrefixes, type Projection } from '@borough-command/projections';

/**
 * The baseline over `@kurrent/kurrentdb-client`: the bare client reading `$all` from the start in
 * one read, the domain's events taken as they come (no codec, no metadata check) and folded into
 * the same projections, as `raw-catch-up.ts` does with `@eventstore/db-client`. Answers the events applied.
 */
export const kurrentDbRawCatchUp = async (connectionString: string, projections: readonly Projection[]): Promise<E.Either<string, number>> => {
  const client = KurrentDBClient.connectionString(connectionString.replace(/^esdb:\/\//, 'kurrentdb://'));
  let applied = 0;
  try {
    for await (const resolved of client.readAll({ fromPosition: 'start', direction: 'forwards', maxCount: Number.MAX_SAFE_INTEGER })) {
      const raw = resolved.event;
      if (raw === undefined || raw.type.startsWith('$') || !domainStreamPrefixes.some((prefix) => raw.streamId.startsWith(prefix))) continue;
      const envelope: RecordedEvent<DomainEvent> = {
        event: { type: raw.type, data: raw.data } as DomainEvent,
        metadata: raw.metadata as unknown as EventMetadata,
        stream: raw.streamId,
        revision: raw.revision,
        position: raw.position?.commit ?? 0n,
      };
      const done = applyToAll(projections, envelope);
      if (E.isLeft(done)) return E.left(done.left.message);
      applied += 1;
    }
  } catch (cause) {
    return E.left(`the bare client failed: ${String(cause)}`);
  } finally {
    await client.dispose();
  }
  return E.right(applied);
};
