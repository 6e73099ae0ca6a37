import { isAscii } from 'node:buffer';
import { createReadStream } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import type { CodecRegistry } from '../codec-registry.js';
import type { EventShape, RecordedEvent } from '../envelope.js';
import type { JournalCorrupt, StoreError } from '../errors.js';
import { defaultStoreLimits, journalLineLimit } from '../store-limits.js';
import { createJournalChain, decodeJournalRecord, type JournalChainState } from './journal-chain.js';

/**
 * The end of a journal that no acknowledged append wrote, left by a crash in the middle of one:
 * the complete lines of a batch that is not finished and, after them, a line without its newline.
 * Either part may be empty, not both. None of it is recovered; a writer saves it aside and cuts it off.
 */
export interface TornTail {
  /** The number of the first line not recovered: the unfinished batch's first line, or the partial line's. */
  readonly line: number;
  /** Bytes after the last complete batch, up to the end of the file: `batchBytes + partialBytes`. */
  readonly bytes: number;
  /** Complete lines of the batch the file ends inside of; 0 when the file ends with a complete batch. */
  readonly batchLines: number;
  /** Bytes of those lines, newlines included. */
  readonly batchBytes: number;
  /** Bytes of a last line without its newline; 0 when the file ends with a newline. */
  readonly partialBytes: number;
}

/** What reading a whole journal found. */
export interface JournalSummary {
  /** Lines of complete batches: the lines recovered. */
  readonly lines: number;
  /** Hash of the last line of the last complete batch. */
  readonly head: string;
  /** Bytes of the file up to the end of the last complete batch. */
  readonly completeBytes: number;
  /** What follows the last complete batch, if anything does. */
  readonly tornTail: TornTail | undefined;
  /** Where a later read of the same journal can resume after the last complete batch. */
  readonly resumeAt: JournalResumePoint;
}

/**
 * A place in a journal to read on from: the end of a complete batch, `bytes` into the file, after
 * `count` lines whose last line's hash is `head`, with every stream's last revision there.
 */
export interface JournalResumePoint extends JournalChainState {
  readonly bytes: number;
}

/** A page of a journal being read: events, or the end with its summary. */
export type JournalPage<E extends EventShape> =
  | { readonly _tag: 'Events'; readonly events: readonly RecordedEvent<E>[] }
  | { readonly _tag: 'End'; readonly summary: JournalSummary };

/** Options of `readJournal`. */
export interface ReadJournalOptions {
  /** Events per page; 1000 by default. */
  readonly pageSize?: number;
  /** Bytes per read from the file; 1 MiB by default. */
  readonly chunkBytes?: number;
  /** Most lines a batch may declare (the store's `maxEventsPerAppend`); `defaultStoreLimits.maxEventsPerAppend` by default. */
  readonly maxBatchSize?: number;
  /** Longest line in bytes; a longer one is corruption, found before it is held whole. `journalLineLimit(defaultStoreLimits)` by default. */
  readonly maxLineBytes?: number;
  /**
   * Reads on from a point an earlier read reached (its summary's `resumeAt`): the lines before it are
   * not read again, the lines after it are checked as chained to it. The point is not checked
   * against the file here (`readJournalFile` checks it first): a point the file no longer has reads
   * as corruption at its first line.
   */
  readonly from?: JournalResumePoint;
}

/**
 * Reads a journal file from the start in constant memory (one batch at most is held): checks every
 * line's hash, its chain and its batch, decodes every event through the registry, and yields pages
 * of the events of complete batches, then a summary that reports a torn tail: a batch the file
 * ends inside of and a partial last line. A bad complete line ends the iteration with a
 * `JournalCorrupt` naming the file and line. A missing file reads as an empty journal.
 */
