import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { firstProblem, joinPath } from '@borough-command/domain/eventsourcing';
import type { DomainEnvelope } from './envelope.js';
import { BigIntStringCodec } from './event-ref.js';

/** The snapshot format this package writes; a snapshot of another format is rebuilt, not read. */
export const SNAPSHOT_FORMAT = 1;

/**
 * What a view's snapshot holds, as plain JSON data in a deterministic order: which view, the last
 * global position it applied (a decimal string, null before any), and the view's state.
 */
export interface ViewSnapshot<State> {
  readonly view: string;
  readonly format: number;
  readonly position: string | null;
  readonly state: State;
}

/** A snapshot that cannot be restored into a view: another view's, another format, or a wrong shape. */
export interface SnapshotRejected {
  readonly _tag: 'SnapshotRejected';
  readonly view: string;
  /** Where in the snapshot the problem is, e.g. `state.units.0.postings`. */
  readonly path: string;
  readonly reason: string;
  readonly message: string;
}

/**
 * A read model folded from the domain's events. `apply` is deterministic and does no I/O; an event
 * at or below the last applied position is ignored, so delivering an event twice changes nothing.
 */
export interface Projection<State = unknown> {
  /** The view's name, with its ID, e.g. `TE-1 tenure`; the key of its snapshot in a checkpoint. */
  readonly name: string;
  /** Folds one more event into the view. */
  readonly apply: (envelope: DomainEnvelope) => void;
  /** The global position of the last event applied, or undefined before any. */
  readonly position: () => bigint | undefined;
  /** The view's state as plain JSON data, for a checkpoint. */
  readonly snapshot: () => ViewSnapshot<State>;
  /** Replaces the view's state with a snapshot's; a snapshot that does not fit is refused and changes nothing. */
  readonly restore: (snapshot: unknown) => E.Either<SnapshotRejected, void>;
}

/** How one view folds events into its in-memory model and saves it as JSON. */
export interface ViewDefinition<Model, State> {
  readonly name: string;
  /** Checks the `state` of a snapshot. */
  readonly stateCodec: t.Decoder<unknown, State>;
  /** The model before any event. */
  readonly empty: () => Model;
  /** Folds one event into the model, in place. */
  readonly fold: (model: Model, envelope: DomainEnvelope) => void;
  /** The model as JSON data, in a deterministic order. */
  readonly save: (model: Model) => State;
  /** The model a saved state describes. */
  readonly load: (state: State) => Model;
}

/** A projection with access to its current model, for the view's queries. */
export interface ViewCore<Model, State> extends Projection<State> {
  readonly model: () => Model;
  /** Replaces the model and the last applied position (a view restoring itself in its own way). */
  readonly replace: (model: Model, position: bigint | undefined) => void;
}

/**
 * A view's snapshot in sections: a head, and the rest of its state in sections by key.
 * The head holds the view's name, format and position and the state outside any section; each
 * section is plain JSON data; the sections come in key order.
 */
export interface SectionedSnapshot {
  readonly head: ViewSnapshot<unknown>;
  readonly sections: readonly (readonly [key: string, state: unknown])[];
  /**
   * The keys of the sections restored (`restoreSections`) and not read since, in key order: they are
   * as they were restored, so they are left out of `sections` for whoever saves them to copy.
   */
  readonly kept: readonly string[];
}

/**
 * A view that can also be saved in sections, and restored with a section read only when first needed.
 * A query, a fold or a whole snapshot reads the sections it needs (AC-1 and TE-1 one section per
 * command unit, AU-1 and AC-2 by a hash of the process id), so a question about one borough or one
 * appointment reads that part of a large snapshot. Restored either way, the view answers the same.
 */
export interface SectionedProjection<State = unknown> extends Projection<State> {
  /** The view's snapshot in sections; a section restored and not read since is only named, in `kept`. */
  readonly saveSections: () => SectionedSnapshot;
  /**
   * Restores the head now, checked as `restore` checks a snapshot; a section is read from `sections`
   * the first time it is needed. A section that does not fit then throws: whoever hands them over
   * checks that they are the ones saved (the command line checks their SHA-256).
   */
  readonly restoreSections: (head: unknown, sections: ReadonlyMap<string, () => unknown>) => E.Either<SnapshotRejected, void>;
}

/** Whether a projection can be saved in sections. */
export const isSectioned = (projection: Projection): projection is SectionedProjection =>
  'saveSections' in projection && 'restoreSections' in projection;

/** A snapshot refused by a view, with a sentence naming the view and the place. */
export const snapshotRejected = (view: string, path: string, reason: string): SnapshotRejected => ({
  _tag: 'SnapshotRejected',
  view,
  path,
  reason,
  message: `the snapshot of view '${view}' cannot be restored${path === '' ? '' : ` at '${path}'`}: ${reason}`,
});

const HeaderCodec = t.type({ view: t.string, format: t.number, position: t.union([BigIntStringCodec, t.null]) });

/** Checks a view's snapshot: its header (the view's name, this format) and its state; answers the state and the position. */
export const checkSnapshot = <State>(
  view: string,
  stateCodec: t.Decoder<unknown, State>,
  snapshot: unknown,
): E.Either<SnapshotRejected, { readonly state: State; readonly position: bigint | undefined }> => {
  const header = HeaderCodec.decode(snapshot);
  if (E.isLeft(header)) {
    const problem = firstProblem(header.left);
    return E.left(snapshotRejected(view, problem.path, problem.reason));
  }
  if (header.right.view !== view) return E.left(snapshotRejected(view, 'view', `it is the snapshot of view '${header.right.view}'`));
  if (header.right.format !== SNAPSHOT_FORMAT) {
    return E.left(snapshotRejected(view, 'format', `format ${String(header.right.format)} is not ${String(SNAPSHOT_FORMAT)}`));
  }
  const state = stateCodec.decode((snapshot as { readonly state?: unknown }).state);
  if (E.isLeft(state)) {
    const problem = firstProblem(state.left);
    return E.left(snapshotRejected(view, joinPath('state', problem.path), problem.reason));
  }
  return E.right({ state: state.right, position: header.right.position === null ? undefined : BigInt(header.right.position) });
};

/** Builds a projection from a view definition: position bookkeeping, snapshot and restore. */
export const createViewCore = <Model, State>(definition: ViewDefinition<Model, State>): ViewCore<Model, State> => {
  let model = definition.empty();
  let last: bigint | undefined;

  const restore = (snapshot: unknown): E.Either<SnapshotRejected, void> => {
    const checked = checkSnapshot(definition.name, definition.stateCodec, snapshot);
    if (E.isLeft(checked)) return checked;
    model = definition.load(checked.right.state);
    last = checked.right.position;
    return E.right(undefined);
  };

  return {
    name: definition.name,
    apply: (envelope) => {
      // Re-delivery: an event at or below the last applied position is already in the model.
      if (last !== undefined && envelope.position <= last) return;
      definition.fold(model, envelope);
      last = envelope.position;
    },
    position: () => last,
    snapshot: () => ({
      view: definition.name,
      format: SNAPSHOT_FORMAT,
      position: last === undefined ? null : last.toString(),
      state: definition.save(model),
    }),
    restore,
    model: () => model,
    replace: (replacement, position) => {
      model = replacement;
      last = position;
    },
  };
};
