import { EventStoreDBClient, FORWARDS, START } from '@eventstore/db-client';
import * as E from 'fp-ts/lib/Either.js';
import type { DomainEvent, EventMetadata, RecordedEvent } from '@borough-command/domain';
import { applyToAll, domainStreamPrefixes, type Projection } from '@borough-command/projections';

/**
 * The baseline: the bare `@eventstore/db-client` reading `$all` from the start in one read, the
 * domain's events taken as they come (no codec, no metadata check) and folded into the same
 * projections. Answers the events applied.
 */
export const rawCatchUp = async (connectionString: string, projections: readonly Projection[]): Promise<E.Either<string, number>> => {
  const client = EventStoreDBClient.connectionString(connectionString);
  let applied = 0;
  try {
    for await (const resolved of client.readAll({ fromPosition: START, direction: FORWARDS, maxCount: Number.MAX_SAFE_INTEGER })) {
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
