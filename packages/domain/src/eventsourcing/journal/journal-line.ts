import { hash as digestOf } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import type { EventMetadata } from '../envelope.js';

/** The `prev` of a journal's first line. */
export const GENESIS_HASH = '0'.repeat(64);

/** Where a line stands in the batch its append wrote: event `index` (from 0) of `size`. */
export interface JournalBatch {
  readonly index: number;
  readonly size: number;
}

/** One line of a journal, parsed: an event in its stored form, chained to the line before it. */
export interface JournalRecord {
  /** Hash of the previous line (`GENESIS_HASH` on the first line). */
  readonly prev: string;
  readonly stream: string;
  readonly revision: bigint;
  readonly position: bigint;
  /** The line's place in its append: a batch is recovered only when all its lines are there. */
  readonly batch: JournalBatch;
  readonly type: string;
  readonly data: unknown;
  /** Stored metadata, not yet validated. */
  readonly metadata: unknown;
  /** SHA-256 of the line up to the hash field, `prev` included. */
  readonly hash: string;
}

const HASH_FIELD = ',"hash":"';
const HASH_SUFFIX_LENGTH = HASH_FIELD.length + 64 + '"}'.length;

/** Whether `text` holds 64 lower-case hex digits from `from` on (a SHA-256 in hex), read in place. */
const isHashAt = (text: string, from: number): boolean => {
  if (from < 0 || from + 64 > text.length) return false;
  for (let index = from; index < from + 64; index++) {
    const code = text.charCodeAt(index);
    // 0-9 or a-f
    if (!((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x66))) return false;
  }
  return true;
};

/** Whether the line ends with `,"hash":"<64 hex digits>"}`, checked in place without copying it. */
const endsWithHash = (line: string): boolean => {
  const at = line.length - HASH_SUFFIX_LENGTH;
  return at >= 0 && line.startsWith(HASH_FIELD, at) && line.endsWith('"}') && isHashAt(line, at + HASH_FIELD.length);
};
const DIGITS = /^(0|[1-9][0-9]*)$/;

// One call per line: the one-shot digest costs less than a Hash object per line.
const sha256 = (text: string): string => digestOf('sha256', text, 'hex');

/**
 * Writes one journal line (without its newline) for an event, chained to the previous line's hash
 * and marked with its place in the batch of its append.
 */
export const encodeJournalLine = (
  prev: string,
  record: {
    readonly stream: string;
    readonly revision: bigint;
    readonly position: bigint;
    readonly batch: JournalBatch;
    readonly type: string;
    readonly json: string;
    readonly metadata: EventMetadata;
  },
): { readonly line: string; readonly hash: string } => {
  const body =
    `{"prev":"${prev}","stream":${JSON.stringify(record.stream)},"revision":"${record.revision.toString()}",` +
    `"position":"${record.position.toString()}","batch":[${String(record.batch.index)},${String(record.batch.size)}],` +
    `"type":${JSON.stringify(record.type)},"data":${record.json},"metadata":${JSON.stringify(record.metadata)}}`;
  const hash = sha256(body);
  return { line: `${body.slice(0, -1)},"hash":"${hash}"}`, hash };
};

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

const isBatch = (value: unknown): value is readonly [number, number] =>
  Array.isArray(value) && value.length === 2 && isCount(value[0]) && isCount(value[1]);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Parses one complete journal line and checks it on its own: valid JSON, every field present, and
 * its hash matching its content. The chain to the previous line is checked by the caller.
 */
export const parseJournalLine = (line: string): E.Either<string, JournalRecord> => {
  if (!endsWithHash(line)) return E.left('the line does not end with its hash');
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return E.left('the line is not valid JSON');
  }
  if (!isPlainObject(parsed)) return E.left('the line is not a JSON object');
  const { prev, stream, revision, position, batch, type, data, metadata, hash } = parsed;
  if (typeof prev !== 'string' || prev.length !== 64 || !isHashAt(prev, 0)) return E.left("field 'prev' is not a hash");
  if (typeof stream !== 'string' || stream.length === 0) return E.left("field 'stream' is missing");
  if (typeof revision !== 'string' || !DIGITS.test(revision)) return E.left("field 'revision' is not a whole number");
  if (typeof position !== 'string' || !DIGITS.test(position)) return E.left("field 'position' is not a whole number");
  if (!isBatch(batch)) return E.left("field 'batch' is not a pair of whole numbers [index, size]");
  const [index, size] = batch;
  if (size === 0) return E.left("field 'batch' gives a batch of no events");
  if (index >= size) return E.left(`field 'batch' puts the line at index ${String(index)} of a batch of ${String(size)}`);
  if (typeof type !== 'string' || type.length === 0) return E.left("field 'type' is missing");
  if (data === undefined) return E.left("field 'data' is missing");
  if (!isPlainObject(metadata)) return E.left("field 'metadata' is not an object");
  // The last `hash` key wins in JSON.parse: one that is not the suffix's means the line has two.
  if (typeof hash !== 'string' || hash.length !== 64 || !line.startsWith(hash, line.length - HASH_SUFFIX_LENGTH + HASH_FIELD.length)) {
    return E.left("field 'hash' appears twice");
  }
  const body = `${line.slice(0, line.length - HASH_SUFFIX_LENGTH)}}`;
  if (sha256(body) !== hash) return E.left('the line was altered: its content does not match its hash');
  return E.right({
    prev,
    stream,
    revision: BigInt(revision),
    position: BigInt(position),
    batch: { index, size },
    type,
    data,
    metadata,
    hash,
  });
};
