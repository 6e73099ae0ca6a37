import * as E from 'fp-ts/lib/Either.js';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
} from '@borough-command/domain/eventsourcing';
import type { ConformanceEvent } from './conformance-events.js';
import { ensure, mustSucceed, violation } from './expectations.js';
import { show, showStoreError } from './show.js';

type Store = EventStore<ConformanceEvent>;
type Recorded = RecordedEvent<ConformanceEvent>;

/** Appends and returns the result; a violation of `guarantee` when the store refuses. */
export const appendOk = async (
  store: Store,
  stream: string,
  events: readonly NewEvent<ConformanceEvent>[],
  expected: ExpectedRevision,
  guarantee: string,
): Promise<AppendResult> => mustSucceed(await store.appendToStream(stream, events, expected)(), guarantee);

/** Reads a stream and returns its events; a violation of `guarantee` when the read fails. */
export const readStreamOk = async (store: Store, stream: string, options: ReadStreamOptions | undefined, guarantee: string): Promise<readonly Recorded[]> =>
  mustSucceed(await store.readStream(stream, options)(), guarantee);

/** Reads the global log and returns its pages; a violation of `guarantee` when a page is a `Left`. */
export const readAllPages = async (store: Store, options: ReadAllOptions, guarantee: string): Promise<readonly (readonly Recorded[])[]> => {
  const pages: (readonly Recorded[])[] = [];
  for await (const page of store.readAll(options)) {
    if (E.isLeft(page)) throw violation(guarantee, `readAll(${show(options)}) yielded ${showStoreError(page.left)}`);
    pages.push(page.right);
  }
  return pages;
};

/** Reads the global log whole; a violation of `guarantee` when a page is a `Left`. */
export const readAllOk = async (store: Store, options: ReadAllOptions, guarantee: string): Promise<readonly Recorded[]> =>
  (await readAllPages(store, options, guarantee)).flat();

/** The event ids of recorded events, in order. */
export const idsOf = (events: readonly { readonly metadata: { readonly eventId: string } }[]): readonly string[] =>
  events.map((e) => e.metadata.eventId);

/** Checks that positions strictly increase along a sequence of events. */
export const ensureStrictlyIncreasingPositions = (events: readonly Recorded[], guarantee: string): void => {
  for (let i = 1; i < events.length; i++) {
    const before = events[i - 1] as Recorded;
    const after = events[i] as Recorded;
    ensure(
      after.position > before.position,
      guarantee,
      () =>
        `position ${String(after.position)} of ${after.stream}@${String(after.revision)} does not follow position ${String(before.position)} of ${before.stream}@${String(before.revision)}`,
    );
  }
};
