/**
 * What a views snapshot knows of the journal bytes before its place: the SHA-256 of each 8 MiB of
 * them, the last part shorter. Checked again whole when the journal may have been edited; when a
 * snapshot is taken further on, the digests of the whole chunks before the old place are kept and
 * only the bytes after them are hashed.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';

/** Bytes per digest. */
export const DIGEST_CHUNK = 8 << 20;

/**
 * The digests of a file's first `bytes` bytes, one per 8 MiB from the start. `known` are the
 * digests of a shorter prefix of `knownBytes` bytes, already checked: those of its whole chunks are
 * kept and the file is read from the end of the last of them. Throws when the file cannot be read
 * or is shorter than `bytes`.
 */
export const journalDigests = (file: string, bytes: number, known: readonly string[] = [], knownBytes = 0): readonly string[] => {
  const kept = Math.min(Math.floor(Math.min(knownBytes, bytes) / DIGEST_CHUNK), known.length);
  const digests = known.slice(0, kept);
  let position = kept * DIGEST_CHUNK;
  if (position >= bytes) return digests;
  const descriptor = openSync(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(Math.min(DIGEST_CHUNK, bytes - position));
    while (position < bytes) {
      const length = Math.min(DIGEST_CHUNK, bytes - position);
      let filled = 0;
      while (filled < length) {
        const read = readSync(descriptor, chunk, filled, length - filled, position + filled);
        if (read === 0) throw new Error(`${file} ends at byte ${String(position + filled)}, before byte ${String(bytes)}`);
        filled += read;
      }
      digests.push(createHash('sha256').update(chunk.subarray(0, length)).digest('hex'));
      position += length;
    }
  } finally {
    closeSync(descriptor);
  }
  return digests;
};

/** Whether two lists of digests are the same. */
export const sameDigests = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((digest, index) => digest === b[index]);
