import * as E from 'fp-ts/lib/Either.js';
import { domainEventRegistry, type DomainEvent } from '@borough-command/domain';
import {
  readJournalFile,
  type JournalResumePoint,
  type JournalResumePointGone,
  type JournalSummary,
  type RecordedEvent,
  type StoreError,
  type TornTail,
} from '@borough-command/domain/eventsourcing';
import { domainStreamPrefixes } from '@borough-command/projections';
import { openEventStoreDb } from './eventstore.js';
import type { CliFailure } from './failure.js';
import { countLines, existingJournal } from './journal-file.js';
import { openPostgres } from './postgres.js';
import type { StoreChoice } from './store-choice.js';
import { storeFailure } from './store-errors.js';

/** The domain's events of a store, read from the first, page by page, read-only. */
export interface EventSource {
  /** Pages of events in the store's order; a failure ends them. */
  readonly pages: AsyncIterable<E.Either<CliFailure, readonly RecordedEvent<DomainEvent>[]>>;
  /** How many events there are at most, when known cheaply (a journal's lines). */
  readonly total: number | undefined;
  /** A torn tail the journal ends with, known once the pages are read. */
  readonly tornTail: () => TornTail | undefined;
  /** Where a journal's complete batches end, known once the pages are read: where a later read can resume. */
  readonly resumeAt: () => JournalResumePoint | undefined;
  /** A journal read from a point (`from`) the file no longer holds: why, known once the pages are read (there are none then). */
  readonly resumePointGone: () => JournalResumePointGone | undefined;
  /** Releases the connection, if any. */
  readonly close: () => Promise<void>;
}

const PAGE_SIZE = 500;

async function* journalPages(
  file: string,
  from: JournalResumePoint | undefined,
  onEnd: (summary: JournalSummary) => void,
  onGone: (gone: JournalResumePointGone) => void,
): AsyncGenerator<E.Either<CliFailure, readonly RecordedEvent<DomainEvent>[]>> {
  for await (const page of readJournalFile(domainEventRegistry, file, { pageSize: PAGE_SIZE, ...(from === undefined ? {} : { from }) })) {
    if (E.isLeft(page)) {
      if (page.left._tag === 'JournalResumePointGone') onGone(page.left);
      else yield E.left(storeFailure(page.left));
      return;
    }
    if (page.right._tag === 'End') onEnd(page.right.summary);
    else yield E.right(page.right.events);
  }
}

async function* storePages(
  pages: AsyncIterable<E.Either<StoreError, readonly RecordedEvent<DomainEvent>[]>>,
): AsyncGenerator<E.Either<CliFailure, readonly RecordedEvent<DomainEvent>[]>> {
  for await (const page of pages) {
    if (E.isLeft(page)) {
      yield E.left(storeFailure(page.left));
      return;
    }
    yield E.right(page.right);
  }
}

/** How to open the events of a store. */
export interface EventSourceOptions {
  readonly countTotal: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** A journal only: read on from this point (checked against the file first: no pages, and `resumePointGone`, when it is not there), not from the start. */
  readonly from?: JournalResumePoint;
}

/**
 * Opens the events of a store for reading, never for writing: a journal is streamed with
 * `readJournalFile` (every line checked, no lock, nothing written; a missing file is bad input), and
 * EventStoreDB and PostgreSQL are read with `readAll`, all kept to the domain's streams.
 */
export const openEventSource = async (choice: StoreChoice, options: EventSourceOptions): Promise<E.Either<CliFailure, EventSource>> => {
  if (choice.kind === 'eventstore') {
    const store = openEventStoreDb(choice.connectionString, options.env);
    if (E.isLeft(store)) return store;
    return E.right({
      pages: storePages(store.right.readAll({ streamPrefixes: domainStreamPrefixes, pageSize: PAGE_SIZE })),
      total: undefined,
      tornTail: () => undefined,
      resumeAt: () => undefined,
      resumePointGone: () => undefined,
      close: () => store.right.close(),
    });
  }
  if (choice.kind === 'postgres') {
    const store = openPostgres(choice.connectionString);
    if (E.isLeft(store)) return store;
    return E.right({
      pages: storePages(store.right.readAll({ streamPrefixes: domainStreamPrefixes, pageSize: PAGE_SIZE })),
      total: undefined,
      tornTail: () => undefined,
      resumeAt: () => undefined,
      resumePointGone: () => undefined,
      close: () => store.right.close(),
    });
  }
  const exists = await existingJournal(choice.file);
  if (E.isLeft(exists)) return exists;
  let summary: JournalSummary | undefined;
  let gone: JournalResumePointGone | undefined;
  const pages = journalPages(
    choice.file,
    options.from,
    (found) => {
      summary = found;
    },
    (found) => {
      gone = found;
    },
  );
  return E.right({
    pages,
    total: options.countTotal ? await countLines(choice.file) : undefined,
    tornTail: () => summary?.tornTail,
    resumeAt: () => summary?.resumeAt,
    resumePointGone: () => gone,
    close: () => Promise.resolve(),
  });
};
