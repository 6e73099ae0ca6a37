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
    await waitFor(() => harness.server.calls().writes === 2);
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

/** Polls `condition` on the event loop (no wall-clock bound; the test timeout is the bound). */
const waitFor = async (condition: () => boolean): Promise<void> => {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
};

/** The first call after a restart may meet the old, closed connection: the client then reconnects. */
const retryUnavailable = async <T>(attempt: () => Promise<T>): Promise<T> => {
  try {
    return await attempt();
  } catch (error) {
    if (!(error instanceof UnavailableError)) throw error;
    return attempt();
  }
};
