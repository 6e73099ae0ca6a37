import { open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import type { CodecRegistry } from '../codec-registry.js';
import type { EventShape, RecordedEvent } from '../envelope.js';
import type { StoreError, StoreUnavailable } from '../errors.js';
import type { AppendResult, EventStore } from '../event-store.js';
import type { ExpectedRevision } from '../expected-revision.js';
import { createMemoryLog, type AppendPlan } from '../memory-log.js';
import { defaultStoreLimits, invalidArgument, journalLineLimit, type StoreLimits } from '../store-limits.js';
import { syncDirectory, writeFully } from './file-writes.js';
import { encodeJournalLine } from './journal-line.js';
import { acquireJournalLock, type JournalLock } from './journal-lock.js';
import { readJournal, type JournalSummary } from './journal-reader.js';
import { tracedEventStore } from '../tracing/traced-event-store.js';

/** Options of a journal store. */
export interface JournalStoreOptions {
  /** Path of the NDJSON journal; created on the first append when missing. */
  readonly file: string;
  /** Open without the writer lock; appends are refused. For auditing and verification. */
  readonly readOnly?: boolean;
  /** Size limits on what is written; `defaultStoreLimits` when absent. */
  readonly limits?: StoreLimits;
}

/** What opening the journal found and did. */
export interface JournalRecovery extends JournalSummary {
  /** Where the bytes of the torn tail (an unfinished batch, a partial line) were saved before the writer cut them off. */
  readonly tornTailSavedTo: string | undefined;
}

/** An event store held in memory and backed by an append-only, hash-chained NDJSON journal. */
export interface JournalStore<E extends EventShape = EventShape> extends EventStore<E> {
  readonly file: string;
  readonly recovery: JournalRecovery;
}

const unavailable = (operation: string, cause: unknown): StoreUnavailable => ({
  _tag: 'StoreUnavailable',
  retryable: true,
  operation,
  reason: cause instanceof Error ? cause.message : String(cause),
});

/** Bytes copied at a time when a torn tail is saved aside. */
const COPY_CHUNK_BYTES = 1_048_576;

/**
 * Cuts a torn tail (the lines of an unfinished batch and a partial last line) off the journal after
 * saving its bytes, and only them, beside it; it is copied in chunks, as a batch may be large.
 */
const cutTornTail = async (file: string, summary: JournalSummary): Promise<string | undefined> => {
  if (summary.tornTail === undefined) return undefined;
  const savedTo = `${file}.torn-line-${String(summary.tornTail.line)}-${String(Date.now())}`;
  const handle = await open(file, 'r+');
  try {
    const saved = await open(savedTo, 'wx');
    try {
      const chunk = Buffer.alloc(Math.min(COPY_CHUNK_BYTES, summary.tornTail.bytes));
      for (let copied = 0; copied < summary.tornTail.bytes; ) {
        const want = Math.min(chunk.length, summary.tornTail.bytes - copied);
        const { bytesRead } = await handle.read(chunk, 0, want, summary.completeBytes + copied);
        if (bytesRead === 0) break;
        await writeFully(saved, chunk.subarray(0, bytesRead));
        copied += bytesRead;
      }
      await saved.sync();
    } finally {
      await saved.close();
    }
    await handle.truncate(summary.completeBytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return savedTo;
};

/**
 * Opens a journal store: reads and checks the whole file (hash chain, sequence, batches, every
 * event decoded), recovers every complete batch, and reports a torn tail: the lines of a batch the
 * file ends inside of and a partial last line. A writer takes the lock, saves the torn tail's bytes
 * to `<file>.torn-line-<n>-<time>` and cuts them off so the next line starts clean; complete
 * batches are never changed. An append writes its events as one batch, all or none recovered
 * after a crash, and returns only after its lines are written and fsynced.
 */
export const openJournalStore =
  <E extends EventShape>(registry: CodecRegistry<E>, options: JournalStoreOptions): TE.TaskEither<StoreError, JournalStore<E>> =>
  async () => {
    const { file } = options;
    const readOnly = options.readOnly ?? false;
    const limits = options.limits ?? defaultStoreLimits;
    const memory = createMemoryLog(registry, limits);
    let lock: JournalLock | undefined;
    if (!readOnly) {
      const locked = await acquireJournalLock(file);
      if (E.isLeft(locked)) return locked;
      lock = locked.right;
    }
    const fail = async (error: StoreError): Promise<E.Either<StoreError, never>> => {
      await lock?.release();
      return E.left(error);
    };

    let summary: JournalSummary | undefined;
    for await (const page of readJournal(registry, file, { maxBatchSize: limits.maxEventsPerAppend, maxLineBytes: journalLineLimit(limits) })) {
      if (E.isLeft(page)) return fail(page.left);
      if (page.right._tag === 'End') summary = page.right.summary;
      else memory.commit(page.right.events);
    }
    if (summary === undefined) return fail(unavailable(`open journal ${file}`, 'the journal could not be read to its end'));

    let tornTailSavedTo: string | undefined;
    let handle: FileHandle | undefined;
    if (!readOnly) {
      try {
        tornTailSavedTo = await cutTornTail(file, summary);
      } catch (cause) {
        return fail(unavailable(`open journal ${file}`, cause));
      }
    }

    let head = summary.head;
    let size = summary.completeBytes;
    let closed = false;
    let broken: StoreError | undefined;
    let queue: Promise<unknown> = Promise.resolve();
    const serialize = <A>(work: () => Promise<A>): Promise<A> => {
      const result = queue.then(work);
      queue = result.catch(() => undefined);
      return result;
    };

    const append = async (
      operation: string,
      target: { readonly stream: string; readonly expected: ExpectedRevision },
      plan: () => E.Either<StoreError, AppendPlan<E>>,
    ): Promise<E.Either<StoreError, AppendResult>> => {
      if (closed) return E.left({ _tag: 'StoreClosed', operation });
      if (readOnly) return E.left(invalidArgument(operation, `journal ${file} is open read-only`));
      if (broken !== undefined) return E.left(broken);
      const planned = plan();
      if (E.isLeft(planned)) return planned;
      if (planned.right._tag === 'AlreadyWritten') return E.right(planned.right.result);
      if (handle === undefined) {
        // the file is opened, and created when missing, on the first append
        try {
          handle = await open(file, 'a');
          await syncDirectory(dirname(file));
        } catch (cause) {
          await handle?.close().catch(() => undefined);
          handle = undefined;
          return E.left(unavailable(operation, cause));
        }
      }
      const { records, encoded } = planned.right;
      let nextHead = head;
      const lines: string[] = [];
      for (let i = 0; i < records.length; i++) {
        const record = records[i] as RecordedEvent<E>;
        const item = encoded[i] as (typeof encoded)[number];
        const written = encodeJournalLine(nextHead, {
          ...record,
          batch: { index: i, size: records.length },
          type: item.type,
          json: item.json,
          metadata: item.metadata,
        });
        lines.push(written.line, '\n');
        nextHead = written.hash;
      }
      const bytes = Buffer.from(lines.join(''), 'utf8');
      const sizeBefore = size;
      try {
        await writeFully(handle, bytes);
        await handle.datasync();
        size += bytes.length;
      } catch (cause) {
        const error = unavailable(operation, cause);
        try {
          await handle.truncate(sizeBefore);
          await handle.datasync();
        } catch {
          broken = { ...error, reason: `${error.reason}; the journal must be reopened` };
          // The batch could not be cut off: the file may hold it whole, and reopening reads it back.
          return E.left({
            _tag: 'AppendOutcomeUnknown',
            stream: target.stream,
            expected: target.expected,
            eventIds: records.map((record) => record.metadata.eventId),
            reason: `${error.reason}; the journal must be reopened`,
          });
        }
        return E.left(error);
      }
      head = nextHead;
      return E.right(memory.commit(records));
    };

    const store = tracedEventStore<E, JournalStore<E>>({
      name: 'journal',
      file,
      recovery: { ...summary, tornTailSavedTo },
      appendToStream: (stream, events, expectedRevision) => () =>
        serialize(() => append(`append to stream '${stream}'`, { stream, expected: expectedRevision }, () => memory.planAppend(stream, events, expectedRevision))),
      readStream: (stream, readOptions) => () =>
        Promise.resolve(closed ? E.left({ _tag: 'StoreClosed', operation: `read stream '${stream}'` }) : memory.readStream(stream, readOptions)),
      readAll: (readOptions) => memory.readAll(readOptions, () => closed),
      subscribeToAll: (filter) => memory.subscribe(filter),
      close: () =>
        serialize(async () => {
          if (closed) return;
          closed = true;
          memory.dropSubscriptions({ _tag: 'StoreClosed', operation: 'subscription' });
          await handle?.close();
          await lock?.release();
        }),
    });
    return E.right(store);
  };

/**
 * The store's operations on a journal file without a store open: reading it, checked line by line
 * (what an auditor and a replay run), and writing a new one whole from recorded events.
 */
export { readJournalFile, type ReadJournalFileOptions } from './journal-file-read.js';
export { writeJournalFile, type WrittenJournal } from './journal-file-write.js';
/** What reading a journal yields and finds, and the place a later read resumes from. */
export type { JournalPage, JournalResumePoint, JournalSummary, TornTail } from './journal-reader.js';
