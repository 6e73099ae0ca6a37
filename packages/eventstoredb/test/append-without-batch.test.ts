/**
 * Against a node that does not offer `Streams.BatchAppend` the client falls back to `Streams.Append`,
 * which answers conflicts in another message: the conformance checks of expected revisions,
 * idempotency and races run again there. One test server for this file.
 */
import { startTestServer, type TestServer } from '@borough-command/eventstoredb/testing';
import { eventStoreConformanceCases, type EventStoreSubject } from '@borough-command/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from './support/open-store.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ batchAppend: false });
});

afterAll(async () => {
  await server.stop();
});

const subject: EventStoreSubject = {
  name: 'eventstoredb over Streams.Append',
  open: (registry) => Promise.resolve(openStore(registry, server.connectionString)),
};

const groups = new Set(['expected revision', 'optimistic concurrency', 'idempotency']);

describe('eventstoredb over Streams.Append (no BatchAppend)', () => {
  for (const check of eventStoreConformanceCases.filter((c) => groups.has(c.group))) {
    it(`${check.group}: ${check.title}`, () => check.run(subject));
  }

  it('used Streams.Append only', () => {
    expect(server.calls()).toMatchObject({ batchAppend: 0 });
    expect(server.calls().append).toBeGreaterThan(0);
  });
});
