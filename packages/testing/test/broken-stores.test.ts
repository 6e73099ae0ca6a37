import { createInMemoryStore, type EventStore } from '@borough-command/domain/eventsourcing';
import { describe, expect, it } from 'vitest';
import { conformanceCaseTitled, eventStoreConformanceCases, type ConformanceEvent, type EventStoreSubject } from '../src/index.js';
import { duplicatingOnRetry } from './broken-stores/duplicates-on-retry.js';
import { flakySubscriptions } from './broken-stores/flaky-subscription.js';
import { ignoringExpectedRevision } from './broken-stores/ignores-expected-revision.js';
import { appendingNonAtomically, hidingMissingStreams, returningRawJson } from './broken-stores/other-faults.js';
import { reversingReadAllPages, reversingStreamReads } from './broken-stores/reorders-events.js';

const healthy: EventStoreSubject = { name: 'in-memory', open: (registry) => Promise.resolve(createInMemoryStore(registry)) };

/** A subject whose stores are in-memory stores broken by `breakIt`; short timeouts, as a broken subscription may never deliver. */
const broken = (name: string, breakIt: (store: EventStore<ConformanceEvent>) => EventStore<ConformanceEvent>): EventStoreSubject => ({
  name,
  open: (registry) => Promise.resolve(breakIt(createInMemoryStore(registry))),
  subscriptionTimeoutMs: 250,
});

/**
 * Runs the named cases against a broken subject and checks that each one rejects with a
 * conformance violation, after passing against the healthy in-memory store.
 */
const expectCaught = async (subject: EventStoreSubject, titles: readonly string[]): Promise<void> => {
  const outcomes: string[] = [];
  for (const title of titles) {
    const check = conformanceCaseTitled(title);
    await check.run(healthy);
    const failure = await check.run(subject).then(
      () => undefined,
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    outcomes.push(failure === undefined ? `NOT CAUGHT: ${title}` : failure.includes('conformance violated') ? `caught: ${title}` : `crashed: ${title}: ${failure}`);
  }
  expect(outcomes).toEqual(titles.map((title) => `caught: ${title}`));
};

describe('the conformance suite has teeth', () => {
  it('has a unique title for every case', () => {
    const titles = eventStoreConformanceCases.map((c) => c.title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('conformance catches a store that ignores the expected revision', async () => {
    await expectCaught(broken('ignores-revision', ignoringExpectedRevision), [
      'no_stream: refuses an existing stream with WrongExpectedRevision',
      'stream_exists: refuses a missing stream with WrongExpectedRevision',
      'exact revision: refuses a stale revision with WrongExpectedRevision',
      'exact revision: refuses a revision beyond the stream with WrongExpectedRevision',
      'exact revision: refuses a missing stream with WrongExpectedRevision',
      'two writers racing at the same exact revision: one wins, the other gets WrongExpectedRevision',
      'two writers racing to create a stream with no_stream: one wins, the other gets WrongExpectedRevision',
    ]);
  });

  it('conformance catches a store whose stream reads come back reversed', async () => {
    await expectCaught(broken('reverses-streams', reversingStreamReads), [
      'reads a stream back in append order, revisions 0, 1, 2, ...',
      'reads forwards from a revision with maxCount',
      'a 10,000-event stream written in several appends reads back whole, page by page',
      'read events are decoded, deep-equal what was written, and carry full metadata incl. schemaVersion',
    ]);
  });

  it('conformance catches a store whose global log reads come back out of order', async () => {
    await expectCaught(broken('reverses-read-all', reversingReadAllPages), [
      'keeps the global log in append order across streams',
      'gives every append a strictly greater global position than the one before',
      'readAll keeps only streams starting with the prefix',
      'readAll with several prefixes keeps streams starting with any of them',
      'readAll returns pages of at most pageSize events that join up into the whole log',
      'readAll after a checkpoint starts strictly after it',
    ]);
  });

  it('conformance catches a store that duplicates events on retry (no idempotency)', async () => {
    await expectCaught(broken('duplicates-on-retry', duplicatingOnRetry), [
      'a re-append of the same event ids at the same exact revision returns written 0 and writes nothing',
      'a re-append with no_stream returns written 0 and writes nothing, also after the stream moved on',
      'a re-append with any returns written 0 and writes nothing, also after the stream moved on',
      'a retried command at its old exact revision writes nothing after the stream moved on',
    ]);
  });

  it('conformance catches a subscription that drops a live event', async () => {
    await expectCaught(broken('drops-live-event', (store) => flakySubscriptions(store, 'drop')), [
      'delivers history, then CaughtUp, then live events with no gap and no duplicate',
      'appends racing the catch-up are delivered once each, in log order, with one CaughtUp',
      'subscribes from a checkpoint, exclusive of it',
      'subscribes with one or several stream prefixes, history and live',
    ]);
  });

  it('conformance catches a subscription that duplicates a live event', async () => {
    await expectCaught(broken('duplicates-live-event', (store) => flakySubscriptions(store, 'duplicate')), [
      'delivers history, then CaughtUp, then live events with no gap and no duplicate',
      'appends racing the catch-up are delivered once each, in log order, with one CaughtUp',
      'subscribes with one or several stream prefixes, history and live',
    ]);
  });

  it('conformance catches a store that returns raw JSON instead of decoded events', async () => {
    await expectCaught(broken('raw-json', returningRawJson), [
      'read events are decoded, deep-equal what was written, and carry full metadata incl. schemaVersion',
    ]);
  });

  it('conformance catches a store that reads a missing stream as []', async () => {
    await expectCaught(broken('hides-missing-streams', hidingMissingStreams), [
      'a stream never written is StreamNotFound, a range past its end is []',
      'stream_exists: refuses a missing stream with WrongExpectedRevision',
    ]);
  });

  it('conformance catches a store that writes part of an invalid append', async () => {
    await expectCaught(broken('non-atomic', appendingNonAtomically), [
      'an event id that is not a uuid is InvalidStoreArgument',
      'event data that does not match its codec is EventDecodeFailed naming the path',
      'an unknown event type is UnknownEventType',
    ]);
  });
});
