import type { StoreError } from './errors.js';

/** Limits a store applies to what it is asked to write. */
export interface StoreLimits {
  /** Largest serialized event data in bytes (UTF-16 code units of its JSON). */
  readonly maxEventBytes: number;
  /** Most events in one append. */
  readonly maxEventsPerAppend: number;
  /** Longest stream name in characters. */
  readonly maxStreamNameLength: number;
}

/** Defaults: 1 MiB per event, 10,000 events per append, 200 characters per stream name. */
export const defaultStoreLimits: StoreLimits = {
  maxEventBytes: 1_048_576,
  maxEventsPerAppend: 10_000,
  maxStreamNameLength: 200,
};

/** Most characters each metadata field (event, command, correlation and causation ids, actor, timestamp) may have. */
export const MAX_METADATA_FIELD_LENGTH = 1000;

/** Bytes of a journal line beyond its event data and stream name: its own fields, the event type and the metadata. */
const JOURNAL_LINE_ALLOWANCE = 1_048_576;

/**
 * The longest journal line, in bytes, a journal store with these limits can write, so the longest a
 * reader accepts: the event data at up to 3 UTF-8 bytes per UTF-16 code unit, the stream name at up
 * to 6 bytes per character (escaped), and 1 MiB for the rest (metadata fields are at most
 * `MAX_METADATA_FIELD_LENGTH` characters). 4,195,504 bytes with `defaultStoreLimits`. Checking a
 * line against it is one comparison, so a line too long to be the journal's own is refused before
 * it is held in memory.
 */
export const journalLineLimit = (limits: StoreLimits): number =>
  3 * limits.maxEventBytes + 6 * limits.maxStreamNameLength + JOURNAL_LINE_ALLOWANCE;

/** An `InvalidStoreArgument` error. */
export const invalidArgument = (operation: string, reason: string): StoreError => ({
  _tag: 'InvalidStoreArgument',
  operation,
  reason,
});

/** Checks a stream name: not empty, not too long, not a `$` system stream. */
export const checkStreamName = (stream: unknown, operation: string, maxLength: number): StoreError | undefined => {
  if (typeof stream !== 'string' || stream.length === 0) return invalidArgument(operation, 'the stream name is empty');
  if (stream.length > maxLength) {
    return invalidArgument(operation, `the stream name is longer than ${String(maxLength)} characters`);
  }
  if (stream.startsWith('$')) {
    return invalidArgument(operation, `stream '${stream}' is a system stream; names starting with '$' are reserved`);
  }
  return undefined;
};
