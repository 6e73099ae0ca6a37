import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { firstProblem } from '@borough-command/domain/eventsourcing';
import type { DomainEnvelope } from './envelope.js';
import { checkSnapshot, snapshotRejected, type SectionedProjection, type ViewCore } from './projection.js';
import { compareText } from './units.js';

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
}

/** How a view splits its state into sections and takes them back: what `sectionedCore` needs of it. */
export interface SectionScheme<Model, State, Section> {
  /** Checks a section's state. */
  readonly sectionCodec: t.Decoder<unknown, Section>;
  /** Adds a section's part to the model (whose part it is, not yet there). */
  readonly merge: (model: Model, section: Section) => void;
  /** The section an event changes, if any: read before the event is folded. */
  readonly sectionOfEvent: (envelope: DomainEnvelope) => string | undefined;
  /** The saved state as a head and sections by key; `kept` names the sections to leave out (still unread, not in the model whole). */
  readonly split: (state: State, kept: ReadonlySet<string>) => { readonly head: State; readonly sections: readonly (readonly [string, unknown])[] };
  /** Why a key given with a head cannot be one of its sections, if it cannot. */
  readonly foreignKey: (head: State, key: string) => string | undefined;
}

/**
 * What makes a view a `SectionedProjection`, over its core: the fold and the whole snapshot read the
 * sections they need first, and a restore in sections leaves the rest unread (`unread`, which the
 * view's queries read from as they need).
 */
export const sectionedCore = <Model, State, Section>(
  core: ViewCore<Model, State>,
  stateCodec: t.Decoder<unknown, State>,
  load: (state: State) => Model,
  scheme: SectionScheme<Model, State, Section>,
): { readonly unread: UnreadSections } & Omit<SectionedProjection<State>, 'name' | 'position'> => {
  let unread = new Map<string, () => unknown>();
  const read = (key: string): void => {
    const section = unread.get(key);
    if (section === undefined) return;
    unread.delete(key);
    const decoded = scheme.sectionCodec.decode(section());
    if (E.isLeft(decoded)) {
      const problem = firstProblem(decoded.left);
      throw new Error(`the ${core.name} snapshot's section '${key}' does not fit at '${problem.path}': ${problem.reason}`);
    }
    scheme.merge(core.model(), decoded.right);
  };
  const readAll = (): void => {
    for (const key of [...unread.keys()]) read(key);
  };
  const keys = (): readonly string[] => [...unread.keys()].sort(compareText);
  return {
    unread: { read, readAll, keys },
    apply: (envelope) => {
      // A replay with nothing unread (the usual one) pays nothing for the sections.
      if (unread.size > 0) {
        const key = scheme.sectionOfEvent(envelope);
        if (key !== undefined) read(key);
      }
      core.apply(envelope);
    },
    snapshot: () => {
      readAll();
      return core.snapshot();
    },
    restore: (snapshot) => {
      const restored = core.restore(snapshot);
      if (E.isRight(restored)) unread = new Map();
      return restored;
    },
    // The sections still unread are as they were restored: kept, not read to be written again.
    saveSections: () => {
      const { state, ...header } = core.snapshot();
      const kept = keys();
      const split = scheme.split(state, new Set(kept));
      return { head: { ...header, state: split.head }, sections: [...split.sections].sort(([a], [b]) => compareText(a, b)), kept };
    },
    restoreSections: (head, sections) => {
      const checked = checkSnapshot(core.name, stateCodec, head);
      if (E.isLeft(checked)) return checked;
      for (const key of sections.keys()) {
        const foreign = scheme.foreignKey(checked.right.state, key);
        if (foreign !== undefined) return E.left(snapshotRejected(core.name, 'sections', foreign));
      }
      core.replace(load(checked.right.state), checked.right.position);
      unread = new Map(sections);
      return E.right(undefined);
    },
  };
};
