import { open, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import type { EventShape, RecordedEvent } from '../envelope.js';
import type { StoreError } from '../errors.js';
import { invalidArgument } from '../store-limits.js';
import { syncDirectory, writeFully } from './file-writes.js';
import { encodeJournalLine, GENESIS_HASH } from './journal-line.js';

/** What `writeJournalFile` wrote. */
export interface WrittenJournal {
  readonly file: string;
  /** Lines written: one per event. */
  readonly lines: number;
  /** Batches written: the events of one command in one stream make one, as one append writes them. */
  readonly batches: number;
  /** The hash of the last line, as a store's `recovery.head` reports it on opening the file. */
  readonly head: string;
  readonly bytes: number;
}

/** Lines written to the file at a time. */
const LINES_PER_WRITE = 2048;

const sameBatch = (a: RecordedEvent, b: RecordedEvent): boolean => a.stream === b.stream && a.metadata.commandId === b.metadata.commandId;

const codeOf = (cause: unknown): string | undefined => (cause as { readonly code?: string } | undefined)?.code;

/**
 * Writes recorded events as a new journal file in one pass, for histories too large to append one
 * by one to a store (which holds every event in memory and syncs each append): a journal store
 * opens the file and `readJournalFile` reads it. Consecutive events of one command in one stream
 * make one batch, as one append would have written them. Positions are numbered from 0 in the
 * order given; revisions are kept, so each stream's events must come in order from revision 0 (a
 * store's `readAll` gives them so). Events are written as given, in their stored form, not checked
 * against a registry: a reader decodes them. The file is synced once, at the end; a file already
 * there is never overwritten (`InvalidStoreArgument`), and a write that fails (`StoreUnavailable`,
 * an error of the events' source too) leaves no file behind. Holds one batch at a time.
 */
export const writeJournalFile =
  <E extends EventShape>(file: string, events: Iterable<RecordedEvent<E>> | AsyncIterable<RecordedEvent<E>>): TE.TaskEither<StoreError, WrittenJournal> =>
  async () => {
    const operation = `write journal ${file}`;
    let handle: FileHandle;
    try {
      handle = await open(file, 'wx');
    } catch (cause) {
      if (codeOf(cause) === 'EEXIST') return E.left(invalidArgument(operation, 'the file exists; a journal file is written new, never over another'));
      return E.left({ _tag: 'StoreUnavailable', retryable: true, operation, reason: String(cause) });
    }
    let head = GENESIS_HASH;
    let lines = 0;
    let batches = 0;
    let bytes = 0;
    let chunk: string[] = [];
    let batch: RecordedEvent<E>[] = [];
    const flush = async (): Promise<void> => {
      if (chunk.length === 0) return;
      const buffer = Buffer.from(chunk.join(''), 'utf8');
      chunk = [];
      await writeFully(handle, buffer);
      bytes += buffer.length;
    };
    /** Encodes the batch held into lines of the chunk. */
    const encodeBatch = (): void => {
      for (const [index, recorded] of batch.entries()) {
        const written = encodeJournalLine(head, {
          stream: recorded.stream,
          revision: recorded.revision,
          position: BigInt(lines),
          batch: { index, size: batch.length },
          type: recorded.event.type,
          json: JSON.stringify(recorded.event.data),
          metadata: recorded.metadata,
        });
        chunk.push(written.line, '\n');
        head = written.hash;
        lines += 1;
      }
      batches += batch.length > 0 ? 1 : 0;
      batch = [];
    };
    /** Holds an event in the current batch, encoding the batch before it once this one starts; tells whether the chunk is full. */
    const add = (recorded: RecordedEvent<E>): boolean => {
      const first = batch[0];
      if (first !== undefined && !sameBatch(first, recorded)) encodeBatch();
      batch.push(recorded);
      return chunk.length >= LINES_PER_WRITE * 2;
    };
    try {
      try {
        // A synchronous source is read without a promise per event: only a full chunk waits for the disk.
        if (Symbol.iterator in events) {
          for (const recorded of events) if (add(recorded)) await flush();
        } else {
          for await (const recorded of events) if (add(recorded)) await flush();
        }
        encodeBatch();
        await flush();
        await handle.sync();
      } finally {
        await handle.close();
      }
      await syncDirectory(dirname(file));
    } catch (cause) {
      await rm(file, { force: true }).catch(() => undefined);
      return E.left({ _tag: 'StoreUnavailable', retryable: true, operation, reason: cause instanceof Error ? cause.message : String(cause) });
    }
    return E.right({ file, lines, batches, head, bytes });
  };
