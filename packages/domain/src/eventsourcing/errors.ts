import { showExpectedRevision, type ExpectedRevision, type StreamRevision } from './expected-revision.js';

/** The append's expected revision did not match the stream. Reload, decide again, retry. */
export interface WrongExpectedRevision {
  readonly _tag: 'WrongExpectedRevision';
  readonly stream: string;
  readonly expected: ExpectedRevision;
  readonly actual: StreamRevision;
}

/** The stream has never been written to. */
export interface StreamNotFound {
  readonly _tag: 'StreamNotFound';
  readonly stream: string;
}

/** The stream was deleted (EventStoreDB soft delete or tombstone). */
export interface StreamDeleted {
  readonly _tag: 'StreamDeleted';
  readonly stream: string;
}

/** An event's type has no codec in the registry. */
export interface UnknownEventType {
  readonly _tag: 'UnknownEventType';
  readonly stream: string;
  readonly revision: bigint | undefined;
  readonly type: string;
}

/** An event's data or metadata did not match its codec. `path` names the field inside the event. */
export interface EventDecodeFailed {
  readonly _tag: 'EventDecodeFailed';
  readonly stream: string;
  readonly revision: bigint | undefined;
  readonly type: string;
  readonly schemaVersion: number | undefined;
  readonly path: string;
  readonly reason: string;
}

/** A journal file holds a line that is not a valid, chained record. */
export interface JournalCorrupt {
  readonly _tag: 'JournalCorrupt';
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

/** Another process holds the journal file open for writing. */
export interface JournalLocked {
  readonly _tag: 'JournalLocked';
  readonly file: string;
  readonly holder: string;
}

/**
 * A journal read asked to resume from a place an earlier read reached (after line `line`, `bytes`
 * into the file) that the file no longer holds: it is shorter, or the line there is another. Read
 * it from the start instead.
 */
export interface JournalResumePointGone {
  readonly _tag: 'JournalResumePointGone';
  readonly file: string;
  readonly line: number;
  readonly bytes: number;
  readonly reason: string;
}

/** The store cannot be reached now; the operation may be retried safely. */
export interface StoreUnavailable {
  readonly _tag: 'StoreUnavailable';
  readonly retryable: true;
  readonly operation: string;
  readonly reason: string;
}

/**
 * An append whose answer never came although its request may have reached the store (its deadline
 * passed, or the connection was lost after it was sent): the store may hold its events or not.
 * Only reading the stream back tells; running the same command again is safe, since its events
 * keep their ids and a command already applied writes nothing.
 */
export interface AppendOutcomeUnknown {
  readonly _tag: 'AppendOutcomeUnknown';
  readonly stream: string;
  readonly expected: ExpectedRevision;
  /** The ids of the events the append carried, in order: how a reader finds them if they were written. */
  readonly eventIds: readonly string[];
  readonly reason: string;
}

/** The store was closed before or during the operation. */
export interface StoreClosed {
  readonly _tag: 'StoreClosed';
  readonly operation: string;
}

/** An argument given to the store was not acceptable (empty stream name, event too large, ...). */
export interface InvalidStoreArgument {
  readonly _tag: 'InvalidStoreArgument';
  readonly operation: string;
  readonly reason: string;
}

/** Every error an `EventStore` can return. */
export type StoreError =
  | WrongExpectedRevision
  | StreamNotFound
  | StreamDeleted
  | UnknownEventType
  | EventDecodeFailed
  | JournalCorrupt
  | JournalLocked
  | JournalResumePointGone
  | StoreUnavailable
  | AppendOutcomeUnknown
  | StoreClosed
  | InvalidStoreArgument;

/** Errors of a decoded event read back from a store. */
export type EventReadError = UnknownEventType | EventDecodeFailed;

const at = (stream: string, revision: bigint | undefined): string =>
  revision === undefined ? `stream '${stream}'` : `stream '${stream}' at revision ${revision.toString()}`;

const eventsNamed = (ids: readonly string[]): string => {
  const shown = ids.slice(0, 3).join(', ');
  if (ids.length === 1) return `event ${shown}`;
  return ids.length <= 3 ? `events ${shown}` : `events ${shown} and ${String(ids.length - 3)} more`;
};

/** One sentence saying what went wrong and where, for logs and command lines. */
export const describeStoreError = (error: StoreError): string => {
  switch (error._tag) {
    case 'WrongExpectedRevision':
      return `append to stream '${error.stream}' expected ${showExpectedRevision(error.expected)} but the stream is at ${showExpectedRevision(error.actual)}; reload and decide again`;
    case 'StreamNotFound':
      return `stream '${error.stream}' does not exist`;
    case 'StreamDeleted':
      return `stream '${error.stream}' was deleted`;
    case 'UnknownEventType':
      return `unknown event type '${error.type}' in ${at(error.stream, error.revision)}`;
    case 'EventDecodeFailed':
      return `event '${error.type}'${error.schemaVersion === undefined ? '' : ` v${String(error.schemaVersion)}`} in ${at(error.stream, error.revision)} is invalid at '${error.path}': ${error.reason}`;
    case 'JournalCorrupt':
      return `${error.file}:${String(error.line)}: ${error.reason}`;
    case 'JournalLocked':
      return `journal ${error.file} is already open for writing by ${error.holder}; only one writer at a time`;
    case 'JournalResumePointGone':
      return `${error.file} no longer holds the place an earlier read reached (after line ${String(error.line)}, byte ${String(error.bytes)}): ${error.reason}; read it from the start`;
    case 'StoreUnavailable':
      return `${error.operation} failed: the store is unavailable (${error.reason}); the operation is safe to retry`;
    case 'AppendOutcomeUnknown':
      return `append to stream '${error.stream}' (expected ${showExpectedRevision(error.expected)}, ${eventsNamed(error.eventIds)}) has an unknown outcome (${error.reason}): the store may hold its events or not; run the same command again, which writes them at most once`;
    case 'StoreClosed':
      return `${error.operation} failed: the store is closed`;
    case 'InvalidStoreArgument':
      return `${error.operation}: ${error.reason}`;
  }
};

/**
 * Tells whether retrying the same operation may succeed. An `AppendOutcomeUnknown` is retried by
 * running the same command again (same command id, same event ids), never by deciding anew.
 */
export const isRetryable = (error: StoreError): boolean =>
  error._tag === 'StoreUnavailable' || error._tag === 'WrongExpectedRevision' || error._tag === 'AppendOutcomeUnknown';
