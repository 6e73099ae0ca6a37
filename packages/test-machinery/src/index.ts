/**
 * This repository's own test machinery, used by its tests and bench only (a private package):
 * generated London histories and their run, large histories and journal files, the model of the
 * whole system, fuzzing of bad input and the reliability checks of concurrent writers.
 */

/** A size: a most, or a `SizeRange`; and the range itself. */
export type { SizeRange, SizeOption } from './london/size-range.js';
/** Generated valid London histories (the plans of `@borough-command/cli/london-history`'s generator drawn by fast-check), and the order boroughs join them in. */
export {
  londonHistoryArbitrary,
  boroughsInBcuOrder,
  type LondonHistoryOptions,
  type RestructureOption,
} from './london/london-history.js';
/** The generator's history, its BCUs and its default policy (`record` mode), as `@borough-command/cli/london-history` exports them. */
export { londonHistoryPolicy, type LondonHistory, type LondonHistoryBcu } from '@borough-command/cli/london-history';
/** Runs a London history through the domain service, and reads a store's events whole. */
export { runLondonHistory, readAllEvents, type LondonHistoryRun, type RunLondonHistoryOptions } from './london/run-london-history.js';
/** Millions of valid events from a seed, in constant memory. */
export { largeHistory, LARGE_HISTORY_LAST_DAY, type LargeHistory, type LargeHistoryOptions } from './large/large-history.js';
/** Writes a large history as a journal file the journal store opens. */
/** The model-based test of the whole system: random commands checked against a model after every step. */
export {
  checkBoroughCommandModel,
  type BoroughCommandModelOptions,
  type BoroughCommandModelReport,
  type ModelViews,
} from './model/check-borough-command-model.js';
/** Rounds of concurrent commands against one store, duplicates included, checked against a ledger. */
export {
  checkConcurrentCommands,
  type ConcurrentCommandsOptions,
  type ConcurrentCommandsReport,
} from './reliability/check-concurrent-commands.js';
/** Checks that each command's events are recorded once and together. */
export { checkLedger, type LedgerCheck } from './reliability/ledger-check.js';
/** Rules across aggregates a store's events must keep. */
export { postingViolations, restructureViolations, type CrossAggregateViolation } from './reliability/rule-checks.js';
/** Fuzz run counts and a tally of outcomes. */
export { FUZZ_RUNS_VARIABLE, fuzzRuns, fuzzTimeout, createFuzzTally, type FuzzTally } from './fuzz/fuzz-runs.js';
/** A guard that Object.prototype is left untouched. */
export { prototypeSnapshot, prototypePollution, type PrototypeSnapshot } from './fuzz/prototype-guard.js';
/** Hostile values: impossible dates, control characters, lone surrogates, deep nesting, polluting payloads. */
export {
  impossibleDateArbitrary,
  controlCharacterArbitrary,
  loneSurrogateArbitrary,
  hostileStringArbitrary,
  jsonKindOf,
  otherKindArbitrary,
  deepNestingArbitrary,
  prototypeKeys,
  pollutingPayloadArbitrary,
  unknownFieldNameArbitrary,
  unknownFieldValueArbitrary,
  type JsonKind,
} from './fuzz/hostile-values.js';
/** The shape of an io-ts codec, slot by slot. */
export { pathWith, codecShapeOf, type PathKey, type CodecSlot, type CodecObject, type CodecShape } from './fuzz/codec-slots.js';
/** Edits a JSON text at a path. */
export { spliceJson, type JsonEdit } from './fuzz/json-splice.js';
/** A value broken in one field. */
export { brokenValueKinds, namesBrokenField, brokenValueArbitrary, type BrokenValueKind, type BrokenValue, type BreakOptions } from './fuzz/broken-values.js';
/** Broken commands: bad fields, unknown types, unknown fields, malformed JSON. */
export {
  commandCodecOf,
  anyCommandArbitrary,
  unknownCommandTypeArbitrary,
  badCommandArbitrary,
  commandWithUnknownFieldsArbitrary,
  malformedJsonArbitrary,
  type BadCommandKind,
  type BadCommand,
  type CommandWithUnknownFields,
} from './fuzz/bad-commands.js';
/** Broken stored events: unknown types, bad metadata, bad data. */
export {
  unknownEventTypeArbitrary,
  badMetadataStringArbitrary,
  badStoredEventArbitrary,
  type StoredEventSample,
  type BadStoredEventKind,
  type BadStoredEvent,
} from './fuzz/bad-events.js';
/** Damaged and torn journals. */
export { journalLineSamples, damagedJournalArbitrary, tornJournalArbitrary, type JournalDamageKind, type DamagedJournal, type TornJournal } from './fuzz/damaged-journals.js';
/** A small valid journal file to damage. */
export { writeSampleJournal } from './fuzz/sample-journal.js';
/** An OpenTelemetry SDK for tests that keeps every finished span, and helpers to read the spans. */
export { startSpanRecorder, traceparentOfSpan, childrenOf, onlySpan, everyTextOf, type SpanRecorder } from './tracing/span-recorder.js';
/** A TypeScript script of the repository bundled once per process, for tests that start it as a child with plain `node`. */
export { bundledScript } from './processes/bundled-script.js';
