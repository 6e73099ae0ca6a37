import { ANY, NO_STREAM, STREAM_EXISTS, WrongExpectedVersionError, type AppendExpectedRevision, type EventStoreDBClient } from '@eventstore/db-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, numbered, numbersOf, openHarness, uniqueStream, type Harness } from './harness.js';

const failureOf = (attempt: Promise<unknown>): Promise<unknown> => attempt.then(() => 'no failure', (error: unknown) => error);

describe.each([
  { path: 'BatchAppend', batchAppend: true },
  { path: 'Append', batchAppend: false },
])('expected revisions over Streams.$path', ({ path, batchAppend }) => {
  let harness: Harness;
  let client: EventStoreDBClient;

  beforeAll(async () => {
    harness = await openHarness({ batchAppend });
    client = harness.client();
  });
  afterAll(async () => {
    await harness.close();
  });

  it(`sends appends over ${path} only`, async () => {
    harness.server.resetCalls();
    await client.appendToStream(uniqueStream(), numbered(0, 1));
    const calls = harness.server.calls();
    expect(batchAppend ? calls.batchAppend : calls.append).toBe(1);
    expect(batchAppend ? calls.append : calls.batchAppend).toBe(0);
  });

  it.each<{ name: string; expected: (revision: bigint) => AppendExpectedRevision }>([
    { name: 'any', expected: () => ANY },
    { name: 'stream_exists', expected: () => STREAM_EXISTS },
    { name: 'the exact revision', expected: (revision) => revision },
  ])('appends to an existing stream expecting $name', async ({ expected }) => {
    const stream = uniqueStream();
    const first = await client.appendToStream(stream, numbered(0, 2), { expectedRevision: NO_STREAM });
    const second = await client.appendToStream(stream, numbered(2, 1), { expectedRevision: expected(first.nextExpectedRevision) });
    expect(first.nextExpectedRevision).toBe(1n);
    expect(second.nextExpectedRevision).toBe(2n);
    expect(numbersOf(await collect(client.readStream(stream)))).toEqual([0, 1, 2]);
  });

  it('creates a stream expecting no_stream or any', async () => {
    const results = await Promise.all([
      client.appendToStream(uniqueStream(), numbered(0, 1), { expectedRevision: NO_STREAM }),
      client.appendToStream(uniqueStream(), numbered(0, 1), { expectedRevision: ANY }),
    ]);
    expect(results.map((result) => result.nextExpectedRevision)).toEqual([0n, 0n]);
  });

  it.each<{ name: string; expected: AppendExpectedRevision; existing: number; actual: bigint | 'no_stream' }>([
    { name: 'no_stream on an existing stream', expected: NO_STREAM, existing: 2, actual: 1n },
    { name: 'stream_exists on a missing stream', expected: STREAM_EXISTS, existing: 0, actual: 'no_stream' },
    { name: 'a revision behind', expected: 0n, existing: 2, actual: 1n },
    { name: 'a revision ahead', expected: 5n, existing: 2, actual: 1n },
    { name: 'a revision on a missing stream', expected: 0n, existing: 0, actual: 'no_stream' },
  ])('refuses $name with WrongExpectedVersionError', async ({ expected, existing, actual }) => {
    const stream = uniqueStream();
    if (existing > 0) await client.appendToStream(stream, numbered(0, existing));
    const failure = await failureOf(client.appendToStream(stream, numbered(100, 1), { expectedRevision: expected }));
    expect(failure).toBeInstanceOf(WrongExpectedVersionError);
    expect(failure).toMatchObject({ streamName: stream, expectedVersion: expected, actualVersion: actual });
    const stored = existing > 0 ? numbersOf(await collect(client.readStream(stream))) : [];
    expect(stored).toEqual(Array.from({ length: existing }, (_, n) => n));
  });

  it('accepts a retried append with the same ids at the same expected revision and writes nothing', async () => {
    const stream = uniqueStream();
    await client.appendToStream(stream, numbered(0, 1));
    const events = numbered(1, 2);
    const first = await client.appendToStream(stream, events, { expectedRevision: 0n });
    const retry = await client.appendToStream(stream, events, { expectedRevision: 0n });
    expect(retry).toEqual(first);
    expect(numbersOf(await collect(client.readStream(stream)))).toEqual([0, 1, 2]);
  });

  it('accepts a retried append with the same ids expecting any or no_stream and writes nothing', async () => {
    const stream = uniqueStream();
    const events = numbered(0, 2);
    const first = await client.appendToStream(stream, events, { expectedRevision: NO_STREAM });
    await client.appendToStream(stream, numbered(2, 1));
    const retries = [
      await client.appendToStream(stream, events, { expectedRevision: NO_STREAM }),
      await client.appendToStream(stream, events, { expectedRevision: ANY }),
    ];
    expect(retries).toEqual([first, first]);
    expect(numbersOf(await collect(client.readStream(stream)))).toEqual([0, 1, 2]);
  });

  it.each<{ name: string; expected: AppendExpectedRevision }>([
    { name: 'no_stream', expected: NO_STREAM },
    { name: 'any', expected: ANY },
  ])('refuses a retry expecting $name whose ids only partly match the stream', async ({ expected }) => {
    const stream = uniqueStream();
    const [a, b] = numbered(0, 2);
    await client.appendToStream(stream, [a!, b!]);
    const failure = await failureOf(client.appendToStream(stream, [a!, ...numbered(5, 1)], { expectedRevision: expected }));
    expect(failure).toBeInstanceOf(WrongExpectedVersionError);
    expect(numbersOf(await collect(client.readStream(stream)))).toEqual([0, 1]);
  });
});
