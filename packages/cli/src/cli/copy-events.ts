import * as E from 'fp-ts/lib/Either.js';
import { describeStoreError, type DomainEvent, type EventStore, type NewEvent, type RecordedEvent } from '@borough-command/domain';
import { findingFailure, inputError, type CliFailure } from './failure.js';
import type { EventSource } from './event-source.js';

/** What copying events did. */
export interface CopyTally {
  /** Events read from the source. */
  read: number;
  /** Events the target did not hold and now does. */
  written: number;
  /** Events the target already held, by id at the same place: nothing written for them. */
  alreadyThere: number;
}

/** Most events copied in one append: the events of one stream that follow each other in the source. */
const MAX_BATCH = 500;

const asNewEvent = (recorded: RecordedEvent<DomainEvent>): NewEvent<DomainEvent> => {
  const { schemaVersion: _schemaVersion, ...metadata } = recorded.metadata;
  return { event: recorded.event, metadata };
};

/** Appends one run of a stream's events at the revisions they had in the source. */
const appendRun = async (target: EventStore<DomainEvent>, run: readonly RecordedEvent<DomainEvent>[], tally: CopyTally): Promise<E.Either<CliFailure, void>> => {
  const first = run[0];
  if (first === undefined) return E.right(undefined);
  const expected = first.revision === 0n ? 'no_stream' : first.revision - 1n;
  const appended = await target.appendToStream(first.stream, run.map(asNewEvent), expected)();
  if (E.isLeft(appended)) {
    if (appended.left._tag === 'WrongExpectedRevision') {
      return E.left(
        findingFailure(
          `stream '${first.stream}' in the target does not hold the source's events before revision ${first.revision.toString()}: ` +
            `${describeStoreError(appended.left)}. The two stores hold different histories; nothing after this was copied.`,
        ),
      );
    }
    return E.left(inputError(describeStoreError(appended.left)));
  }
  tally.written += appended.right.written;
  tally.alreadyThere += run.length - appended.right.written;
  return E.right(undefined);
};

/**
 * Copies every event of a source into a target, in the source's order, each stream's events at
 * the same revisions and with the same event ids and metadata. Consecutive events of one stream
 * go in one append. Idempotent by event id: events the target already holds at their place are
 * not written again, so copying twice writes nothing the second time. A target stream holding
 * other events at those revisions is a finding: the histories differ.
 */
export const copyEvents = async (
  source: EventSource,
  target: EventStore<DomainEvent>,
  onPage: (events: number) => void,
): Promise<{ readonly tally: CopyTally; readonly failure: CliFailure | undefined }> => {
  const tally: CopyTally = { read: 0, written: 0, alreadyThere: 0 };
  let run: RecordedEvent<DomainEvent>[] = [];
  const flush = async (): Promise<E.Either<CliFailure, void>> => {
    const appended = await appendRun(target, run, tally);
    run = [];
    return appended;
  };
  for await (const page of source.pages) {
    if (E.isLeft(page)) return { tally, failure: page.left };
    for (const recorded of page.right) {
      tally.read += 1;
      const last = run[run.length - 1];
      if (last !== undefined && (last.stream !== recorded.stream || last.revision + 1n !== recorded.revision || run.length >= MAX_BATCH)) {
        const flushed = await flush();
        if (E.isLeft(flushed)) return { tally, failure: flushed.left };
      }
      run.push(recorded);
    }
    onPage(page.right.length);
  }
  const flushed = await flush();
  return { tally, failure: E.isLeft(flushed) ? flushed.left : undefined };
};
