/**
 * The TLS and credentials options of a connection string reach the client as written: through a
 * TLS front (a self-signed certificate for localhost) before the test server, `tls=true` with
 * `tlsCAFile` naming the certificate and `admin:changeit@` appends, reads, reads `$all` and
 * subscribes, every Streams request carrying the Basic credentials; without the CA the certificate
 * is refused, `tlsVerifyCert=false` changing nothing (client 6.2.1 ignores it, with a warning), and
 * plaintext to the TLS port fails: retryable `StoreUnavailable` errors without the password in them.
 */
import * as E from 'fp-ts/lib/Either.js';
import { describeStoreError, type StoreError } from '@borough-command/domain/eventsourcing';
import { startTestServer, type TestServer } from '@borough-command/eventstoredb/testing';
import { commandEvents, conformanceRegistry, numberedItems } from '@borough-command/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextMessage, uniquePrefix } from '../support/messages.js';
import { openStore } from '../support/open-store.js';
import { selfSignedCertificate, startTlsFront, type SelfSignedCertificate, type TlsFront } from './support/tls-front.js';

const USER = 'admin';
const PASSWORD = 'changeit';
const BASIC = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;

let server: TestServer;
let certificate: SelfSignedCertificate;
let front: TlsFront;

beforeAll(async () => {
  server = await startTestServer();
  certificate = selfSignedCertificate();
  front = await startTlsFront(certificate, server.port);
});

afterAll(async () => {
  await front.stop();
  await server.stop();
  certificate.remove();
});

const at = (query: string, credentials = true): string =>
  `esdb://${credentials ? `${USER}:${PASSWORD}@` : ''}localhost:${String(front.port)}?${query}`;

const failureOf = <A>(result: E.Either<StoreError, A>): StoreError => {
  if (E.isRight(result)) throw new Error('the call succeeded');
  return result.left;
};

describe('eventstoredb TLS and credentials', () => {
  it('eventstoredb: tls=true with tlsCAFile and credentials: appends, reads, $all and a subscription go over TLS, each request with the Basic credentials', async () => {
    const store = openStore(conformanceRegistry, at(`tls=true&tlsCAFile=${encodeURIComponent(certificate.certFile)}`));
    const prefix = uniquePrefix('tls');
    try {
      const before = front.requests().length;
      const events = commandEvents(`tls-${prefix}`, numberedItems('tls', 0, 2));
      expect(E.isRight(await store.appendToStream(`${prefix}s`, events, 'no_stream')())).toBe(true);
      const read = await store.readStream(`${prefix}s`)();
      expect(E.isRight(read) && read.right.map((event) => event.metadata.eventId)).toEqual(events.map((event) => event.metadata.eventId));
      const all: string[] = [];
      for await (const page of store.readAll({ streamPrefixes: [prefix] })) {
        if (E.isLeft(page)) throw new Error(describeStoreError(page.left));
        all.push(...page.right.map((event) => event.metadata.eventId));
      }
      expect(all).toEqual(events.map((event) => event.metadata.eventId));
      const subscription = store.subscribeToAll({ streamPrefixes: [prefix] });
      const iterator = subscription[Symbol.asyncIterator]();
      expect(await nextMessage(iterator)).toMatchObject({ _tag: 'Event' });
      await subscription.close();
      // every call went through the front and was a Streams call carrying the credentials of the
      // connection string (appending with Streams.Append, the client asks for no server features)
      const seen = front.requests().slice(before);
      const streams = seen.filter((request) => request.path.startsWith('/event_store.client.streams.Streams/'));
      expect(streams.map((request) => request.path.split('/').at(-1))).toEqual(expect.arrayContaining(['Read', 'Append']));
      expect(new Set(streams.map((request) => request.authorization))).toEqual(new Set([BASIC]));
      expect(seen.filter((request) => !streams.includes(request)).map((request) => request.path)).toEqual([]);
      expect(server.calls().writes).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });

  it('eventstoredb: tlsVerifyCert=false has no effect with @eventstore/db-client 6.2.1: the self-signed certificate is still refused (give tlsCAFile)', async () => {
    const store = openStore(conformanceRegistry, at('tls=true&tlsVerifyCert=false'));
    try {
      const error = failureOf(await store.readStream(uniquePrefix('unverified'))());
      expect(error).toMatchObject({ _tag: 'StoreUnavailable', retryable: true });
      expect(describeStoreError(error)).toContain('self-signed certificate');
    } finally {
      await store.close();
    }
  });

  it('eventstoredb: without the CA the certificate is refused, and plaintext to the TLS port fails: retryable, and the password is in neither error', async () => {
    const refusedBefore = front.refusedHandshakes();
    const errors: StoreError[] = [];
    for (const connectionString of [at('tls=true'), at('tls=false')]) {
      const store = openStore(conformanceRegistry, connectionString);
      try {
        errors.push(failureOf(await store.readStream('anything')()));
      } finally {
        await store.close();
      }
    }
    for (const error of errors) {
      expect(error).toMatchObject({ _tag: 'StoreUnavailable', retryable: true });
      expect(`${JSON.stringify(error)} ${describeStoreError(error)}`).not.toContain(PASSWORD);
    }
    expect(front.refusedHandshakes()).toBeGreaterThan(refusedBefore);
  });
});
