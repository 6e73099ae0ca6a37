import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { firstProblem } from '@borough-command/domain/eventsourcing';

/**
 * The sections of a view restored in sections (`SectionedProjection`) that nothing has needed yet:
 * each is read, checked with the view's section codec and merged into the model the first time a
 * query, a fold or a snapshot needs it.
 */
export interface UnreadSections {
  /** Reads the section of a key, if it is still unread. */
  readonly read: (key: string) => void;
  /** Reads every section still unread. */
  readonly readAll: () => void;
  /** The keys still unread, in key order: the sections a snapshot in sections keeps as they were. */
  readonly keys: () => readonly string[];
  /** Forgets what was unread and takes these sections instead (none: a view restored or folded whole). */
  readonly replace: (sections: ReadonlyMap<string, () => unknown>) => void;
}

/** The unread sections of a view, checked with `codec` and merged into its model by `merge` as they are read. */
export const createUnreadSections = <Section>(view: string, codec: t.Decoder<unknown, Section>, merge: (section: Section) => void): UnreadSections => {
  let unread = new Map<string, () => unknown>();
  const read = (key: string): void => {
    const section = unread.get(key);
    if (section === undefined) return;
    unread.delete(key);
    const decoded = codec.decode(section());
    if (E.isLeft(decoded)) {
      const problem = firstProblem(decoded.left);
      throw new Error(`the ${view} snapshot's section '${key}' does not fit at '${problem.path}': ${problem.reason}`);
    }
    merge(decoded.right);
  };
  return {
    read,
    readAll: () => {
      for (const key of [...unread.keys()]) read(key);
    },
    keys: () => [...unread.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    replace: (sections) => {
      unread = new Map(sections);
    },
  };
};
