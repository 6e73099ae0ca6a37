import * as E from 'fp-ts/lib/Either.js';
import { domainEventRegistry, type Policy } from '@borough-command/domain';
import { describeStoreError, readJournalFile } from '@borough-command/domain/eventsourcing';
import { applyToAll, createViews, projectionsOf, type BoroughCommandViews } from '@borough-command/projections';

/** What a replay of a journal did. */
export interface JournalReplay {
  readonly events: number;
  readonly views: BoroughCommandViews;
}

/**
 * Replays a journal file into the six views, as an auditor's replay does: `readJournalFile` checks
 * every line's hash and its chain and decodes every event through its io-ts codec, and each event
 * is folded into all six views. A bad line or a failing view is an error in words.
 */
export const replayJournal = async (file: string, policy: Policy): Promise<E.Either<string, JournalReplay>> => {
  const views = createViews(policy);
  const projections = projectionsOf(views);
  let events = 0;
  for await (const page of readJournalFile(domainEventRegistry, file)) {
    if (E.isLeft(page)) return E.left(`${file}: ${describeStoreError(page.left)}`);
    if (page.right._tag === 'End') continue;
    for (const envelope of page.right.events) {
      const applied = applyToAll(projections, envelope);
      if (E.isLeft(applied)) return E.left(applied.left.message);
    }
    events += page.right.events.length;
  }
  return E.right({ events, views });
};

/** Reads a journal as the replay does (every line's hash, chain and batch checked, every event decoded) and folds nothing; answers the events read. */
export const readJournalOnly = async (file: string): Promise<E.Either<string, number>> => {
  let events = 0;
  for await (const page of readJournalFile(domainEventRegistry, file)) {
    if (E.isLeft(page)) return E.left(`${file}: ${describeStoreError(page.left)}`);
    if (page.right._tag === 'Events') events += page.right.events.length;
  }
  return E.right(events);
};
