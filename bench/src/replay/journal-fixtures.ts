import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { describeStoreError, writeJournalFile, type WrittenJournal } from '@borough-command/domain/eventsourcing';
import { largeHistory } from '@borough-command/test-machinery';

/** Journal files of generated histories, written once per size into a directory removed at the end. */
export interface JournalFixtures {
  /** The journal of `events` events of the seeded large history, written on first use. */
  readonly journalOf: (events: number) => Promise<E.Either<string, WrittenJournal>>;
  /** Removes the directory and every journal in it. */
  readonly remove: () => Promise<void>;
}

/** Journal fixtures of the seeded large history, in a fresh directory under the system's temporary one. */
export const createJournalFixtures = async (seed: number): Promise<JournalFixtures> => {
  const directory = await mkdtemp(join(tmpdir(), 'borough-command-bench-'));
  const written = new Map<number, WrittenJournal>();
  return {
    journalOf: async (events) => {
      const known = written.get(events);
      if (known !== undefined) return E.right(known);
      const summary = await writeJournalFile(join(directory, `large-${String(seed)}-${String(events)}.ndjson`), largeHistory({ seed, events }))();
      if (E.isLeft(summary)) return E.left(`cannot write a journal of ${String(events)} events in ${directory}: ${describeStoreError(summary.left)}`);
      written.set(events, summary.right);
      return summary;
    },
    remove: () => rm(directory, { recursive: true, force: true }),
  };
};
