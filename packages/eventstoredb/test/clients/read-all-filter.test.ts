/**
 * Where `readAll`'s stream prefixes are applied. `@kurrent/kurrentdb-client` sends them to the
 * node with the read, so the node sends only the matching events, however long `$all` is;
 * `@eventstore/db-client` 6.2.1 sends no filter with a read, so the node sends all of `$all` and the
 * adapter keeps the matching events itself. Either way it is one request, and the same events.
 */
import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { startTestServer, type TestServer } from '@borough-command/eventstoredb/testing';
import { commandEvents, conformanceRegistry, numberedItems, type ConformanceEvent } from '@borough-command/testing';
import type { EventStore } from '@borough-command/domain/eventsourcing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { clientUnderTest, isKurrentDbClient } from '../support/client-under-test.js';
import { openStore } from '../support/open-store.js';

const OTHER_STREAMS = 30;
const BATCH = 2;

let server: TestServer;
let store: EventStore<ConformanceEvent>;

beforeAll(async () => {
  server = await startTestServer({ systemEvents: false });
  store = openStore(conformanceRegistry, server.connectionString, { readBatchSize: BATCH });
});

afterAll(async () => {
  await store.close();
  await server.stop();
});

const append = async (stream: string, count: number): Promise<void> => {
  const appended = await store.appendToStream(stream, commandEvents(`command-${randomUUID()}`, numberedItems(stream, 0, count)), 'no_stream')();
  if (E.isLeft(appended)) throw new Error(appended.left._tag);
};

it(`readAll with a stream prefix over ${clientUnderTest}: ${isKurrentDbClient ? 'the node filters' : 'the adapter filters, the node sends all of $all'}, in one request`, async () => {
  const wanted = `wanted-${randomUUID()}`;
  await append(`${wanted}-a`, 2);
  for (let index = 0; index < OTHER_STREAMS; index++) await append(`other-${randomUUID()}`, 1);
  await append(`${wanted}-b`, 1);

  const before = server.calls();
  const events: string[] = [];
  for await (const page of store.readAll({ streamPrefixes: [wanted] })) {
    if (E.isLeft(page)) throw new Error(page.left._tag);
    events.push(...page.right.map((event) => event.stream));
  }
  const after = server.calls();

  expect(events).toEqual([`${wanted}-a`, `${wanted}-a`, `${wanted}-b`]);
  expect(after.read - before.read).toBe(1);
  const logLength = 3 + OTHER_STREAMS;
  expect(after.eventsRead - before.eventsRead).toBe(isKurrentDbClient ? 3 : logLength);
});
