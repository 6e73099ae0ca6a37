import { readFile } from 'node:fs/promises';
import { largeHistory } from '../large/large-history.js';
import { writeJournalFile } from '../large/journal-file.js';

/**
 * Writes a small valid journal of domain events (a seeded `largeHistory`, several streams and
 * batches) to `file`, a new file, and returns its lines without newlines: the journal the damaged
 * journals are made from.
 */
export const writeSampleJournal = async (file: string, options: { readonly seed?: number; readonly events?: number } = {}): Promise<readonly string[]> => {
  await writeJournalFile(file, largeHistory({ seed: options.seed ?? 20_250_101, events: options.events ?? 16 }));
  const lines = (await readFile(file, 'utf8')).split('\n');
  lines.pop();
  return lines;
};
