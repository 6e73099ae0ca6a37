/**
 * How a store is given its client, with the client under test of this process: a connection
 * string in either scheme (`esdb://`, `kurrentdb://`) with the client package named, or a client
 * object, whose package the adapter tells by itself; the other client is never loaded beside it.
 * The test server speaks to either client.
 */
import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { describeStoreError } from '@borough-command/domain/eventsourcing';
import { startTestServer, type TestServer } from '@borough-command/eventstoredb/testing';
import { commandEvents, conformanceRegistry, numberedItems } from '@borough-command/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventStoreDbStore, type EventStoreDbTarget } from '../../src/index.js';
import { isClientLoaded } from '../../src/connection/client-package.js';
import { clientUnderTest, clientUnderTestFor } from '../support/client-under-test.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.stop();
});

/** Appends two events to a new stream through a store over the target, reads them back, closes it. */
const roundTrip = async (target: EventStoreDbTarget): Promise<readonly string[]> => {
  const opened = createEventStoreDbStore(conformanceRegistry, target);
  if (E.isLeft(opened)) throw new Error(opened.left._tag);
  const store = opened.right;
  try {
    const stream = `choosing-${randomUUID()}`;
    const events = commandEvents(`command-${randomUUID()}`, numberedItems(stream, 0, 2));
    const appended = await store.appendToStream(stream, events, 'no_stream')();
    expect(E.isRight(appended)).toBe(true);
    const read = await store.readStream(stream)();
    if (E.isLeft(read)) throw new Error(read.left._tag);
    return read.right.map((event) => event.metadata.eventId);
  } finally {
    await store.close();
  }
};

describe(`choosing ${clientUnderTest}`, () => {
  it.each([
    { scheme: 'esdb://', rewrite: (s: string) => s },
    { scheme: 'kurrentdb://', rewrite: (s: string) => s.replace(/^esdb:\/\//, 'kurrentdb://') },
  ])('a $scheme connection string with the client package named appends and reads', async ({ rewrite }) => {
    const connectionString = rewrite(server.connectionString);
    expect(await roundTrip({ connectionString, clientPackage: clientUnderTest })).toHaveLength(2);
  });

  it('a client object is used through its own package, told apart by the adapter', async () => {
    expect(await roundTrip({ client: clientUnderTestFor(server.connectionString) })).toHaveLength(2);
  });

  it('the other client is refused in this process, saying why, and nothing of it is loaded', () => {
    const other = clientUnderTest === '@kurrent/kurrentdb-client' ? '@eventstore/db-client' : '@kurrent/kurrentdb-client';
    const opened = createEventStoreDbStore(conformanceRegistry, { connectionString: server.connectionString, clientPackage: other });
    if (E.isRight(opened)) throw new Error('the other client was opened');
    expect(opened.left._tag).toBe('InvalidStoreArgument');
    expect(describeStoreError(opened.left)).toContain(`${clientUnderTest} is loaded in this process, and the two clients' generated protocol classes share one global namespace`);
    expect(isClientLoaded(other)).toBe(false);
  });

  it('a connection string that does not parse is InvalidStoreArgument, naming no secret', () => {
    const opened = createEventStoreDbStore(conformanceRegistry, { connectionString: 'kurrentdb://admin:s3cret', clientPackage: clientUnderTest });
    expect(E.isLeft(opened) && opened.left._tag).toBe('InvalidStoreArgument');
    expect(JSON.stringify(opened)).not.toContain('s3cret');
  });
});
