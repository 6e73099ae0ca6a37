import { NO_STREAM, StreamDeletedError, StreamNotFoundError, WrongExpectedVersionError, type EventStoreDBClient } from '@eventstore/db-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETED_STREAM_REVISION } from '@borough-command/eventstoredb/testing';
import { collect, numbered, numbersOf, openHarness, record, uniqueStream, type Harness } from './harness.js';

const failureOf = (attempt: Promise<unknown>): Promise<unknown> => attempt.then(() => 'no failure', (error: unknown) => error);

describe.each([{ batchAppend: true }, { batchAppend: false }])('delete, tombstone and metadata (batchAppend: $batchAppend)', ({ batchAppend }) => {
  let harness: Harness;
  let client: EventStoreDBClient;

  beforeAll(async () => {
    harness = await openHarness({ batchAppend });
    client = harness.client();
  });
  afterAll(async () => {
    await harness.close();
  });

  it('round-trips stream metadata through $$<stream>, which $all shows as a system event', async () => {
    const stream = uniqueStream();
    await client.setStreamMetadata(stream, { maxCount: 10, custom: 'value' });
    const { metadata } = await client.getStreamMetadata(stream);
    expect(metadata).toEqual({ maxCount: 10, custom: 'value' });
    const inAll = harness.server.events().filter((event) => event.streamName === `$$${stream}`);
    expect(inAll.map((event) => event.type)).toEqual(['$metadata']);
  });

  it('answers no metadata for a stream that has none', async () => {
    const stream = uniqueStream();
    expect(await client.getStreamMetadata(stream)).toEqual({ streamName: stream });
  });

  it('hides events past $maxCount and before $tb from stream reads', async () => {
    const stream = uniqueStream();
    await client.appendToStream(stream, numbered(0, 5));
    await client.setStreamMetadata(stream, { maxCount: 3 });
    expect(numbersOf(await collect(client.readStream(stream)))).toEqual([2, 3, 4]);
    await client.setStreamMetadata(stream, { truncateBefore: 4 });
    expect(numbersOf(await collect(client.readStream(stream)))).toEqual([4]);
  });

  it('soft-deletes: reads find no stream, and the next append recreates it with revisions going on', async () => {
    const stream = uniqueStream();
    await client.appendToStream(stream, numbered(0, 2));
    await client.deleteStream(stream, { expectedRevision: 1n });
    expect(await failureOf(collect(client.readStream(stream)))).toBeInstanceOf(StreamNotFoundError);
    const recreated = await client.appendToStream(stream, numbered(2, 2), { expectedRevision: NO_STREAM });
    expect(recreated.nextExpectedRevision).toBe(3n);
    const events = await collect(client.readStream(stream));
    expect(events.map((resolved) => resolved.event?.revision)).toEqual([2n, 3n]);
    expect((await client.getStreamMetadata(stream)).metadata).toEqual({ truncateBefore: 2 });
    expect(await failureOf(client.appendToStream(stream, numbered(9, 1), { expectedRevision: NO_STREAM }))).toBeInstanceOf(
      WrongExpectedVersionError,
    );
  });

  it('recreates a soft-deleted stream when the append expects its old last revision', async () => {
    const stream = uniqueStream();
    await client.appendToStream(stream, numbered(0, 2));
    await client.deleteStream(stream);
    await client.appendToStream(stream, numbered(2, 1), { expectedRevision: 1n });
    expect(numbersOf(await collect(client.readStream(stream)))).toEqual([2]);
  });

  it('refuses a delete at the wrong expected revision with WrongExpectedVersionError', async () => {
    const stream = uniqueStream();
    await client.appendToStream(stream, numbered(0, 2));
    const failure = await failureOf(client.deleteStream(stream, { expectedRevision: 0n }));
    expect(failure).toBeInstanceOf(WrongExpectedVersionError);
    expect(failure).toMatchObject({ streamName: stream, expectedVersion: 0n, actualVersion: 1n });
    expect(numbersOf(await collect(client.readStream(stream)))).toEqual([0, 1]);
  });

  it('tombstones: reads, appends, metadata and deletes fail with StreamDeletedError', async () => {
    const stream = uniqueStream();
    await client.appendToStream(stream, numbered(0, 1));
    const result = await client.tombstoneStream(stream);
    const read = await failureOf(collect(client.readStream(stream)));
    expect(read).toBeInstanceOf(StreamDeletedError);
    expect((read as StreamDeletedError).streamName).toBe(stream);
    expect(await failureOf(client.appendToStream(stream, numbered(1, 1)))).toBeInstanceOf(StreamDeletedError);
    expect(await failureOf(client.getStreamMetadata(stream))).toBeInstanceOf(StreamDeletedError);
    expect(await failureOf(client.tombstoneStream(stream))).toBeInstanceOf(StreamDeletedError);
    const tombstone = harness.server.events().find((event) => event.streamName === stream && event.type === '$streamDeleted');
    expect(tombstone).toMatchObject({ revision: DELETED_STREAM_REVISION, position: result.position!.commit });
  });

  it('ends a subscription to a stream that gets tombstoned with StreamDeletedError', async () => {
    const stream = uniqueStream();
    await client.appendToStream(stream, numbered(0, 1));
    const subscription = client.subscribeToStream(stream);
    const recording = record(subscription);
    await recording.until((items) => items.includes('caught-up'));
    await client.tombstoneStream(stream);
    expect(await recording.failure()).toBeInstanceOf(StreamDeletedError);
    await subscription.unsubscribe();
  });

  it('deletes and tombstones a stream that never existed when expecting any or no_stream', async () => {
    await expect(client.deleteStream(uniqueStream(), { expectedRevision: NO_STREAM })).resolves.toBeDefined();
    await expect(client.tombstoneStream(uniqueStream())).resolves.toBeDefined();
  });
});

describe('the server clock', () => {
  let harness: Harness;
  let now = new Date('2024-04-01T09:00:00.000Z');

  beforeAll(async () => {
    harness = await openHarness({ clock: () => now });
  });
  afterAll(async () => {
    await harness.close();
  });

  it('stamps created with the clock and hides events older than $maxAge from stream reads', async () => {
    const client = harness.client();
    const stream = uniqueStream();
    await client.appendToStream(stream, numbered(0, 1));
    now = new Date('2024-04-01T09:00:10.000Z');
    await client.appendToStream(stream, numbered(1, 1));
    const created = (await collect(client.readStream(stream))).map((resolved) => resolved.event?.created.toISOString());
    expect(created).toEqual(['2024-04-01T09:00:00.000Z', '2024-04-01T09:00:10.000Z']);
    await client.setStreamMetadata(stream, { maxAge: 5 });
    expect(numbersOf(await collect(client.readStream(stream)))).toEqual([1]);
    expect(harness.server.events().filter((event) => event.streamName === stream)).toHaveLength(2);
  });
});
