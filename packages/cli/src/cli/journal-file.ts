import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import * as E from 'fp-ts/lib/Either.js';
import { inputError, type CliFailure } from './failure.js';

/** Checks that a journal file exists and is a file, before reading it. */
export const existingJournal = async (file: string): Promise<E.Either<CliFailure, { readonly bytes: number }>> => {
  try {
    const info = await stat(file);
    if (!info.isFile()) return E.left(inputError(`${file} is not a journal file`));
    return E.right({ bytes: info.size });
  } catch {
    return E.left(inputError(`no journal at ${file}`));
  }
};

/** Counts the newlines of a file without reading it whole: the lines a progress bar counts up to. */
export const countLines = async (file: string): Promise<number> => {
  let lines = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, at + 1)) lines += 1;
  }
  return lines;
};
