import { open } from 'node:fs/promises';
import * as E from 'fp-ts/lib/Either.js';
import { defaultStoreLimits, journalLineLimit } from '../store-limits.js';
import { GENESIS_HASH, parseJournalLine } from './journal-line.js';
import type { JournalResumePoint } from './journal-reader.js';

const codeOf = (cause: unknown): string | undefined => (cause as { readonly code?: string } | undefined)?.code;

/**
 * Whether a journal file still holds a resume point an earlier read reached: the file is at least
 * that long, and the line ending there is intact (its hash checks), is the point's last line (its
 * hash and position) and ends its batch. `Left` says, in words, why the point does not hold; the
 * lines after the point are for `readJournal` with `from` to check.
 */
export const checkJournalResumePoint = async (file: string, point: JournalResumePoint): Promise<E.Either<string, void>> => {
  if (point.count === 0) {
    return point.bytes === 0 && point.head === GENESIS_HASH ? E.right(undefined) : E.left('the resume point is not the start of a journal');
  }
  const window = Math.min(point.bytes, journalLineLimit(defaultStoreLimits) + 1);
  let bytes: Buffer;
  try {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      if (size < point.bytes) return E.left(`the journal is ${String(size)} bytes long, shorter than the ${String(point.bytes)} bytes read before`);
      bytes = Buffer.alloc(window);
      const { bytesRead } = await handle.read(bytes, 0, window, point.bytes - window);
      if (bytesRead !== window) return E.left('the journal could not be read back to the resume point');
    } finally {
      await handle.close();
    }
  } catch (cause) {
    return E.left(codeOf(cause) === 'ENOENT' ? 'the journal is gone' : `the journal could not be read: ${String(cause)}`);
  }
  if (bytes[window - 1] !== 0x0a) return E.left(`the journal has no line ending at byte ${String(point.bytes)}`);
  const lineStart = bytes.lastIndexOf(0x0a, window - 2) + 1;
  if (lineStart === 0 && window < point.bytes) return E.left(`the line ending at byte ${String(point.bytes)} is longer than a journal line`);
  const parsed = parseJournalLine(bytes.toString('utf8', lineStart, window - 1));
  if (E.isLeft(parsed)) return E.left(`line ${String(point.count)} is not intact: ${parsed.left}`);
  const record = parsed.right;
  if (record.hash !== point.head) return E.left(`line ${String(point.count)} is not the line read before (its hash differs)`);
  if (record.position !== BigInt(point.count - 1)) return E.left(`line ${String(point.count)} is at position ${record.position.toString()}, not ${String(point.count - 1)}`);
  if (record.batch.index + 1 !== record.batch.size) return E.left(`line ${String(point.count)} does not end its batch`);
  return E.right(undefined);
};
