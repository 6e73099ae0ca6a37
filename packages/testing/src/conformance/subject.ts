import type { CodecRegistry, EventStore } from '@borough-command/domain/eventsourcing';
import type { ConformanceEvent } from './conformance-events.js';

/**
 * A store implementation put to the conformance suite. `open` is called once per test and may
 * return a fresh store or a client of a shared server; the closing tests call `store.close()` on
 * what `open` returned, so it must be a store that test may close. `close` releases what `open`
 * took (temp files, clients); when absent the suite calls `store.close()`.
 */
export interface EventStoreSubject {
  /** Shown in test titles: `conformance: <name>`. */
  readonly name: string;
  /** Opens a store over the conformance registry. */
  readonly open: (registry: CodecRegistry<ConformanceEvent>) => Promise<EventStore<ConformanceEvent>>;
  /** Releases a store after its test, whether the test passed or not. */
  readonly close?: (store: EventStore<ConformanceEvent>) => Promise<void>;
  /** How long a subscription may take to deliver an expected message; 5,000 ms when absent. */
  readonly subscriptionTimeoutMs?: number;
}

/** One conformance check: a title saying the guarantee, and a run that rejects when the subject breaks it. */
export interface ConformanceCase {
  /** The group the check belongs to, e.g. `optimistic concurrency`. */
  readonly group: string;
  /** The guarantee, phrased as a test title. */
  readonly title: string;
  /** Opens a store through the subject, checks the guarantee, releases the store; rejects on a violation. */
  readonly run: (subject: EventStoreSubject) => Promise<void>;
}
