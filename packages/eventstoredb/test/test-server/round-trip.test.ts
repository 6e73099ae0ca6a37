import { BACKWARDS, END, FORWARDS, START, StreamNotFoundError, jsonEvent, type EventStoreDBClient } from '@eventstore/db-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, numbered, numbersOf, openHarness, uniqueStream, type Harness } from './harness.js';

describe('append and read through the real client', () => {
  let harness: Harness;
  let client: EventStoreDBClient;

  beforeAll(async () => {
    harness = await openHarness();
    client = harness.client();
  });
  afterAll(async () => {
    await harness.close();
  });

  it('reads back JSON data, metadata, type, id, revision and a creation date', async () => {
    const stream = uniqueStream();
    const event = jsonEvent({ type: 'Opened', data: { borough: 'Camden', at: '2024-01-01' }, metadata: { actor: 'ops' } });
    const result = await client.appendToStream(stream, event);
    const [read] = await collect(client.readStream(stream));
    expect(result).toMatchObject({ success: true, nextExpectedRevision: 0n });
    expect(read?.event).toMatchObject({
      streamId: stream,
      id: event.id,
      type: 'Opened',
      revision: 0n,
      isJson: true,
      data: { borough: 'Camden', at: '2024-01-01' },
      metadata: { actor: 'ops' },
    });
    expect(read?.event?.created).toBeInstanceOf(Date);
    expect(read?.event?.position).toEqual(result.position);
  });

  it('gives each append a position that grows with the log, the position of its last event', async () => {
    const stream = uniqueStream();
    const first = await client.appendToStream(stream, numbered(0, 2));
    const second = await client.appendToStream(stream, numbered(2, 1));
    const events = await collect(client.readStream(stream));
    expect(first.position!.commit).toBeGreaterThan(0n);
    expect(second.position!.commit).toBeGreaterThan(first.position!.commit);
    expect(events[1]?.event?.position).toEqual(first.position);
    expect(events[1]?.commitPosition).toBe(first.position!.commit);
  });

  it('reads forwards and backwards, from a revision or an end, at most maxCount', async () => {
    const stream = uniqueStream();
    await client.appendToStream(stream, numbered(0, 5));
    expect(numbersOf(await collect(client.readStream(stream)))).toEqual([0, 1, 2, 3, 4]);
    expect(numbersOf(await collect(client.readStream(stream, { fromRevision: 2n, maxCount: 2 })))).toEqual([2, 3]);
    expect(numbersOf(await collect(client.readStream(stream, { direction: BACKWARDS, fromRevision: END })))).toEqual([4, 3, 2, 1, 0]);
    expect(numbersOf(await collect(client.readStream(stream, { direction: BACKWARDS, fromRevision: 3n, maxCount: 2 })))).toEqual([3, 2]);
    expect(numbersOf(await collect(client.readStream(stream, { direction: FORWARDS, fromRevision: END })))).toEqual([]);
    expect(numbersOf(await collect(client.readStream(stream, { direction: BACKWARDS, fromRevision: START })))).toEqual([0]);
    expect(numbersOf(await collect(client.readStream(stream, { fromRevision: 9n })))).toEqual([]);
  });

  it('fails a read of a stream that does not exist with StreamNotFoundError naming it', async () => {
    const stream = uniqueStream('missing');
    const failure = await collect(client.readStream(stream)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StreamNotFoundError);
    expect((failure as StreamNotFoundError).streamName).toBe(stream);
  });

  it('reads $all in position order both ways, system events included, the backward start exclusive', async () => {
    const stream = uniqueStream();
    const appended = await client.appendToStream(stream, numbered(0, 3));
    const all = await collect(client.readAll());
    const positions = all.map((resolved) => resolved.event!.position.commit);
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : 1)));
    expect(all.some((resolved) => resolved.event!.streamId.startsWith('$'))).toBe(true);
    expect(numbersOf(all.filter((resolved) => resolved.event?.streamId === stream))).toEqual([0, 1, 2]);

    const backwards = await collect(client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 3 }));
    expect(numbersOf(backwards)).toEqual([2, 1, 0]);
    const beforeLast = await collect(client.readAll({ direction: BACKWARDS, fromPosition: appended.position!, maxCount: 1 }));
    expect(numbersOf(beforeLast)).toEqual([1]);
    const fromLast = await collect(client.readAll({ fromPosition: appended.position! }));
    expect(numbersOf(fromLast)).toEqual([2]);
  });
});
