/**
 * borough-command's read models: tenure (TE-1), continuity (TE-2), careers (TE-3), accountability
 * as at a date (AC-1), appointment compliance (AC-2) and audit trails (AU-1), folded from the
 * domain's events, each row and figure naming the events it comes from; and the runner that feeds
 * them from any `EventStore` with checkpoints.
 */
export type { DomainEnvelope, DomainEventOf, EventDataOf } from './views/envelope.js';
export {
  BigIntStringCodec,
  EventRefJsonCodec,
  loadOptionalRef,
  loadRef,
  OptionalEventRefJsonCodec,
  presentRefs,
  refOf,
  saveOptionalRef,
  saveRef,
  sortedRefs,
  type EventRef,
  type EventRefJson,
} from './views/event-ref.js';
export {
  createViewCore,
  isSectioned,
  SNAPSHOT_FORMAT,
  snapshotRejected,
  type Projection,
  type SectionedProjection,
  type SectionedSnapshot,
  type SnapshotRejected,
  type ViewCore,
  type ViewDefinition,
  type ViewSnapshot,
} from './views/projection.js';
export {
  bcuUnit,
  boroughUnit,
  compareText,
  compareUnits,
  emptyUnitIndex,
  principalRole,
  unitEntries,
  unitKey,
  unitValue,
  unitValueOrNew,
  type UnitIndex,
} from './views/units.js';
export {
  breachRow,
  comparePostings,
  endRow,
  loadRow,
  PostingRowJsonCodec,
  reportPosting,
  saveRow,
  startRow,
  takeUpRow,
  type MinimumTermStatus,
  type PostingReport,
  type PostingRow,
  type PostingRowJson,
} from './views/posting-rows.js';
export { createViews, projectionsOf, type BoroughCommandViews } from './views/create-views.js';
export { periodsBetweenPostings, type PeriodKind, type TenurePeriod } from './tenure/tenure-periods.js';
export {
  createTenureView,
  TENURE_VIEW,
  TenureSnapshotStateCodec,
  type TenureSnapshotState,
  type TenureView,
  type UnitTenure,
} from './tenure/tenure-view.js';
export {
  continuityFigures,
  medianOfSorted,
  type ContinuityFigures,
  type ContinuityScope,
  type EarlyDeparture,
  type EndedPosting,
} from './continuity/continuity-figures.js';
export {
  CONTINUITY_VIEW,
  ContinuitySnapshotStateCodec,
  createContinuityView,
  type ContinuitySnapshotState,
  type ContinuityView,
} from './continuity/continuity-view.js';
export {
  CAREER_VIEW,
  CareerSnapshotStateCodec,
  createCareerView,
  type Career,
  type CareerSnapshotState,
  type CareerView,
} from './careers/career-view.js';
export {
  ACCOUNTABILITY_VIEW,
  createAccountabilityView,
  type Accountability,
  type AccountabilityView,
  type CommanderDesignate,
  type CommanderOnDate,
  type NotALondonBorough,
} from './accountability/accountability-view.js';
export type { AccountabilitySnapshotState } from './accountability/accountability-snapshot.js';
export {
  checkCompliance,
  complianceChecks,
  localAuthorityInvolvement,
  type ComplianceStatus,
  type Judge,
  type RuleCompliance,
} from './compliance/compliance-rules.js';
export {
  COMPLIANCE_VIEW,
  ComplianceSnapshotStateCodec,
  createComplianceView,
  type AppointmentCompliance,
  type ComplianceSnapshotState,
  type ComplianceView,
  type LocalAuthorityShare,
  type ProcessStage,
} from './compliance/compliance-view.js';
export type { Fact, ProcessFacts } from './compliance/process-facts.js';
export type { RecordedDeparture } from './compliance/departures.js';
export { describeAppointmentEvent, unitText, type AuditDescription, type NamedPerson } from './audit/audit-entry.js';
export {
  AUDIT_VIEW,
  AuditSnapshotStateCodec,
  createAuditView,
  type AuditEntry,
  type AuditSnapshotState,
  type AuditTrail,
  type AuditView,
} from './audit/audit-view.js';
export {
  createPolicyView,
  POLICY_VIEW,
  PolicySnapshotStateCodec,
  type JudgedBy,
  type JudgedVersion,
  type PolicySnapshotState,
  type PolicyView,
} from './policy/policy-view.js';
export { createInMemoryCheckpointStore } from './runner/in-memory-checkpoint-store.js';
export { createFileCheckpointStore } from './runner/file-checkpoint-store.js';
export {
  checkpointFailed,
  runnerCrashed,
  snapshotNotRestored,
  storeFailed,
  type CheckpointFailed,
  type ProjectionFailed,
  type RunnerCrashed,
  type RunnerError,
  type SnapshotNotRestored,
  type StoreFailed,
} from './runner/runner-errors.js';
export { applyToAll, domainStreamPrefixes } from './runner/apply-events.js';
export { applyBatch, PROJECTIONS_TRACER_NAME, type BatchSource } from './runner/apply-batch.js';
export { catchUp, checkpointOf, startRunner, type ProjectionRunner, type RunnerOptions, type RunnerSummary } from './runner/runner.js';
export { rebuildViews, type RebuildOptions } from './runner/rebuild.js';
export { eventsBehind, type CitedEventMissing } from './runner/explain.js';
