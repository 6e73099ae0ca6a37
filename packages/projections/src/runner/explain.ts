import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import type { DomainEvent } from '@borough-command/domain';
import type { EventStore, RecordedEvent, StoreError } from '@borough-command/domain/eventsourcing';
import type { EventRef } from '../views/event-ref.js';

/** An event a view cites that the store does not hold at that place (the store was replaced or truncated). */
export interface CitedEventMissing {
  readonly _tag: 'CitedEventMissing';
  readonly ref: EventRef;
  readonly message: string;
}

// AU-1: any figure names its events; this reads them back.
/**
 * AU-1: "why does it say that?": reads back, in the order given, the events a view's figure or row
 * cites, each from its stream at its revision, checking the event id.
 */
export const eventsBehind =
  (store: EventStore<DomainEvent>, refs: readonly EventRef[]): TE.TaskEither<StoreError | CitedEventMissing, readonly RecordedEvent<DomainEvent>[]> =>
  async () => {
    const events: RecordedEvent<DomainEvent>[] = [];
    for (const ref of refs) {
      const read = await store.readStream(ref.stream, { fromRevision: ref.revision, maxCount: 1 })();
      if (E.isLeft(read)) return read;
      const [event] = read.right;
      if (event === undefined || event.metadata.eventId !== ref.eventId) {
        return E.left({
          _tag: 'CitedEventMissing',
          ref,
          message: `event ${ref.eventId} is not at revision ${ref.revision.toString()} of stream '${ref.stream}'`,
        });
      }
      events.push(event);
    }
    return E.right(events);
  };
