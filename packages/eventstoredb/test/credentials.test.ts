/**
 * Credentials in a connection string never reach an error message: not in a refused connection
 * string, nor in the errors of appends, reads and subscriptions while the node refuses calls or is
 * stopped. The test server ignores credentials, so every call reaches it with them attached.
 */
import * as E from 'fp-ts/lib/Either.js';
import { EventStoreDBClient } from '@eventstore/db-client';
import { createEventStoreDbCheckpointStore, createEventStoreDbStore, secretsOf } from '../src/index.js';
import { describeStoreError, type StoreError } from '@borough-command/domain/eventsourcing';
import { startTestServer, type TestServer } from '@borough-command/eventstoredb/testing';
import { commandEvents, conformanceRegistry, numberedItems } from '@borough-command/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextMessage, uniquePrefix } from './support/messages.js';
import { openStore } from './support/open-store.js';

const USER = 'ops-admin';
const PASSWORD = 'Tr0ub4dor&3-horse%21';
/** The password as the server would see it: percent-decoded. */
const DECODED_PASSWORD = 'Tr0ub4dor&3-horse!';

let server: TestServer;
let withCredentials: string;

beforeAll(async () => {
  server = await startTestServer();
  withCredentials = server.connectionString.replace('esdb://', `esdb://${USER}:${PASSWORD}@`);
});

afterAll(async () => {
  await server.stop();
});

/** Every way an error can be shown: its fields and its sentence. */
const shown = (error: StoreError): string =>
  `${JSON.stringify(error, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))}\n${describeStoreError(error)}`;

const expectNoSecret = (text: string): void => {
  expect(text).not.toContain(PASSWORD);
  expect(text).not.toContain(DECODED_PASSWORD);
  expect(text).not.toContain(`${USER}:`);
  for (const secret of secretsOf(withCredentials)) expect(text).not.toContain(secret);
};

const failureOf = <A>(result: E.Either<StoreError, A>): StoreError => {
  if (E.isRight(result)) throw new Error('the operation succeeded');
  return result.left;
};

describe('eventstoredb credentials', () => {
  it('eventstoredb: a connection string that cannot be parsed is refused without its credentials in the message', () => {
    // The host left out: the client reads the password as a port and its own message quotes it.
    const password = 'Tr0ub4dorHorse3';
    const error = failureOf(createEventStoreDbStore(conformanceRegistry, { connectionString: `esdb://${USER}:${password}` }));
    expect(error).toMatchObject({ _tag: 'InvalidStoreArgument', reason: 'the connection string is not valid: expected port number at character 18' });
    expect(shown(error)).not.toContain(password);
  });

  it('eventstoredb: a token written as the user-info of the connection string is masked in the errors that quote the address', async () => {
    // The client takes `<token>@host` for a host name, and its name-resolution error quotes it.
    const token = 'tok-9f2c51d7e4';
    const store = openStore(conformanceRegistry, server.connectionString.replace('esdb://', `esdb://${token}@`));
    try {
      const error = failureOf(await store.readStream('anything')());
      expect(error).toMatchObject({ _tag: 'StoreUnavailable', retryable: true });
      expect(shown(error)).toContain('***@');
      expect(shown(error)).not.toContain(token);
    } finally {
      await store.close();
    }
  });

  it('eventstoredb: errors of appends, reads and subscriptions while the node refuses calls or is stopped never carry the credentials', async () => {
    const store = openStore(conformanceRegistry, withCredentials, { resubscribe: { maxAttempts: 1, initialDelayMs: 1, maxDelayMs: 1 } });
    const prefix = uniquePrefix('secret');
    const stream = `${prefix}s`;
    const checkpointClient = EventStoreDBClient.connectionString(withCredentials);
    try {
      const events = (label: string) => commandEvents(`${label}-${prefix}`, numberedItems(label, 0, 1));
      expect(E.isRight(await store.appendToStream(stream, events('first'), 'no_stream')())).toBe(true);
      const errors: StoreError[] = [];
      server.refuseNextCalls(1);
      errors.push(failureOf(await store.appendToStream(stream, events('refused'), 0n)()));
      server.refuseNextCalls(1);
      errors.push(failureOf(await store.readStream(stream)()));

      const subscription = store.subscribeToAll({ streamPrefixes: [prefix] });
      const iterator = subscription[Symbol.asyncIterator]();
      expect(await nextMessage(iterator)).toMatchObject({ _tag: 'Event' });
      expect(await nextMessage(iterator)).toMatchObject({ _tag: 'CaughtUp' });
      await server.stop();
      const dropped = await nextMessage(iterator);
      if (dropped === 'ended' || dropped._tag !== 'Dropped') throw new Error('the subscription was not dropped');
      errors.push(dropped.error);
      await subscription.close();
      errors.push(failureOf(await store.appendToStream(stream, events('stopped'), 0n)()));
      errors.push(failureOf(await store.readStream(stream)()));
      for await (const page of store.readAll({ streamPrefixes: [prefix] })) errors.push(failureOf(page));

      const checkpoint = await createEventStoreDbCheckpointStore({ client: checkpointClient }, 'secret', { secrets: [PASSWORD], retry: { maxAttempts: 0 } }).load()();
      if (E.isRight(checkpoint)) throw new Error('the checkpoint was read from a stopped node');

      expect(errors.map((error) => error._tag)).toEqual(['StoreUnavailable', 'StoreUnavailable', 'StoreUnavailable', 'StoreUnavailable', 'StoreUnavailable', 'StoreUnavailable']);
      for (const error of errors) expectNoSecret(shown(error));
      expectNoSecret(JSON.stringify(checkpoint.left));
    } finally {
      await server.restart();
      await store.close();
      await checkpointClient.dispose();
    }
  });
});
