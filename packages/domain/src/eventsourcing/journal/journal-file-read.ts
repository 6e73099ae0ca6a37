import * as E from 'fp-ts/lib/Either.js';
import type { CodecRegistry } from '../codec-registry.js';
import type { EventShape } from '../envelope.js';
import type { StoreError } from '../errors.js';
import { defaultStoreLimits, journalLineLimit, type StoreLimits } from '../store-limits.js';
import { readJournal, type JournalPage, type JournalResumePoint, type ReadJournalOptions } from './journal-reader.js';
import { checkJournalResumePoint } from './journal-resume.js';

/** Options of `readJournalFile`: the reader's page and chunk sizes, the writing store's limits, and a place to resume from. */
export interface ReadJournalFileOptions extends Pick<ReadJournalOptions, 'pageSize' | 'chunkBytes'> {
  /** The limits of the store that writes the journal: its largest batch and longest line; `defaultStoreLimits` when absent. */
  readonly limits?: StoreLimits;
  /**
   * Reads on from a place an earlier read reached (its summary's `resumeAt`): the lines before it
   * are not read again, the lines after it are checked as chained to it. The file is checked to
   * still hold the place first; when it does not, the read answers `JournalResumePointGone` and
   * nothing else.
   */
  readonly from?: JournalResumePoint;
}

/**
 * Reads a journal file without opening a store: no lock, nothing written, constant memory (one
 * batch at most is held). Every line's hash, its chain and its batch are checked and every event
 * decoded through the registry; yields pages of the events of complete batches, then a summary
 * that reports a torn tail (a batch the file ends inside of, a partial last line) and where a
 * later read can resume. A bad complete line ends it with a `JournalCorrupt` naming the file and
 * line; a missing file reads as an empty journal. What an auditor runs, and a replay that resumes.
 */
export async function* readJournalFile<E extends EventShape>(
  registry: CodecRegistry<E>,
  file: string,
  options: ReadJournalFileOptions = {},
): AsyncGenerator<E.Either<StoreError, JournalPage<E>>> {
  const { from } = options;
  if (from !== undefined) {
    const held = await checkJournalResumePoint(file, from);
    if (E.isLeft(held)) {
      yield E.left({ _tag: 'JournalResumePointGone', file, line: from.count, bytes: from.bytes, reason: held.left });
      return;
    }
  }
  const limits = options.limits ?? defaultStoreLimits;
  yield* readJournal(registry, file, {
    maxBatchSize: limits.maxEventsPerAppend,
    maxLineBytes: journalLineLimit(limits),
    ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
    ...(options.chunkBytes === undefined ? {} : { chunkBytes: options.chunkBytes }),
    ...(from === undefined ? {} : { from }),
  });
}
