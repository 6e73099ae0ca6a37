/**
 * The parts of the kit that register tests or assert with vitest (a peer dependency, `^4`): the
 * conformance suite as one `describe` per store, and given/when/then for deciders and views.
 */

/** Registers the `EventStore` conformance suite for a store: one `describe` per group, one `it` per case. */
export { describeEventStoreConformance } from './conformance/describe-conformance.js';
/** Given/when/then for a decider: `given(events).when(command).then(events | rejection)`. */
export {
  deciderSpecification,
  type DeciderExpectation,
  type DeciderThen,
  type DeciderWhen,
} from './deciders/decider-specification.js';
/** Given/when/then for a view: `projectionSpecification(createView)(events).then(...)` or `.thenSnapshot(state)`. */
export {
  projectionSpecification,
  type ProjectionThen,
  type SnapshotStateOf,
  type SpecifiedView,
} from './projections/projection-specification.js';
