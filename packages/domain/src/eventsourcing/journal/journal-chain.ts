import * as E from 'fp-ts/lib/Either.js';
import type { CodecRegistry } from '../codec-registry.js';
import type { EventShape, RecordedEvent } from '../envelope.js';
import { describeStoreError, type JournalCorrupt } from '../errors.js';
import { decodeMetadata } from '../metadata-codec.js';
import { GENESIS_HASH, parseJournalLine, type JournalRecord } from './journal-line.js';

/** Checks journal lines in order: each line intact, chained to the one before, in sequence. */
export interface JournalChain {
  /** Checks the next complete line; `lineNumber` counts from 1. */
  readonly accept: (line: string, lineNumber: number) => E.Either<JournalCorrupt, JournalRecord>;
  /** Hash of the last accepted line: the `prev` of the next line written. */
  readonly head: () => string;
  /** Number of lines accepted. */
  readonly count: () => number;
  /** Revision of a stream's last accepted event, or -1n. */
  readonly lastRevision: (stream: string) => bigint;
}

/** Starts a chain check for `file` (named in errors). */
export const createJournalChain = (file: string): JournalChain => {
  let head = GENESIS_HASH;
  let count = 0;
  const revisions = new Map<string, bigint>();
  const corrupt = (line: number, reason: string): E.Either<JournalCorrupt, never> =>
    E.left({ _tag: 'JournalCorrupt', file, line, reason });

  const accept = (line: string, lineNumber: number): E.Either<JournalCorrupt, JournalRecord> => {
    const parsed = parseJournalLine(line);
    if (E.isLeft(parsed)) return corrupt(lineNumber, parsed.left);
    const record = parsed.right;
    if (record.prev !== head) {
      return corrupt(
        lineNumber,
        count === 0
          ? 'the first line does not start the chain: lines before it were deleted'
          : 'the line does not follow the line before it: a line was deleted, inserted or moved',
      );
    }
    if (record.position !== BigInt(count)) {
      return corrupt(lineNumber, `position ${record.position.toString()} where ${String(count)} was expected`);
    }
    const expectedRevision = (revisions.get(record.stream) ?? -1n) + 1n;
    if (record.revision !== expectedRevision) {
      return corrupt(
        lineNumber,
        `stream '${record.stream}' revision ${record.revision.toString()} where ${expectedRevision.toString()} was expected`,
      );
    }
    revisions.set(record.stream, record.revision);
    head = record.hash;
    count += 1;
    return E.right(record);
  };

  return { accept, head: () => head, count: () => count, lastRevision: (stream) => revisions.get(stream) ?? -1n };
};

/** Decodes a checked journal record into an event through the registry, naming file and line on failure. */
export const decodeJournalRecord = <E extends EventShape>(
  registry: CodecRegistry<E>,
  file: string,
  lineNumber: number,
  record: JournalRecord,
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
    stream: record.stream,
    revision: record.revision,
    position: record.position,
  });
};
