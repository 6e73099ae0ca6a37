/**
 * Events another writer put in EventStoreDB that the domain cannot decode, appended with the bare
 * `@eventstore/db-client` to the wire-level test server and read with the adapter: every one is a
 * typed error naming the stream, the revision and the path inside the event; reading writes
 * nothing and changes no prototype.
 */
import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { EventStoreDBClient, type EventData } from '@eventstore/db-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainEventRegistry, type DomainEvent } from '@borough-command/domain';
import { describeStoreError, type EventStore, type StoreError } from '@borough-command/domain/eventsourcing';
import { startTestServer, type TestServer } from '@borough-command/eventstoredb/testing';
import {
  badStoredEventArbitrary,
  createFuzzTally,
  fuzzRuns,
  fuzzTimeout,
  largeHistory,
  namesBrokenField,
  prototypePollution,
  prototypeSnapshot,
  type StoredEventSample,
} from '@borough-command/test-machinery';
import { openStore } from '../support/open-store.js';

const RUNS = fuzzRuns(150);
const TIMEOUT = fuzzTimeout(RUNS, 12);
const tally = createFuzzTally('EventStoreDB adapter, readStream and readAll');

let server: TestServer;
let client: EventStoreDBClient;
let store: EventStore<DomainEvent>;
let samples: readonly StoredEventSample[];
beforeAll(async () => {
  server = await startTestServer();
  client = EventStoreDBClient.connectionString(server.connectionString);
  store = openStore(domainEventRegistry, server.connectionString);
  samples = [...largeHistory({ seed: 20_250_101, events: 40 })].map((recorded) => ({
    type: recorded.event.type,
    data: recorded.event.data,
    metadata: recorded.metadata,
  }));
});
afterAll(async () => {
  console.log(`fuzz ${tally.summary()}`);
  await store.close();
  await client.dispose();
  await server.stop();
});

/** A raw event as another writer sends it, and what reading it must answer. */
interface RawCase {
  readonly kind: string;
  readonly event: EventData;
  /** The type an `UnknownEventType` names, or the path (and whether deeper is allowed) an `EventDecodeFailed` names. */
  readonly expect: { readonly unknownType: string } | { readonly field: string; readonly within: boolean };
}

const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));

/** JSON data and metadata given as bytes, so the metadata reaches the server exactly as written (any depth, any keys). */
const rawEvent = (id: string, type: string, data: unknown, metadata: Uint8Array): EventData =>
  ({ id, type, contentType: 'application/json', data, metadata }) as unknown as EventData;

const domainCases: fc.Arbitrary<RawCase> = fc.constant(null).chain(() =>
  badStoredEventArbitrary(samples, { maxDepth: 1000 }).map(
    (bad): RawCase => ({
      kind: bad.kind,
      event: rawEvent(bad.sample.metadata.eventId, bad.type, JSON.parse(bad.dataText), bytes(bad.metadataText)),
      expect: bad.field === undefined ? { unknownType: bad.type } : { field: bad.field, within: bad.within },
    }),
  ),
);

/** What only a store that keeps bytes can hold: data that is not JSON, metadata that is not JSON, a metadata event id that is not the event's. */
const wireCases: fc.Arbitrary<RawCase> = fc.constant(null).chain(() =>
  fc.constantFrom(...samples).chain((sample) =>
    fc.oneof(
      fc.uint8Array({ maxLength: 200 }).map(
        (data): RawCase => ({
          kind: 'binary data',
          event: { id: sample.metadata.eventId, type: sample.type, contentType: 'application/octet-stream', data, metadata: bytes(JSON.stringify(sample.metadata)) } as unknown as EventData,
          // bytes are an object to io-ts: the error names the first field the bytes lack
          expect: { field: 'data', within: true },
        }),
      ),
      fc
        .oneof(
          fc.uint8Array({ maxLength: 200 }),
          fc.integer({ min: 0, max: 200 }).map((length) => bytes(JSON.stringify(sample.metadata).slice(0, length))),
        )
        .map((metadata): RawCase => ({ kind: 'metadata not JSON', event: rawEvent(sample.metadata.eventId, sample.type, sample.data, metadata), expect: { field: 'metadata', within: true } })),
      fc.constant<RawCase>({
        kind: 'metadata names another event',
        event: rawEvent(sample.metadata.eventId, sample.type, sample.data, bytes(JSON.stringify({ ...sample.metadata, eventId: randomUUID() }))),
        expect: { field: 'metadata.eventId', within: false },
      }),
    ),
  ),
);

/** Checks a read failed on the case's event, naming its stream, revision 0 and the path or type. */
const expectNamed = (error: StoreError, stream: string, expected: RawCase['expect']): void => {
  expect(describeStoreError(error)).toContain(`stream '${stream}' at revision 0`);
  if ('unknownType' in expected) {
    expect(error).toMatchObject({ _tag: 'UnknownEventType', stream, revision: 0n, type: expected.unknownType });
    return;
  }
  expect(error).toMatchObject({ _tag: 'EventDecodeFailed', stream, revision: 0n });
  const path = error._tag === 'EventDecodeFailed' ? error.path : '';
  expect(namesBrokenField(expected, path), `'${path}' for '${expected.field}'`).toBe(true);
};

describe('fuzz: events from EventStoreDB that do not match their codecs', () => {
  it('fuzz: every bad event read back is a typed error naming stream, revision and path, and reading writes nothing', async () => {
    let sequence = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof({ arbitrary: domainCases, weight: 4 }, { arbitrary: wireCases, weight: 1 }), async (raw) => {
        const before = prototypeSnapshot();
        sequence += 1;
        const stream = `fuzz-${String(sequence)}-${randomUUID()}`;
        const appended = await client.appendToStream(stream, raw.event);
        const writes = server.calls().writes;
        tally.count(raw.kind);

        const read = await store.readStream(stream)();
        expect(E.isLeft(read)).toBe(true);
        if (E.isLeft(read)) expectNamed(read.left, stream, raw.expect);

        // from just before the event: positions are whole numbers, and `after` is exclusive
        const pages: E.Either<StoreError, unknown>[] = [];
        for await (const page of store.readAll({ after: (appended.position?.commit ?? 1n) - 1n, streamPrefixes: [stream] })) pages.push(page);
        const failed = pages.find(E.isLeft);
        expect(failed).toBeDefined();
        if (failed !== undefined && E.isLeft(failed)) expectNamed(failed.left, stream, raw.expect);

        expect(server.calls().writes).toBe(writes);
        expect(prototypePollution(before)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});
