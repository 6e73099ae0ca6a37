import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { EventMetadata } from './envelope.js';
import type { EventDecodeFailed } from './errors.js';
import { MAX_METADATA_FIELD_LENGTH } from './store-limits.js';
import { firstProblem, joinPath } from './validation-report.js';

const isMetadataString = (u: unknown): u is string => typeof u === 'string' && u.length > 0 && u.length <= MAX_METADATA_FIELD_LENGTH;

const NonEmptyString = new t.Type<string, string, unknown>(
  `non-empty string of at most ${String(MAX_METADATA_FIELD_LENGTH)} characters`,
  isMetadataString,
  (u, c) => (isMetadataString(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
);

const PositiveInteger = new t.Type<number, number, unknown>(
  'positive integer',
  (u): u is number => typeof u === 'number' && Number.isInteger(u) && u >= 1,
  (u, c) => (typeof u === 'number' && Number.isInteger(u) && u >= 1 ? t.success(u) : t.failure(u, c)),
  t.identity,
);

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
/** The last timestamp found valid: the events of one append, and of a replay, mostly share theirs. */
let lastTimestamp = '';
const isTimestamp = (u: unknown): u is string => {
  if (typeof u !== 'string') return false;
  if (u === lastTimestamp) return true;
  if (!TIMESTAMP.test(u) || Number.isNaN(Date.parse(u))) return false;
  lastTimestamp = u;
  return true;
};

const Timestamp = new t.Type<string, string>(
  'ISO 8601 timestamp',
  isTimestamp,
  (u, c) => (isTimestamp(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
);

/** io-ts codec of event metadata as stored. */
export const EventMetadataCodec: t.Type<EventMetadata> = t.readonly(
  t.intersection([
    t.type({
      eventId: NonEmptyString,
      commandId: NonEmptyString,
      correlationId: NonEmptyString,
      causationId: NonEmptyString,
      actor: NonEmptyString,
      recordedAt: Timestamp,
      schemaVersion: PositiveInteger,
    }),
    // Optional: events recorded before tracing, or without it, have no `traceparent`.
    t.partial({ policyVersion: NonEmptyString, traceparent: NonEmptyString }),
  ]),
);

/** Decodes stored metadata, naming the stream, revision and field when it is invalid. */
export const decodeMetadata = (
  raw: unknown,
  where: { readonly stream: string; readonly revision: bigint | undefined; readonly type: string },
): E.Either<EventDecodeFailed, EventMetadata> => {
  // Valid metadata decodes to itself: checking it with `is` gives the same answer without the
  // allocations of a decode, which is run only to name what is wrong.
  if (EventMetadataCodec.is(raw)) return E.right(raw);
  const decoded = EventMetadataCodec.decode(raw);
  if (E.isRight(decoded)) return decoded;
  const problem = firstProblem(decoded.left);
  return E.left({
    _tag: 'EventDecodeFailed',
    stream: where.stream,
    revision: where.revision,
    type: where.type,
    schemaVersion: undefined,
    path: joinPath('metadata', problem.path),
    reason: problem.reason,
  });
};
