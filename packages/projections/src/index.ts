/**
 * borough-command's read models: tenure (TE-1), continuity (TE-2), careers (TE-3), accountability
 * as at a date (AC-1), appointment compliance (AC-2) and audit trails (AU-1), folded from the
 * domain's events, each row and figure naming the events it comes from; and the runner that feeds
 * them from any `EventStore` with checkpoints.
 */
export * from './views/envelope.js';
export * from './views/event-ref.js';
export * from './views/projection.js';
export * from './views/units.js';
export * from './views/posting-rows.js';
export * from './views/create-views.js';
export * from './tenure/tenure-periods.js';
export * from './tenure/tenure-view.js';
export * from './continuity/continuity-figures.js';
export * from './continuity/continuity-view.js';
export * from './careers/career-view.js';
export * from './accountability/accountability-view.js';
export type { AccountabilitySnapshotState } from './accountability/accountability-snapshot.js';
export * from './compliance/compliance-rules.js';
export * from './compliance/compliance-view.js';
export type { Fact, ProcessFacts } from './compliance/process-facts.js';
export type { RecordedDeparture } from './compliance/departures.js';
export * from './audit/audit-entry.js';
export * from './audit/audit-view.js';
export * from './policy/policy-view.js';
export * from './runner/checkpoint.js';
export * from './runner/file-checkpoint-store.js';
export * from './runner/runner-errors.js';
export * from './runner/apply-events.js';
export { applyBatch, PROJECTIONS_TRACER_NAME, type BatchSource } from './runner/apply-batch.js';
export * from './runner/runner.js';
export * from './runner/rebuild.js';
export * from './runner/explain.js';
