import * as E from 'fp-ts/lib/Either.js';
import {
  type DomainEvent,
} from '@borough-command/domain';
import {
  describeStoreError,
  settleAppendByEventIds,
  type EventStore,
  type AppendSettlement,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
} from '@borough-command/domain/eventsourcing';
import { findingFailure, inputError, type CliFailure } from './failure.js';
import type { EventSource } from './event-source.js';
import { storeFailure } from './store-errors.js';

/** What copying events did: what the target acknowledged or was found to hold, settled by event id. */
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

const differentHistories = (stream: string, revision: bigint, detail: string): CliFailure =>
  findingFailure(
    `stream '${stream}' in the target does not hold the source's events before revision ${revision.toString()}: ` +
      `${detail}. The two stores hold different histories; nothing after this was copied.`,
  );

const unknownOutcome = (stream: string, revision: bigint, detail: string): CliFailure =>
  inputError(
    `the copy of stream '${stream}' from revision ${revision.toString()} has an unknown outcome: ${detail}; ` +
      'the target may hold those events or not. Run the same command again: it settles them by event id and writes each at most once.',
  );

/** What the target holds of a run, read at the revision the run starts at and compared by event id. */
const settleRun = (target: EventStore<DomainEvent>, run: readonly RecordedEvent<DomainEvent>[], expected: ExpectedRevision): Promise<AppendSettlement> =>
  settleAppendByEventIds(target, run[0]?.stream ?? '', expected, run.map((recorded) => recorded.metadata.eventId));

/**
 * Copies one run of a stream's events at the revisions they had in the source, once, on any
 * target (no server's de-duplication relied on): the run is appended at the revision before its
 * first event, which cannot write it twice. An append refused because the stream is elsewhere, or
 * of unknown outcome, is settled by event id: all there, nothing more is written (already there,
 * or written by the append of unknown outcome); some there, or others, the histories differ; none
 * there after an unknown outcome, it is appended once more at the same revision.
 */
const appendRun = async (target: EventStore<DomainEvent>, run: readonly RecordedEvent<DomainEvent>[], tally: CopyTally): Promise<E.Either<CliFailure, void>> => {
  const first = run[0];
  if (first === undefined) return E.right(undefined);
  const expected: ExpectedRevision = first.revision === 0n ? 'no_stream' : first.revision - 1n;
  const partial = (found: number): CliFailure =>
    differentHistories(first.stream, first.revision, `it holds ${String(found)} of the ${String(run.length)} events from there`);
  let unknown = '';
  // Whether an append of this copy may have written the run: then the run found there is counted as written.
  let mayHaveWritten = false;
  for (let attempt = 0; attempt < 2; attempt++) {
    const appended = await target.appendToStream(first.stream, run.map(asNewEvent), expected)();
    if (E.isRight(appended)) {
      tally.written += appended.right.written;
      tally.alreadyThere += run.length - appended.right.written;
      return E.right(undefined);
    }
    const error = appended.left;
    if (error._tag !== 'AppendOutcomeUnknown' && error._tag !== 'WrongExpectedRevision') return E.left(storeFailure(error));
    if (error._tag === 'AppendOutcomeUnknown') mayHaveWritten = true;
    const after = await settleRun(target, run, expected);
    if (after._tag === 'Written') {
      if (mayHaveWritten) tally.written += run.length;
      else tally.alreadyThere += run.length;
      return E.right(undefined);
    }
    if (after._tag === 'Unreadable') {
      return E.left(
        error._tag === 'WrongExpectedRevision'
          ? storeFailure(after.error)
          : unknownOutcome(first.stream, first.revision, `${describeStoreError(error)}; reading it back failed: ${describeStoreError(after.error)}`),
      );
    }
    if (after._tag === 'Partial') return E.left(partial(after.found));
    if (error._tag === 'WrongExpectedRevision') return E.left(differentHistories(first.stream, first.revision, describeStoreError(error)));
    unknown = describeStoreError(error);
  }
  return E.left(unknownOutcome(first.stream, first.revision, `${unknown}; not in the stream when read back, twice`));
};

/**
 * Copies every event of a source into a target, in the source's order, each stream's events at
 * the same revisions and with the same event ids and metadata. Consecutive events of one stream
 * go in one append. Idempotent by event id on any target: each run is appended at the revision it
 * has in the source, and a run the target refuses there is read back and its event ids compared,
 * so events the target already holds at their place are not written again, and copying twice
 * writes nothing the second time. A target stream holding other events at those revisions is a
 * finding: the histories differ.
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
