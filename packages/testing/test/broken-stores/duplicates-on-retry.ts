import { deriveEventId, type EventShape, type EventStore, type NewEvent, type RecordedEvent } from '@borough-command/domain/eventsourcing';
import * as E from 'fp-ts/lib/Either.js';
import { mapReadEvents } from './wrap.js';

/**
 * A store without idempotency: an event id it has already written is stored again under a
 * disguised id (and shown with its original id on read), so a retry is a new append: a duplicate
 * with `any`, a conflict with an exact revision.
 */
export const duplicatingOnRetry = <A extends EventShape>(store: EventStore<A>): EventStore<A> => {
  const written = new Set<string>();
  const originalOf = new Map<string, string>();
  let retries = 0;
  const disguise = (event: NewEvent<A>): NewEvent<A> => {
    const id = event.metadata.eventId;
    if (!written.has(id)) return event;
    const disguised = deriveEventId(id, ++retries);
    originalOf.set(disguised, id);
    return { ...event, metadata: { ...event.metadata, eventId: disguised } };
  };
  const reveal = (record: RecordedEvent<A>): RecordedEvent<A> => {
    const original = originalOf.get(record.metadata.eventId);
    return original === undefined ? record : { ...record, metadata: { ...record.metadata, eventId: original } };
  };
  return {
    ...mapReadEvents(store, reveal),
    name: `${store.name} duplicating on retry`,
    appendToStream: (stream, events, expected) => async () => {
      const result = await store.appendToStream(stream, events.map(disguise), expected)();
      if (E.isRight(result)) for (const event of events) written.add(event.metadata.eventId);
      return result;
    },
  };
};
