/**
 * What a journal holds, read from its bytes by the test itself (not by the code under test): the
 * complete lines up to a count, each line's stream and ids, and the comparison of a journal with
 * the journal of an uninterrupted run of the same commands.
 */
import { readFile } from 'node:fs/promises';

/** One line of a journal, the fields the checks need. */
export interface JournalEntry {
  readonly stream: string;
  readonly revision: string;
  readonly commandId: string;
  readonly eventId: string;
}

/** The first `count` lines of a journal file (all of them when `count` is undefined), parsed. */
export const journalEntries = async (file: string, count?: number): Promise<readonly JournalEntry[]> => {
  const text = await readFile(file, 'utf8').catch(() => '');
  const lines = text.split('\n').slice(0, -1);
  return lines.slice(0, count ?? lines.length).map((line) => {
    const { stream, revision, metadata } = JSON.parse(line) as {
      readonly stream: string;
      readonly revision: string;
      readonly metadata: { readonly commandId: string; readonly eventId: string };
    };
    return { stream, revision, commandId: metadata.commandId, eventId: metadata.eventId };
  });
};

/** Event ids by stream, in the order of the journal. */
export const eventIdsByStream = (entries: readonly JournalEntry[]): ReadonlyMap<string, readonly string[]> => {
  const byStream = new Map<string, string[]>();
  for (const entry of entries) byStream.set(entry.stream, [...(byStream.get(entry.stream) ?? []), entry.eventId]);
  return byStream;
};

/** What a journal cut short by kills shows against the journal of an uninterrupted run. */
export interface LedgerComparison {
  /** Event ids found more than once. */
  readonly doubled: readonly string[];
  /** Streams whose revisions do not run 0, 1, 2, ... */
  readonly gaps: readonly string[];
  /** Streams whose events are not the first events of the same stream in the uninterrupted run. */
  readonly diverging: readonly string[];
}

/**
 * Compares a journal with an uninterrupted run's: every stream must hold the first events of the
 * same stream there, in the same order, at revisions 0, 1, 2, ..., and no event id may be there twice.
 */
export const compareWithReference = (entries: readonly JournalEntry[], reference: ReadonlyMap<string, readonly string[]>): LedgerComparison => {
  const seen = new Set<string>();
  const doubled: string[] = [];
  for (const { eventId } of entries) {
    if (seen.has(eventId)) doubled.push(eventId);
    seen.add(eventId);
  }
  const revisions = new Map<string, string[]>();
  for (const entry of entries) revisions.set(entry.stream, [...(revisions.get(entry.stream) ?? []), entry.revision]);
  const gaps = [...revisions].filter(([, list]) => list.some((revision, index) => revision !== String(index))).map(([stream]) => stream);
  const diverging = [...eventIdsByStream(entries)]
    .filter(([stream, ids]) => {
      const expected = reference.get(stream) ?? [];
      return ids.length > expected.length || ids.some((id, index) => id !== expected[index]);
    })
    .map(([stream]) => stream);
  return { doubled, gaps, diverging };
};
