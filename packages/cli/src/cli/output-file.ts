import { randomUUID } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import * as E from 'fp-ts/lib/Either.js';
import { inputError, type CliFailure } from './failure.js';

/**
 * Writes a file whole, text (as UTF-8) or bytes (one buffer, or several one after another): to a temporary file beside it first (named for this
 * process and this write, so writes at once never share one), then renamed over it, so a reader
 * never sees half of it. Answers the bytes written.
 */
export const writeTextFile = async (file: string, text: string | Uint8Array | readonly Uint8Array[]): Promise<E.Either<CliFailure, number>> => {
  const draft = `${file}.${String(process.pid)}-${randomUUID()}.tmp`;
  try {
    await writeFile(draft, text);
    await rename(draft, file);
    return E.right(typeof text === 'string' ? Buffer.byteLength(text, 'utf8') : text instanceof Uint8Array ? text.byteLength : text.reduce((sum, part) => sum + part.byteLength, 0));
  } catch (cause) {
    await unlink(draft).catch(() => undefined);
    const code = (cause as { readonly code?: string }).code;
    return E.left(inputError(code === 'ENOENT' ? `cannot write ${file}: its directory does not exist` : `cannot write ${file}: ${String(cause)}`));
  }
};
