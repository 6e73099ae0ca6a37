import type { EventShape, EventStore } from '@borough-command/domain/eventsourcing';

/** A store that appends whatever revision the caller expected: every expectation becomes `any`. */
export const ignoringExpectedRevision = <A extends EventShape>(store: EventStore<A>): EventStore<A> => ({
  ...store,
  name: `${store.name} ignoring the expected revision`,
  appendToStream: (stream, events) => store.appendToStream(stream, events, 'any'),
});
