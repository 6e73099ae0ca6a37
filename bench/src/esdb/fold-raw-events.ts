import * as E from 'fp-ts/lib/Either.js';
import type { DomainEvent } from '@borough-command/domain';
import type { EventMetadata, RecordedEvent } from '@borough-command/domain/eventsourcing';
import { applyToAll, domainStreamPrefixes, type Projection } from '@borough-command/projections';

/** What both EventStoreDB clients give for an event of `$all`: the fields the baseline folds. */
export interface RawResolvedEvent {
  readonly event?:
    | {
        readonly type: string;
        readonly streamId: string;
        readonly revision: bigint;
        readonly data: unknown;
        readonly metadata: unknown;
        readonly position?: { readonly commit: bigint } | undefined;
      }
    | undefined;
}

/**
 * The baseline's fold, whichever client read `$all`: the domain's events taken as they come (no
 * codec, no metadata check) and folded into the projections. Answers the events applied; a client
 * that fails is named in the error.
 */
export const foldRawEvents = async (events: AsyncIterable<RawResolvedEvent>, projections: readonly Projection[]): Promise<E.Either<string, number>> => {
  let applied = 0;
  try {
    for await (const resolved of events) {
      const raw = resolved.event;
      if (raw === undefined || raw.type.startsWith('$') || !domainStreamPrefixes.some((prefix) => raw.streamId.startsWith(prefix))) continue;
      const envelope: RecordedEvent<DomainEvent> = {
        event: { type: raw.type, data: raw.data } as DomainEvent,
        metadata: raw.metadata as EventMetadata,
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
  }
  return E.right(applied);
};
