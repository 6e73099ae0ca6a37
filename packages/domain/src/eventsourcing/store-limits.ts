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
