/**
 * A small event-sourcing kernel with no domain words in it: envelopes, codecs, the `EventStore`
 * port, the in-memory and journal stores, and the command handler. This entry is the only path to
 * the kernel; every name below is listed, with its doc comment, in docs/api/domain-eventsourcing.md
 * (`npm run docs:api`).
 */

/** Events as written and as read, with their metadata. */
export type { EventMetadata, EventShape, NewEvent, NewEventMetadata, RecordedEvent } from './envelope.js';
/** Optimistic concurrency: the revision an append expects. */
export { satisfiesExpectedRevision, showExpectedRevision, type ExpectedRevision, type StreamRevision } from './expected-revision.js';
/** The store's errors, as a discriminated union, and how to read them. */
export {
  describeStoreError,
  isRetryable,
  type AppendOutcomeUnknown,
  type EventDecodeFailed,
  type EventReadError,
  type InvalidStoreArgument,
  type JournalCorrupt,
  type JournalLocked,
  type JournalResumePointGone,
  type StoreClosed,
  type StoreError,
  type StoreUnavailable,
  type StreamDeleted,
  type StreamNotFound,
  type UnknownEventType,
  type WrongExpectedRevision,
} from './errors.js';
/** What a failed decode found wrong, where, and in words. */
export { firstProblem, joinPath, showValue, type ValidationProblem } from './validation-report.js';

/** Event codecs: one definition per event type, gathered in a registry. */
export {
  createRegistry,
  defineEvent,
  type AnyEventDefinition,
  type CodecRegistry,
  type EventDefinition,
  type EventLocation,
  type EventOf,
  type StoredEventData,
  type Upcaster,
} from './codec-registry.js';
/** The metadata every event carries, checked. */
export { decodeMetadata, EventMetadataCodec } from './metadata-codec.js';
/** Event IDs derived from the command that caused them, so a retried append is recognised. */
export { deriveEventId, isEventId } from './event-id.js';

/** The store port every adapter implements. */
export {
  matchesPrefixes,
  type AllEventsFilter,
  type AppendResult,
  type EventStore,
  type ReadAllOptions,
  type ReadStreamOptions,
  type Subscription,
  type SubscriptionMessage,
} from './event-store.js';
/** The checkpoint store port a projection runner saves to, its errors, and the checkpoint's io-ts codec. */
export {
  CHECKPOINT_FORMAT,
  CheckpointCodec,
  checkpointCorrupt,
  checkpointUnreadable,
  checkpointUnwritable,
  decodeCheckpoint,
  type Checkpoint,
  type CheckpointCorrupt,
  type CheckpointError,
  type CheckpointStore,
  type CheckpointUnreadable,
  type CheckpointUnwritable,
} from './checkpoint-store.js';
/** The limits every store enforces on stream names, metadata and batches, and the checks adapters share. */
export { checkStreamName, defaultStoreLimits, invalidArgument, MAX_METADATA_FIELD_LENGTH, type StoreLimits } from './store-limits.js';
/** Events encoded for an adapter's append. */
export { encodeAppend, type EncodedEvent } from './append-encoding.js';
/** Settling an append whose outcome is unknown by looking for its event IDs. */
export { settleAppendByEventIds, type AppendSettlement } from './settle-append.js';

/** The in-memory store. */
export { createInMemoryStore, type InMemoryStoreOptions } from './in-memory-store.js';
/**
 * The journal store: its constructor, options and result (its errors are `JournalCorrupt`,
 * `JournalLocked` and `JournalResumePointGone` above), and its operations on a journal file without
 * a store open. The line format and its hash chain stay inside (docs/architecture.md).
 */
export {
  openJournalStore,
  readJournalFile,
  writeJournalFile,
  type JournalPage,
  type JournalRecovery,
  type JournalResumePoint,
  type JournalStore,
  type JournalStoreOptions,
  type JournalSummary,
  type ReadJournalFileOptions,
  type TornTail,
  type WrittenJournal,
} from './journal/journal-store.js';

/** Deciders and the command handler that runs them against a store. */
export type { Decider } from './decider.js';
export {
  createCommandHandler,
  type CommandContext,
  type CommandError,
  type CommandHandler,
  type CommandHandlerOptions,
  type CommandRejected,
  type CommandResult,
  type CommandShape,
  type TooManyConflicts,
} from './command-handler.js';

/** Tracing: the store wrapper and the W3C trace context carried in event metadata. */
export { tracedEventStore } from './tracing/traced-event-store.js';
export { activeTraceparent, spanContextOfTraceparent, traceparentOf } from './tracing/trace-context.js';
export { DOMAIN_TRACER_NAME } from './tracing/kernel-tracer.js';