export async function* readJournal<E extends EventShape>(
  registry: CodecRegistry<E>,
  file: string,
  options: ReadJournalOptions = {},
): AsyncGenerator<E.Either<StoreError, JournalPage<E>>> {
  const pageSize = options.pageSize ?? 1000;
  const maxLineBytes = options.maxLineBytes ?? journalLineLimit(defaultStoreLimits);
  const tooLong = (line: number): JournalCorrupt => ({
    _tag: 'JournalCorrupt',
    file,
    line,
    reason: `the line is longer than ${String(maxLineBytes)} bytes, the longest a journal store writes`,
  });
  const chain = createJournalChain(file, {
    ...(options.maxBatchSize === undefined ? {} : { maxBatchSize: options.maxBatchSize }),
    ...(options.from === undefined ? {} : { from: options.from }),
  });
  // Lines are split and counted in bytes, and each complete line is decoded on its own: a newline
  // byte never occurs inside a multi-byte UTF-8 character, so a line cut anywhere, even inside a
  // character, is still counted to the byte, and invalid UTF-8 in a complete line is corruption.
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const readLine = (bytes: Buffer): string => (isAscii(bytes) ? bytes.toString('latin1') : utf8.decode(bytes));
  // One string per stream name, shared by its events: views keep a reference to many events, each naming its stream.
  const streamNames = new Map<string, string>();
  const streamName = (name: string): string => {
    const known = streamNames.get(name);
    if (known !== undefined) return known;
    streamNames.set(name, name);
    return name;
  };
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let lineNumber = options.from?.count ?? 0;
  // the events and bytes of the batch being read, delivered once its last line is read
  const batch: RecordedEvent<E>[] = [];
  let batchBytes = 0;
  let completeBytes = options.from?.bytes ?? 0;
  let page: RecordedEvent<E>[] = [];
  // a bad line or a failed read ends the reading; the events of the complete batches before it are yielded first
  let failure: StoreError | undefined;
  const stream = createReadStream(file, { highWaterMark: options.chunkBytes ?? 1_048_576, start: options.from?.bytes ?? 0 });
  try {
    reading: for await (const chunk of stream as AsyncIterable<Buffer>) {
      let start = 0;
      // One check per chunk: a chunk of ASCII bytes (the usual journal) is read line by line as Latin-1, without a view per line.
      const asciiChunk = isAscii(chunk);
      for (let newline = chunk.indexOf(0x0a); newline !== -1; newline = chunk.indexOf(0x0a, start)) {
        const lineStart = start;
        const lineBytes = pendingBytes + newline - lineStart;
        const whole = pendingBytes === 0;
        const bytes = whole ? undefined : Buffer.concat([...pending, chunk.subarray(lineStart, newline)]);
        if (!whole) {
          pending = [];
          pendingBytes = 0;
        }
        start = newline + 1;
        lineNumber += 1;
        if (lineBytes > maxLineBytes) {
          failure = tooLong(lineNumber);
          break reading;
        }
        let line: string;
        try {
          // An ASCII line (every byte below 0x80) is valid UTF-8 and reads the same as Latin-1, which is quicker to read.
          if (bytes === undefined) line = asciiChunk ? chunk.toString('latin1', lineStart, newline) : readLine(chunk.subarray(lineStart, newline));
          else line = readLine(bytes);
        } catch {
          failure = { _tag: 'JournalCorrupt', file, line: lineNumber, reason: 'the line is not valid UTF-8' };
          break reading;
        }
        const accepted = chain.accept(line, lineNumber);
        if (E.isLeft(accepted)) {
          failure = accepted.left;
          break reading;
        }
        const decoded: E.Either<JournalCorrupt, RecordedEvent<E>> = decodeJournalRecord(registry, file, lineNumber, accepted.right, streamName(accepted.right.stream));
        if (E.isLeft(decoded)) {
          failure = decoded.left;
          break reading;
        }
        batch.push(decoded.right);
        batchBytes += lineBytes + 1;
        if (chain.unfinished() > 0) continue;
        completeBytes += batchBytes;
        for (const event of batch) {
          page.push(event);
          if (page.length >= pageSize) {
            yield E.right({ _tag: 'Events', events: page });
            page = [];
          }
        }
        // emptied, not replaced: its events are in the page now
        batch.length = 0;
        batchBytes = 0;
      }
      if (start < chunk.length) {
        pending.push(chunk.subarray(start));
        pendingBytes += chunk.length - start;
        if (pendingBytes > maxLineBytes) {
          failure = tooLong(lineNumber + 1);
          break reading;
        }
      }
    }
  } catch (cause) {
    const code = (cause as { readonly code?: string }).code;
    if (code !== 'ENOENT') failure = { _tag: 'StoreUnavailable', retryable: true, operation: `read journal ${file}`, reason: String(cause) };
  } finally {
    stream.destroy();
  }
  if (page.length > 0) yield E.right({ _tag: 'Events', events: page });
  if (failure !== undefined) {
    yield E.left(failure);
    return;
  }
  const tornTail =
    batchBytes + pendingBytes === 0
      ? undefined
      : { line: chain.count() + 1, bytes: batchBytes + pendingBytes, batchLines: chain.unfinished(), batchBytes, partialBytes: pendingBytes };
  yield E.right({ _tag: 'End', summary: { lines: chain.count(), head: chain.head(), completeBytes, tornTail, resumeAt: { ...chain.state(), bytes: completeBytes } } });
}
