import type { ConformanceEvent } from '../../src/index.js';
import type { EventStore, RecordedEvent } from '@borough-command/domain/eventsourcing';
import * as E from 'fp-ts/lib/Either.js';
import { mapReadEvents } from './wrap.js';

/** A store that hands back event data as stored JSON instead of decoding it through its codec. */
export const returningRawJson = (store: EventStore<ConformanceEvent>): EventStore<ConformanceEvent> => ({
  ...mapReadEvents(store, (record): RecordedEvent<ConformanceEvent> => ({ ...record, event: JSON.parse(JSON.stringify(record.event)) as ConformanceEvent })),
  name: `${store.name} returning raw JSON`,
});

/** A store that reads a stream never written as `[]` instead of `StreamNotFound`. */
export const hidingMissingStreams = (store: EventStore<ConformanceEvent>): EventStore<ConformanceEvent> => ({
  ...store,
  name: `${store.name} hiding missing streams`,
  readStream: (stream, options) => async () => {
    const read = await store.readStream(stream, options)();
    return E.isLeft(read) && read.left._tag === 'StreamNotFound' ? E.right([]) : read;
  },
});

/** A store that writes events one at a time: the events before a bad one stay written. */
export const appendingNonAtomically = (store: EventStore<ConformanceEvent>): EventStore<ConformanceEvent> => ({
  ...store,
  name: `${store.name} appending non-atomically`,
  appendToStream: (stream, events, expected) => async () => {
    const whole = await store.appendToStream(stream, events, expected)();
    if (E.isRight(whole) || whole.left._tag === 'WrongExpectedRevision') return whole;
    for (let kept = events.length - 1; kept > 0; kept--) {
      if (E.isRight(await store.appendToStream(stream, events.slice(0, kept), expected)())) break;
    }
    return whole;
  },
});
