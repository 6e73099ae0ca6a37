import type { AppendResult, EventStore, ExpectedRevision, NewEvent, StoreError } from '@borough-command/domain/eventsourcing';
import type * as E from 'fp-ts/lib/Either.js';
import { commandEvents, conformanceRegistry, type ConformanceEvent } from './conformance-events.js';
import { freshCommandId, freshTestPrefix } from './stream-names.js';
import type { EventStoreSubject } from './subject.js';

/** What one conformance test works with: its store and names no other test uses. */
export interface ConformanceContext {
  readonly store: EventStore<ConformanceEvent>;
  /** The prefix of every stream of this test; filters on it see this test's events only. */
  readonly prefix: string;
  /** A stream of this test: the test prefix followed by `name`. */
  readonly stream: (name: string) => string;
  /** The events of a fresh command: a new command id, event ids derived from it. */
  readonly command: (events: readonly ConformanceEvent[]) => readonly NewEvent<ConformanceEvent>[];
  /** Appends the events of a fresh command; the raw result, for the caller to check. */
  readonly append: (
    stream: string,
    events: readonly ConformanceEvent[],
    expected: ExpectedRevision,
  ) => Promise<E.Either<StoreError, AppendResult>>;
  /** How long to wait for a subscription message. */
  readonly timeoutMs: number;
}

const DEFAULT_TIMEOUT_MS = 5_000;

/** Opens a store through the subject, runs `body` with a fresh context, and always releases the store. */
export const withStore = async (subject: EventStoreSubject, body: (context: ConformanceContext) => Promise<void>): Promise<void> => {
  const store = await subject.open(conformanceRegistry);
  const prefix = freshTestPrefix();
  const command = (events: readonly ConformanceEvent[]): readonly NewEvent<ConformanceEvent>[] =>
    commandEvents(freshCommandId('command'), events);
  const context: ConformanceContext = {
    store,
    prefix,
    stream: (name) => `${prefix}${name}`,
    command,
    append: (stream, events, expected) => store.appendToStream(stream, command(events), expected)(),
    timeoutMs: subject.subscriptionTimeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  let bodyError: { readonly error: unknown } | undefined;
  try {
    await body(context);
  } catch (error) {
    bodyError = { error };
  }
  try {
    await (subject.close === undefined ? store.close() : subject.close(store));
  } catch (error) {
    // A failure of the test itself says more than a failure to release its store.
    if (bodyError === undefined) throw error;
  }
  if (bodyError !== undefined) throw bodyError.error;
};
