/** Opening an adapter store in a test, where a refused connection string is a bug of the test. */
import * as E from 'fp-ts/lib/Either.js';
import { describeStoreError, type CodecRegistry, type EventShape, type EventStore } from '@borough-command/domain/eventsourcing';
import { createEventStoreDbStore, type EventStoreDbStoreOptions } from '../../src/index.js';
import { clientUnderTest } from './client-under-test.js';

/** A store over the connection string, through the client under test; throws (failing the test) when it cannot be opened. */
export const openStore = <Ev extends EventShape>(
  registry: CodecRegistry<Ev>,
  connectionString: string,
  options: EventStoreDbStoreOptions = {},
): EventStore<Ev> => {
  const store = createEventStoreDbStore(registry, { connectionString, clientPackage: clientUnderTest }, options);
  if (E.isLeft(store)) throw new Error(`cannot open an EventStoreDB store: ${describeStoreError(store.left)}`);
  return store.right;
};
