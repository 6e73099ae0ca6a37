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
  // Lines are split and counted in bytes, and each complete line is decoded on its own: a newline
  // byte never occurs inside a multi-byte UTF-8 character, so a line cut anywhere, even inside a
  // character, is still counted to the byte, and invalid UTF-8 in a complete line is corruption.
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let completeBytes = 0;
  let page: RecordedEvent<E>[] = [];
  const stream = createReadStream(file, { highWaterMark: options.chunkBytes ?? 1_048_576 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let start = 0;
      for (let newline = chunk.indexOf(0x0a); newline !== -1; newline = chunk.indexOf(0x0a, start)) {
        const bytes = pendingBytes === 0 ? chunk.subarray(start, newline) : Buffer.concat([...pending, chunk.subarray(start, newline)]);
        pending = [];
        pendingBytes = 0;
        start = newline + 1;
        const lineNumber = chain.count() + 1;
        let line: string;
        try {
          line = utf8.decode(bytes);
        } catch {
          yield E.left({ _tag: 'JournalCorrupt', file, line: lineNumber, reason: 'the line is not valid UTF-8' });
          return;
        }
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
        completeBytes += bytes.length + 1;
        page.push(decoded.right);
        if (page.length >= pageSize) {
          yield E.right({ _tag: 'Events', events: page });
          page = [];
        }
      }
      if (start < chunk.length) {
        pending.push(chunk.subarray(start));
        pendingBytes += chunk.length - start;
      }
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
  const tornTail = pendingBytes === 0 ? undefined : { line: chain.count() + 1, bytes: pendingBytes };
  yield E.right({ _tag: 'End', summary: { lines: chain.count(), head: chain.head(), completeBytes, tornTail } });
}
