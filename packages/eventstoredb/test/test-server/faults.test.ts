import { UnavailableError, type EventStoreDBClient } from '@eventstore/db-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collect, numbered, numbersOf, openHarness, record, uniqueStream, type Harness } from './harness.js';

const failureOf = (attempt: Promise<unknown>): Promise<unknown> => attempt.then(() => 'no failure', (error: unknown) => error);

describe.each([{ batchAppend: true }, { batchAppend: false }])('fault injection (batchAppend: $batchAppend)', ({ batchAppend }) => {
  let harness: Harness;
  let client: EventStoreDBClient;

  beforeEach(async () => {
    harness = await openHarness({ batchAppend });
    client = harness.client();
    // The client asks for the server's features on its first call; make that happen here.
    await client.appendToStream(uniqueStream('warm-up'), numbered(0, 1));
  });
  afterEach(async () => {
    await harness.close();
  });

  it('refuses the next calls with UnavailableError, then serves again', async () => {
    const stream = uniqueStream();
    harness.server.refuseNextCalls(1);
    expect(await failureOf(client.appendToStream(stream, numbered(0, 1)))).toBeInstanceOf(UnavailableError);
    await client.appendToStream(stream, numbered(0, 1));
    harness.server.refuseNextCalls(1);
    expect(await failureOf(collect(client.readStream(stream)))).toBeInstanceOf(UnavailableError);
    expect(numbersOf(await collect(client.readStream(stream)))).toEqual([0]);
  });

  it('ends a live subscription with UnavailableError when connections drop', async () => {
    const stream = uniqueStream();
    const subscription = client.subscribeToStream(stream);
    const recording = record(subscription);
    await recording.until((items) => items.includes('caught-up'));
    harness.server.dropConnections();
    expect(await recording.failure()).toBeInstanceOf(UnavailableError);
    await client.appendToStream(stream, numbered(0, 1));
    expect(numbersOf(await collect(client.readStream(stream)))).toEqual([0]);
  });

  it('fails a call in progress when connections drop during its delay', async () => {
    harness.server.setDelay(60_000);
    const attempt = failureOf(client.appendToStream(uniqueStream(), numbered(0, 1)));
    await harness.server.whenCalls((calls) => calls.writes === 2);
    harness.server.dropConnections();
    expect(await attempt).toBeInstanceOf(UnavailableError);
    expect(harness.server.events().filter((event) => !event.streamName.startsWith('$'))).toHaveLength(1);
  });

  it('delays calls without changing their outcome', async () => {
    const stream = uniqueStream();
    harness.server.setDelay(20);
    const results = await Promise.all([client.appendToStream(stream, numbered(0, 1)), client.appendToStream(stream, numbered(1, 1))]);
    harness.server.setDelay(0);
    expect(results.map((result) => result.success)).toEqual([true, true]);
    expect(numbersOf(await collect(client.readStream(stream))).sort()).toEqual([0, 1]);
  });

  it('keeps its data across a restart on the same port, and the same client reconnects', async () => {
    const stream = uniqueStream();
    await client.appendToStream(stream, numbered(0, 2));
    const port = harness.server.port;
    await harness.server.restart();
    expect(harness.server.port).toBe(port);
    const afterRestart = await retryUnavailable(() => collect(client.readStream(stream)));
    expect(numbersOf(afterRestart)).toEqual([0, 1]);
    await client.appendToStream(stream, numbered(2, 1), { expectedRevision: 1n });
    expect(numbersOf(await collect(client.readStream(stream)))).toEqual([0, 1, 2]);
  });

  it('counts calls by kind, so a read-only caller can be shown to have written nothing', async () => {
    const stream = uniqueStream();
    await client.appendToStream(stream, numbered(0, 1));
    harness.server.resetCalls();
    await collect(client.readStream(stream));
    await collect(client.readAll({ maxCount: 5 }));
    await client.getStreamMetadata(stream);
    expect(harness.server.calls()).toMatchObject({ read: 3, writes: 0, append: 0, batchAppend: 0, delete: 0, tombstone: 0 });
    await client.deleteStream(stream);
    expect(harness.server.calls()).toMatchObject({ delete: 1, writes: 1 });
  });
});

