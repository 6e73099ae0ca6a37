/**
 * Test support for borough-command: the `EventStore` conformance suite, given/when/then for
 * deciders and views, decider laws, fast-check arbitraries of commands, events and valid
 * histories, generated London histories large and small, and a model-based test of the whole system.
 */
export * from './conformance/index.js';
export * from './deciders/decider-specification.js';
export * from './arbitraries/appointment.js';
export * from './arbitraries/posting.js';
export * from './arbitraries/restructure.js';
export * from './deciders/decider-laws.js';
export type { SizeRange, SizeOption } from './london/size-range.js';
export {
  londonHistoryArbitrary,
  londonHistoryPolicy,
  boroughsInBcuOrder,
  type LondonHistory,
  type LondonHistoryBcu,
  type LondonHistoryOptions,
  type RestructureOption,
} from './london/london-history.js';
export { runLondonHistory, readAllEvents, type LondonHistoryRun, type RunLondonHistoryOptions } from './london/run-london-history.js';
export { largeHistory, LARGE_HISTORY_LAST_DAY, type LargeHistory, type LargeHistoryOptions } from './large/large-history.js';
export { writeJournalFile, type JournalFileSummary } from './large/journal-file.js';
export { envelopesOf, streamOfEvent, type EnvelopeOptions, type GivenEvent } from './projections/envelopes.js';
export { projectionSpecification, type ProjectionThen, type SnapshotStateOf } from './projections/projection-specification.js';
export {
  checkBoroughCommandModel,
  type BoroughCommandModelOptions,
  type BoroughCommandModelReport,
  type ModelViews,
} from './model/check-borough-command-model.js';
export {
  checkConcurrentCommands,
  type ConcurrentCommandsOptions,
  type ConcurrentCommandsReport,
} from './reliability/check-concurrent-commands.js';
export { checkLedger, type LedgerCheck } from './reliability/ledger-check.js';
export { postingViolations, restructureViolations, type CrossAggregateViolation } from './reliability/rule-checks.js';
export * from './fuzz/index.js';
