import * as E from 'fp-ts/lib/Either.js';
import type { CodecRegistry } from '../codec-registry.js';
import type { EventShape, RecordedEvent } from '../envelope.js';
import { describeStoreError, type JournalCorrupt } from '../errors.js';
import { decodeMetadata } from '../metadata-codec.js';
import { defaultStoreLimits } from '../store-limits.js';
import { GENESIS_HASH, parseJournalLine, type JournalRecord } from './journal-line.js';

/**
 * Checks journal lines in order: each line intact, chained to the one before, in sequence, and in
 * its batch. A batch (the lines of one append) counts only once its last line is accepted: `head`,
 * `count` and `lastRevision` describe the complete batches, and `unfinished` the lines of the batch
 * still open.
 */
export interface JournalChain {
  /** Checks the next complete line; `lineNumber` counts from 1. */
  readonly accept: (line: string, lineNumber: number) => E.Either<JournalCorrupt, JournalRecord>;
  /** Hash of the last line of the last complete batch: the `prev` of the next line written. */
  readonly head: () => string;
  /** Number of lines in complete batches. */
  readonly count: () => number;
  /** Number of lines accepted of a batch not yet complete; 0 when every batch is complete. */
  readonly unfinished: () => number;
  /** Revision of a stream's last event in a complete batch, or -1n. */
  readonly lastRevision: (stream: string) => bigint;
  /** Where the complete batches leave the chain: what a later check resumes from. */
  readonly state: () => JournalChainState;
}

/** Where a chain stands after its complete batches: the head hash, the lines, every stream's last revision. */
export interface JournalChainState {
  readonly head: string;
  readonly count: number;
  readonly revisions: ReadonlyMap<string, bigint>;
}

/** Options of a chain check. */
export interface JournalChainOptions {
  /** Most lines a batch may declare; a larger batch is corruption. `defaultStoreLimits.maxEventsPerAppend` by default. */
  readonly maxBatchSize?: number;
  /** Checks lines that follow the complete batches a chain already checked; from the first line by default. */
  readonly from?: JournalChainState;
}

/** Starts a chain check for `file` (named in errors). */
export const createJournalChain = (file: string, options: JournalChainOptions = {}): JournalChain => {
  const maxBatchSize = options.maxBatchSize ?? defaultStoreLimits.maxEventsPerAppend;
  // the complete batches
  let head = options.from?.head ?? GENESIS_HASH;
  let count = options.from?.count ?? 0;
  const revisions = new Map<string, bigint>(options.from?.revisions ?? []);
  // the lines accepted so far, complete batches or not
  let lastHash = head;
  let accepted = count;
  /** The batch still open: the line it starts at, its size, its lines so far and the revisions they reached. */
  let open: { readonly firstLine: number; readonly size: number; lines: number; readonly revisions: Map<string, bigint> } | undefined;
  const corrupt = (line: number, reason: string): E.Either<JournalCorrupt, never> =>
    E.left({ _tag: 'JournalCorrupt', file, line, reason });

  const checkBatch = (record: JournalRecord, lineNumber: number): E.Either<JournalCorrupt, void> => {
    const { index, size } = record.batch;
    if (size > maxBatchSize) {
      return corrupt(lineNumber, `a batch of ${String(size)} lines is larger than the ${String(maxBatchSize)} events an append may hold`);
    }
    if (open === undefined) {
      if (index !== 0) {
        return corrupt(
          lineNumber,
          `the line is at index ${String(index)} of a batch of ${String(size)}, but no batch is open: a batch starts at index 0`,
        );
      }
      return E.right(undefined);
    }
    if (index === 0) {
      return corrupt(
        lineNumber,
        `the line starts a new batch, but the batch starting at line ${String(open.firstLine)} has only ${String(open.lines)} of its ` +
          `${String(open.size)} lines: an append was cut short in the middle of the journal`,
      );
    }
    if (size !== open.size) {
      return corrupt(
        lineNumber,
        `batch size ${String(size)} where ${String(open.size)} was expected (the batch starts at line ${String(open.firstLine)})`,
      );
    }
    if (index !== open.lines) return corrupt(lineNumber, `batch index ${String(index)} where ${String(open.lines)} was expected`);
    return E.right(undefined);
  };

  const accept = (line: string, lineNumber: number): E.Either<JournalCorrupt, JournalRecord> => {
    const parsed = parseJournalLine(line);
    if (E.isLeft(parsed)) return corrupt(lineNumber, parsed.left);
    const record = parsed.right;
    if (record.prev !== lastHash) {
      return corrupt(
        lineNumber,
        accepted === 0
          ? 'the first line does not start the chain: lines before it were deleted'
          : 'the line does not follow the line before it: a line was deleted, inserted or moved',
      );
    }
    if (record.position !== BigInt(accepted)) {
      return corrupt(lineNumber, `position ${record.position.toString()} where ${String(accepted)} was expected`);
    }
    const expectedRevision = (open?.revisions.get(record.stream) ?? revisions.get(record.stream) ?? -1n) + 1n;
    if (record.revision !== expectedRevision) {
      return corrupt(
        lineNumber,
        `stream '${record.stream}' revision ${record.revision.toString()} where ${expectedRevision.toString()} was expected`,
      );
    }
    const inBatch = checkBatch(record, lineNumber);
    if (E.isLeft(inBatch)) return inBatch;

    lastHash = record.hash;
    accepted += 1;
    if (open === undefined && record.batch.size === 1) {
      // A batch of one line (most appends) is complete at once: no open batch to keep.
      revisions.set(record.stream, record.revision);
      head = lastHash;
      count = accepted;
      return E.right(record);
    }
    open ??= { firstLine: lineNumber, size: record.batch.size, lines: 0, revisions: new Map() };
    open.lines += 1;
    open.revisions.set(record.stream, record.revision);
    if (record.batch.index + 1 === record.batch.size) {
      for (const [stream, revision] of open.revisions) revisions.set(stream, revision);
      open = undefined;
      head = lastHash;
      count = accepted;
    }
    return E.right(record);
  };

  return {
    accept,
    head: () => head,
    count: () => count,
    unfinished: () => accepted - count,
    lastRevision: (stream) => revisions.get(stream) ?? -1n,
    state: () => ({ head, count, revisions: new Map(revisions) }),
  };
};

/**
 * Decodes a checked journal record into an event through the registry, naming file and line on
 * failure. `stream` is the record's stream name as the caller keeps it (a reader keeps one string
 * per stream, so the events of a stream share it); the record's own by default.
 */
export const decodeJournalRecord = <E extends EventShape>(
  registry: CodecRegistry<E>,
  file: string,
  lineNumber: number,
  record: JournalRecord,
  stream: string = record.stream,
): E.Either<JournalCorrupt, RecordedEvent<E>> => {
  const where = { stream: record.stream, revision: record.revision, type: record.type };
  const metadata = decodeMetadata(record.metadata, where);
  if (E.isLeft(metadata)) {
    return E.left({ _tag: 'JournalCorrupt', file, line: lineNumber, reason: describeStoreError(metadata.left) });
  }
  const event = registry.decode({ type: record.type, schemaVersion: metadata.right.schemaVersion, data: record.data }, where);
  if (E.isLeft(event)) return E.left({ _tag: 'JournalCorrupt', file, line: lineNumber, reason: describeStoreError(event.left) });
  return E.right({
    event: event.right,
    metadata: metadata.right,
    stream,
    revision: record.revision,
    position: record.position,
  });
};