describe('waiting for calls', () => {
  let harness: Harness;
  let client: EventStoreDBClient;

  beforeEach(async () => {
    harness = await openHarness();
    client = harness.client();
    await client.appendToStream(uniqueStream('warm-up'), numbered(0, 1));
  });
  afterEach(async () => {
    harness.server.resume();
    await harness.close();
  });

  it('resolves at once when the counts already satisfy the condition, and as the call that makes them arrives otherwise', async () => {
    expect(await harness.server.whenCalls((calls) => calls.writes >= 1)).toBe(true);
    const stream = uniqueStream();
    const reads = harness.server.calls().read;
    const seen: number[] = [];
    const waiting = harness.server.whenCalls((calls) => calls.read > reads).then((met) => {
      seen.push(harness.server.calls().read);
      return met;
    });
    await client.appendToStream(stream, numbered(0, 1));
    expect(seen).toEqual([]);
    await collect(client.readStream(stream));
    expect(await waiting).toBe(true);
    expect(seen).toEqual([reads + 1]);
  });

  it('with pause, holds the call that meets the condition and every later one, and lets the earlier ones through', async () => {
    const stream = uniqueStream();
    const writes = harness.server.calls().writes;
    const held = harness.server.whenCalls((calls) => calls.writes > writes + 1, { pause: true });
    await client.appendToStream(stream, numbered(0, 1));
    const second = client.appendToStream(stream, numbered(1, 1), { expectedRevision: 0n });
    expect(await held).toBe(true);
    const reads = harness.server.calls().read;
    const read = collect(client.readStream(stream));
    await harness.server.whenCalls((calls) => calls.read > reads);
    const settled: string[] = [];
    void second.then(() => settled.push('append'));
    void read.then(() => settled.push('read'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toEqual([]);
    expect(harness.server.events().filter((event) => event.streamName === stream)).toHaveLength(1);
    harness.server.resume();
    expect(await second).toMatchObject({ success: true });
    expect(numbersOf(await read)).toEqual([0, 1]);
  });

  it('resolves false when its signal aborts first, and no longer pauses the server', async () => {
    const giveUp = new AbortController();
    const waiting = harness.server.whenCalls((calls) => calls.writes > 100, { pause: true, signal: giveUp.signal });
    giveUp.abort();
    expect(await waiting).toBe(false);
    const aborted = new AbortController();
    aborted.abort();
    expect(await harness.server.whenCalls(() => true, { signal: aborted.signal })).toBe(false);
    const stream = uniqueStream();
    for (let index = 0; index < 3; index++) await client.appendToStream(stream, numbered(index, 1));
    expect(numbersOf(await collect(client.readStream(stream)))).toEqual([0, 1, 2]);
  });
});

describe('a refused features request', () => {
  it('fails the first append of a new client with the raw gRPC status 14, not UnavailableError', async () => {
    const harness = await openHarness();
    try {
      const client = harness.client();
      harness.server.refuseNextCalls(1);
      const failure = await failureOf(client.appendToStream(uniqueStream(), numbered(0, 1)));
      expect(failure).not.toBeInstanceOf(UnavailableError);
      expect(failure).toMatchObject({ code: 14 });
      expect(harness.server.calls()).toMatchObject({ serverFeatures: 1, writes: 0 });
      await expect(client.appendToStream(uniqueStream(), numbered(0, 1))).resolves.toMatchObject({ success: true });
    } finally {
      await harness.close();
    }
  });
});

/** The first call after a restart may meet the old, closed connection: the client then reconnects. */
const retryUnavailable = async <T>(attempt: () => Promise<T>): Promise<T> => {
  try {
    return await attempt();
  } catch (error) {
    if (!(error instanceof UnavailableError)) throw error;
    return attempt();
  }
};
