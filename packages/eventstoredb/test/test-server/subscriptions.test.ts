import { END, START, eventTypeFilter, excludeSystemEvents, streamNameFilter, type EventStoreDBClient, type Position } from '@eventstore/db-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { numbered, openHarness, record, uniqueStream, type Harness } from './harness.js';

describe('catch-up subscriptions', () => {
  let harness: Harness;
  let client: EventStoreDBClient;
  const unsubscribers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    harness = await openHarness();
    client = harness.client();
  });
  afterEach(async () => {
    await Promise.all(unsubscribers.splice(0).map((unsubscribe) => unsubscribe()));
  });
  afterAll(async () => {
    await harness.close();
  });

  const subscribeToStream = (...args: Parameters<EventStoreDBClient['subscribeToStream']>) => {
    const subscription = client.subscribeToStream(...args);
    unsubscribers.push(() => subscription.unsubscribe());
    return record(subscription);
  };
  const subscribeToAll = (...args: Parameters<EventStoreDBClient['subscribeToAll']>) => {
    const subscription = client.subscribeToAll(...args);
    unsubscribers.push(() => subscription.unsubscribe());
    return record(subscription);
  };

  it('sends a stream history, then caught-up, then live events, with no gap and no duplicate', async () => {
    const stream = uniqueStream();
    await client.appendToStream(stream, numbered(0, 3));
    const recording = subscribeToStream(stream, { fromRevision: START });
    await recording.until((items) => items.includes('caught-up'));
    await client.appendToStream(stream, numbered(3, 2));
    await recording.until((items) => items.length === 6);
    expect(recording.items).toEqual([`${stream}@0`, `${stream}@1`, `${stream}@2`, 'caught-up', `${stream}@3`, `${stream}@4`]);
  });

  it('keeps order when appends race the subscription start', async () => {
    const stream = uniqueStream();
    await client.appendToStream(stream, numbered(0, 1));
    const recording = subscribeToStream(stream);
    const appends = [client.appendToStream(stream, numbered(1, 1)), client.appendToStream(stream, numbered(2, 1))];
    await Promise.all(appends);
    await recording.until((items) => items.filter((item) => item !== 'caught-up').length === 3);
    expect(recording.items.filter((item) => item !== 'caught-up')).toEqual([`${stream}@0`, `${stream}@1`, `${stream}@2`]);
  });

  it('starts after the revision given, and from the end with live events only', async () => {
    const stream = uniqueStream();
    await client.appendToStream(stream, numbered(0, 3));
    const afterOne = subscribeToStream(stream, { fromRevision: 1n });
    const fromEnd = subscribeToStream(stream, { fromRevision: END });
    await afterOne.until((items) => items.includes('caught-up'));
    await fromEnd.until((items) => items.includes('caught-up'));
    await client.appendToStream(stream, numbered(3, 1));
    await afterOne.until((items) => items.includes(`${stream}@3`));
    await fromEnd.until((items) => items.includes(`${stream}@3`));
    expect(afterOne.items).toEqual([`${stream}@2`, 'caught-up', `${stream}@3`]);
    expect(fromEnd.items).toEqual(['caught-up', `${stream}@3`]);
  });

  it('waits on a stream that does not exist yet', async () => {
    const stream = uniqueStream();
    const recording = subscribeToStream(stream);
    await recording.until((items) => items.includes('caught-up'));
    await client.appendToStream(stream, numbered(0, 1));
    await recording.until((items) => items.length === 2);
    expect(recording.items).toEqual(['caught-up', `${stream}@0`]);
  });

  it('subscribes to $all after a position, exclusive, and goes live', async () => {
    const stream = uniqueStream('all');
    const first = await client.appendToStream(stream, numbered(0, 2));
    await client.appendToStream(stream, numbered(2, 1));
    const recording = subscribeToAll({ fromPosition: first.position!, filter: streamNameFilter({ prefixes: [stream] }) });
    await recording.until((items) => items.includes('caught-up'));
    await client.appendToStream(stream, numbered(3, 1));
    await recording.until((items) => items.includes(`${stream}@3`));
    expect(recording.items).toEqual([`${stream}@2`, 'caught-up', `${stream}@3`]);
  });

  it('delivers system events in $all unless a filter excludes them', async () => {
    const everything = subscribeToAll({ fromPosition: START });
    const userOnly = subscribeToAll({ fromPosition: START, filter: excludeSystemEvents() });
    await everything.until((items) => items.includes('caught-up'));
    await userOnly.until((items) => items.includes('caught-up'));
    expect(everything.items.some((item) => item.startsWith('$'))).toBe(true);
    expect(userOnly.items.some((item) => item.startsWith('$'))).toBe(false);
  });

  it('filters $all by stream-name prefix or regex and by event-type prefix or regex', async () => {
    const tag = uniqueStream('tag').replaceAll('-', '');
    await client.appendToStream(`${tag}a-1`, numbered(0, 1, `${tag}Opened`));
    await client.appendToStream(`${tag}b-1`, numbered(0, 1, `${tag}Closed`));
    await client.appendToStream(`${tag}a-2`, numbered(0, 1, `${tag}Closed`));
    const byStreamPrefix = subscribeToAll({ filter: streamNameFilter({ prefixes: [`${tag}a-`] }) });
    const byStreamRegex = subscribeToAll({ filter: streamNameFilter({ regex: `^${tag}b-` }) });
    const byTypePrefix = subscribeToAll({ filter: eventTypeFilter({ prefixes: [`${tag}Closed`] }) });
    const byTypeRegex = subscribeToAll({ filter: eventTypeFilter({ regex: `^${tag}Op` }) });
    for (const recording of [byStreamPrefix, byStreamRegex, byTypePrefix, byTypeRegex]) {
      await recording.until((items) => items.includes('caught-up'));
    }
    expect(byStreamPrefix.items).toEqual([`${tag}a-1@0`, `${tag}a-2@0`, 'caught-up']);
    expect(byStreamRegex.items).toEqual([`${tag}b-1@0`, 'caught-up']);
    expect(byTypePrefix.items).toEqual([`${tag}b-1@0`, `${tag}a-2@0`, 'caught-up']);
    expect(byTypeRegex.items).toEqual([`${tag}a-1@0`, 'caught-up']);
  });

  it('sends a checkpoint every checkpointInterval × maxSearchWindow events looked at, matching or not', async () => {
    const stream = uniqueStream('checkpointed');
    const before = harness.server.events().at(-1)!.position;
    await client.appendToStream(uniqueStream('other'), numbered(0, 3));
    await client.appendToStream(stream, numbered(0, 1));
    const checkpoints: Position[] = [];
    const recording = subscribeToAll({
      fromPosition: { commit: before, prepare: before },
      filter: streamNameFilter({
        prefixes: [stream],
        maxSearchWindow: 2,
        checkpointInterval: 1,
        checkpointReached: (_subscription, position) => {
          checkpoints.push(position);
          return Promise.resolve();
        },
      }),
    });
    await recording.until((items) => items.includes('caught-up'));
    const scanned = harness.server.events().filter((event) => event.position > before);
    expect(scanned).toHaveLength(4);
    expect(checkpoints).toEqual([scanned[1], scanned[3]].map((event) => ({ commit: event!.position, prepare: event!.position })));
    expect(recording.items).toEqual([`${stream}@0`, 'caught-up']);
  });
});
