import type { EventShape, EventStore, RecordedEvent } from '@borough-command/domain/eventsourcing';
import * as E from 'fp-ts/lib/Either.js';
import { mapPages } from './wrap.js';

/** A store whose forward stream reads come back newest first. */
export const reversingStreamReads = <A extends EventShape>(store: EventStore<A>): EventStore<A> => ({
  ...store,
  name: `${store.name} reversing stream reads`,
  readStream: (stream, options) => async () => {
    const read = await store.readStream(stream, options)();
    return options?.direction === 'backwards' ? read : E.map((events: readonly RecordedEvent<A>[]) => [...events].reverse())(read);
  },
});

/** A store whose readAll pages come back newest first. */
export const reversingReadAllPages = <A extends EventShape>(store: EventStore<A>): EventStore<A> => ({
  ...store,
  name: `${store.name} reversing readAll pages`,
  readAll: (options) => mapPages(store.readAll(options), (page) => [...page].reverse()),
});
