import { readFile } from 'node:fs/promises';
import * as E from 'fp-ts/lib/Either.js';
import { describeStoreError, writeJournalFile } from '@borough-command/domain/eventsourcing';
import { largeHistory } from '../large/large-history.js';

/**
 * Writes a small valid journal of domain events (a seeded `largeHistory`, several streams and
 * batches) to `file`, a new file, and returns its lines without newlines: the journal the damaged
 * journals are made from.
 */
export const writeSampleJournal = async (file: string, options: { readonly seed?: number; readonly events?: number } = {}): Promise<readonly string[]> => {
  const written = await writeJournalFile(file, largeHistory({ seed: options.seed ?? 20_250_101, events: options.events ?? 16 }))();
  if (E.isLeft(written)) throw new Error(describeStoreError(written.left));
  const lines = (await readFile(file, 'utf8')).split('\n');
  lines.pop();
  return lines;
};
