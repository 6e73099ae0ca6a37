import { createReadStream } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import type { CodecRegistry } from '../codec-registry.js';
import type { EventShape, RecordedEvent } from '../envelope.js';
import type { JournalCorrupt, StoreError } from '../errors.js';
import { createJournalChain, decodeJournalRecord } from './journal-chain.js';

/** An incomplete last line: a write cut short by a crash, never acknowledged. */
export interface TornTail {
  /** The line number the torn line would have had. */
  readonly line: number;
  /** How many bytes of it reached the file. */
  readonly bytes: number;
}

/** What reading a whole journal found. */
export interface JournalSummary {
  /** Complete, checked lines. */
  readonly lines: number;
  /** Hash of the last complete line. */
  readonly head: string;
  /** Bytes of the file up to the end of the last complete line. */
  readonly completeBytes: number;
  /** The torn last line, if the file does not end with a newline. */
  readonly tornTail: TornTail | undefined;
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
}

/**
 * Reads a journal file from the start in constant memory: checks every line's hash and its chain,
 * decodes every event through the registry, and yields pages of events, then a summary that
 * reports a torn last line. A bad complete line ends the iteration with a `JournalCorrupt` naming
 * the file and line. A missing file reads as an empty journal.
 */
export async function* readJournal<E extends EventShape>(
  registry: CodecRegistry<E>,
  file: string,
  options: ReadJournalOptions = {},
): AsyncGenerator<E.Either<StoreError, JournalPage<E>>> {
  const pageSize = options.pageSize ?? 1000;
  const chain = createJournalChain(file);
  let pending = '';
  let completeBytes = 0;
  let page: RecordedEvent<E>[] = [];
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: options.chunkBytes ?? 1_048_576 });
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      let text = pending + chunk;
      let start = 0;
      for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
        const line = text.slice(start, newline);
        start = newline + 1;
        const lineNumber = chain.count() + 1;
        const accepted = chain.accept(line, lineNumber);
        if (E.isLeft(accepted)) {
          yield accepted;
          return;
        }
        const decoded: E.Either<JournalCorrupt, RecordedEvent<E>> = decodeJournalRecord(registry, file, lineNumber, accepted.right);
        if (E.isLeft(decoded)) {
          yield decoded;
          return;
        }
        completeBytes += Buffer.byteLength(line, 'utf8') + 1;
        page.push(decoded.right);
        if (page.length >= pageSize) {
          yield E.right({ _tag: 'Events', events: page });
          page = [];
        }
      }
      text = text.slice(start);
      pending = text;
    }
  } catch (cause) {
    const code = (cause as { readonly code?: string }).code;
    if (code !== 'ENOENT') {
      yield E.left({ _tag: 'StoreUnavailable', retryable: true, operation: `read journal ${file}`, reason: String(cause) });
      return;
    }
  } finally {
    stream.destroy();
  }
  if (page.length > 0) yield E.right({ _tag: 'Events', events: page });
  const tornTail = pending.length === 0 ? undefined : { line: chain.count() + 1, bytes: Buffer.byteLength(pending, 'utf8') };
  yield E.right({ _tag: 'End', summary: { lines: chain.count(), head: chain.head(), completeBytes, tornTail } });
}
