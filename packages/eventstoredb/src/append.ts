/**
 * `appendToStream` over EventStoreDB: validate and encode through the kernel's `encodeAppend`,
 * append with the expected revision, and tell a fresh write from an idempotent retry.
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  encodeAppend,
  type AppendResult,
  type EventShape,
  type ExpectedRevision,
  type NewEvent,
  type StoreError,
} from '@borough-command/domain/eventsourcing';
import type { EsdbConnection, EsdbFailure } from './connection/esdb-connection.js';
import type { StoreContext } from './store-context.js';
import { toStoreError } from './store-errors.js';

/**
 * The revision the first event would get if the expectation holds; unknown for `any` and
 * `stream_exists`, which is then left out of a validation error rather than guessed.
 */
const firstRevisionExpected = (expected: ExpectedRevision): bigint | undefined =>
  typeof expected === 'bigint' ? expected + 1n : expected === 'no_stream' ? 0n : undefined;

/** A validation error without the revision it would only have guessed. */
const withoutGuessedRevision = (error: StoreError, known: boolean): StoreError =>
  !known && (error._tag === 'EventDecodeFailed' || error._tag === 'UnknownEventType') ? { ...error, revision: undefined } : error;

/** The position of the stream's last event before the append; undefined when it has none. */
const tailOf = async (connection: EsdbConnection, stream: string): Promise<E.Either<EsdbFailure, bigint | undefined>> => {
  const read = await connection.readStream(stream, { direction: 'backwards', from: 'end', maxCount: 1 })();
  if (E.isRight(read)) return E.right(read.right[0]?.position);
  return read.left._tag === 'StreamNotFound' || read.left._tag === 'StreamDeleted' ? E.right(undefined) : read;
};

/** The position of the event at a revision, for servers that answer an append without one. */
const positionAt = async (connection: EsdbConnection, stream: string, revision: bigint): Promise<bigint | undefined> => {
  const read = await connection.readStream(stream, { direction: 'forwards', from: revision, maxCount: 1 })();
  return E.isRight(read) ? read.right[0]?.position : undefined;
};

/**
 * The answer to a repeated append whose events are the stream's, one for one, from the revision
 * the append expected to write at: EventStoreDB answers such a repeat as already written by itself,
 * a server without that de-duplication as a conflict. Undefined when they are not there.
 */
const alreadyThere = async (
  connection: EsdbConnection,
  stream: string,
  first: bigint,
  sent: readonly { readonly id: string }[],
): Promise<AppendResult | undefined> => {
  const read = await connection.readStream(stream, { direction: 'forwards', from: first, maxCount: sent.length })();
  if (E.isLeft(read) || read.right.length !== sent.length) return undefined;
  if (!read.right.every((event, index) => event.id === sent[index]?.id && event.revision === first + BigInt(index))) return undefined;
  const last = read.right[read.right.length - 1];
  if (last?.position === undefined) return undefined;
  return { nextExpectedRevision: last.revision, position: last.position, written: 0 };
};

/**
 * Appends events. The stream's last position is read first: an answer at or before it is
 * EventStoreDB's idempotent reply to events already written (`written: 0`), an answer after it a
 * fresh write. Two processes appending the same events at the same moment may both see `written`
 * as the number of events; EventStoreDB still stores them once. A repeat at a revision refused as a
 * conflict (by a server that does not de-duplicate event ids) is answered `written: 0` when the
 * stream holds the same events at that place.
 */
export const appendToStream =
  <Ev extends EventShape>(context: StoreContext<Ev>) =>
  async (stream: string, events: readonly NewEvent<Ev>[], expected: ExpectedRevision): Promise<E.Either<StoreError, AppendResult>> => {
    const operation = `append to stream '${stream}'`;
    const where = { operation, stream, expected, redact: context.redact };
    if (context.isClosed()) return E.left({ _tag: 'StoreClosed', operation });
    const first = firstRevisionExpected(expected);
    const encoded = encodeAppend(context.registry, context.limits, stream, first ?? 0n, events);
    if (E.isLeft(encoded)) return E.left(withoutGuessedRevision(encoded.left, first !== undefined));
    // Nothing is sent when the tail cannot be read: the append is then safe to retry as it is.
    const tail = await tailOf(context.connection, stream);
    if (E.isLeft(tail)) return E.left(toStoreError(tail.left, { ...where, closed: context.isClosed() }));
    const sent = encoded.right.map((event) => ({ id: event.metadata.eventId, type: event.type, data: event.data, metadata: event.metadata }));
    const appended = await context.connection.append(stream, sent, expected)();
    if (E.isLeft(appended)) {
      const already = appended.left._tag === 'WrongExpectedRevision' && first !== undefined ? await alreadyThere(context.connection, stream, first, sent) : undefined;
      if (already !== undefined) return E.right(already);
      return E.left(toStoreError(appended.left, { ...where, eventIds: sent.map((event) => event.id), closed: context.isClosed() }));
    }
    const { nextExpectedRevision } = appended.right;
    const position = appended.right.position ?? (await positionAt(context.connection, stream, nextExpectedRevision));
    if (position === undefined) {
      return E.left(toStoreError({ _tag: 'NodeUnavailable', reason: 'the append was answered without a position' }, { ...where, closed: context.isClosed() }));
    }
    const alreadyWritten = tail.right !== undefined && position <= tail.right;
    return E.right({ nextExpectedRevision, position, written: alreadyWritten ? 0 : events.length });
  };
