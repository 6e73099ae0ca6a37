/**
 * The two append methods of the adapter, each through the conformance checks of expected
 * revisions, idempotency and races (conflicts come back in other messages over each call):
 * `batch-append` against a node that offers `Streams.BatchAppend` uses it and nothing else, and
 * against a node that does not, falls back to `Streams.Append`. The default method, `append`, is
 * the one the whole suite runs in `conformance.test.ts`. One test server per case.
 */
import { startTestServer, type TestServer, type TestServerOptions } from '@borough-command/eventstoredb/testing';
import { eventStoreConformanceCases, type EventStoreSubject } from '@borough-command/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from './support/open-store.js';
import { noConnectionWait } from './support/client-under-test.js';

const groups = new Set(['expected revision', 'optimistic concurrency', 'idempotency']);

const cases: readonly { readonly name: string; readonly server: TestServerOptions; readonly used: 'append' | 'batchAppend' }[] = [
  { name: 'eventstoredb with batch-append over Streams.BatchAppend', server: {}, used: 'batchAppend' },
  { name: 'eventstoredb with batch-append over Streams.Append (the node offers no BatchAppend)', server: { batchAppend: false }, used: 'append' },
];

for (const { name, server: serverOptions, used } of cases) {
  describe(name, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(serverOptions);
    });
    afterAll(async () => {
      await server.stop();
    });

    const subject: EventStoreSubject = {
      name,
      open: (registry) => Promise.resolve(openStore(registry, `${server.connectionString}${noConnectionWait}`, { appendMethod: 'batch-append' })),
    };
    for (const check of eventStoreConformanceCases.filter((c) => groups.has(c.group))) {
      it(`${check.group}: ${check.title}`, () => check.run(subject));
    }

    it(`used ${used === 'append' ? 'Streams.Append' : 'Streams.BatchAppend'} only`, () => {
      const calls = server.calls();
      expect(calls[used]).toBeGreaterThan(0);
      expect(calls[used === 'append' ? 'batchAppend' : 'append']).toBe(0);
    });
  });
}
