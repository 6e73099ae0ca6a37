import type { DomainEvent } from '@borough-command/domain';
import type { RecordedEvent } from '@borough-command/domain/eventsourcing';
import { expect } from 'vitest';
import { envelopesOf, type EnvelopeOptions, type GivenEvent } from './envelopes.js';

/**
 * What a projection specification needs of a view: it folds envelopes and saves its state in a
 * snapshot. Every view of `@borough-command/projections` is one.
 */
export interface SpecifiedView {
  /** Folds one more event into the view. */
  readonly apply: (envelope: RecordedEvent<DomainEvent>) => void;
  /** The view's state as plain JSON data. */
  readonly snapshot: () => { readonly state: unknown };
}

/** The snapshot state of a view. */
export type SnapshotStateOf<View extends SpecifiedView> = ReturnType<View['snapshot']>['state'];

/** The `then` step of a projection specification. */
export interface ProjectionThen<View extends SpecifiedView> {
  /** The envelopes the view was fed. */
  readonly envelopes: readonly RecordedEvent<DomainEvent>[];
  /** The view after every envelope, for assertions of your own. */
  readonly view: View;
  /** Runs assertions on the view, e.g. `view => expect(view.tenureOf(camden).postings).toHaveLength(1)`. */
  readonly then: (check: (view: View) => void) => void;
  /** Asserts the state in the view's snapshot: the plain JSON data it saves. */
  readonly thenSnapshot: (expected: SnapshotStateOf<View>) => void;
}

/**
 * Given/when/then for a view: `projectionSpecification(createTenureView)(events).then(view => ...)`
 * or `.thenSnapshot(state)`. Plain domain events are made into envelopes as a store delivers them
 * (`envelopesOf`: streams, revisions, positions, metadata), fed to a fresh view in order; `then`
 * checks the view's own queries, `thenSnapshot` the state its snapshot saves.
 */
export const projectionSpecification =
  <View extends SpecifiedView>(createView: () => View) =>
  (given: readonly GivenEvent[], options: EnvelopeOptions = {}): ProjectionThen<View> => {
    const envelopes = envelopesOf(given, options);
    const view = createView();
    for (const envelope of envelopes) view.apply(envelope);
    return {
      envelopes,
      view,
      then: (check) => {
        check(view);
      },
      thenSnapshot: (expected) => {
        expect(view.snapshot().state).toEqual(expected);
      },
    };
  };
