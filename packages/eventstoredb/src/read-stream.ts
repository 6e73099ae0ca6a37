/** `readStream` over EventStoreDB: directions, start revisions and `maxCount`, `StreamNotFound` vs `[]`. */
import * as E from 'fp-ts/lib/Either.js';
import {
  checkStreamName,
  invalidArgument,
  type EventShape,
  type ReadStreamOptions,
  type RecordedEvent,
  type StoreError,
} from '@borough-command/domain/eventsourcing';
import type { EsdbRecordedEvent, EsdbStreamRead } from './connection/esdb-connection.js';
import { decodeRecorded } from './record-decoding.js';
import type { StoreContext } from './store-context.js';
import { toStoreError } from './store-errors.js';

/** What to ask the server for, and how many of the answer's events to keep. */
interface ReadRequest {
  readonly read: EsdbStreamRead;
  readonly keep: number;
}

/** Only an existence check: one event asked for, none kept, so a missing stream is still `StreamNotFound`. */
const EXISTENCE_CHECK: ReadRequest = { read: { direction: 'backwards', from: 'end', maxCount: 1 }, keep: 0 };

/**
 * The server request for the port's options, as the in-memory store reads them: `maxCount: 0`, a
 * forwards read from the end and a backwards read from below revision 0 return `[]`; a forwards
 * read from below 0 starts at 0.
 */
const requestOf = (options: ReadStreamOptions, maxCount: number): ReadRequest => {
  const direction = options.direction ?? 'forwards';
  const from = options.fromRevision;
  if (maxCount === 0 || (direction === 'forwards' && from === 'end') || (direction === 'backwards' && typeof from === 'bigint' && from < 0n)) {
    return EXISTENCE_CHECK;
  }
  const start = from === undefined ? (direction === 'forwards' ? 'start' : 'end') : typeof from === 'bigint' && from < 0n ? 'start' : from;
  return {
    read: { direction, from: direction === 'backwards' && start === 'start' ? 0n : start, maxCount },
    keep: maxCount,
  };
};

/** Decodes raw events, failing on the first that does not decode. */
const decodeAll = <Ev extends EventShape>(context: StoreContext<Ev>, raw: readonly EsdbRecordedEvent[]): E.Either<StoreError, readonly RecordedEvent<Ev>[]> => {
  const events: RecordedEvent<Ev>[] = [];
  for (const item of raw) {
    const decoded = decodeRecorded(context.registry, item);
    if (E.isLeft(decoded)) return decoded;
    events.push(decoded.right);
  }
  return E.right(events);
};

/** Reads one stream. */
export const readStream =
  <Ev extends EventShape>(context: StoreContext<Ev>) =>
  async (stream: string, options: ReadStreamOptions = {}): Promise<E.Either<StoreError, readonly RecordedEvent<Ev>[]>> => {
    const operation = `read stream '${stream}'`;
    if (context.isClosed()) return E.left({ _tag: 'StoreClosed', operation });
    const badName = checkStreamName(stream, operation, Number.MAX_SAFE_INTEGER);
    if (badName !== undefined) return E.left(badName);
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    if (!Number.isInteger(maxCount) || maxCount < 0) return E.left(invalidArgument(operation, 'maxCount must be a whole number, 0 or more'));
    const request = requestOf(options, maxCount);
    const read = await context.connection.readStream(stream, request.read)();
    if (E.isLeft(read)) return E.left(toStoreError(read.left, { operation, stream, redact: context.redact, closed: context.isClosed() }));
    return decodeAll(context, read.right.slice(0, request.keep));
  };
