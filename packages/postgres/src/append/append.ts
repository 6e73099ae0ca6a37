/**
 * `appendToStream` over PostgreSQL: validate and encode through the kernel's `encodeAppend`, then
 * run the append in one transaction. A failure before the commit was sent wrote nothing
 * (`StoreUnavailable`, safe to retry); a commit sent but never answered is `AppendOutcomeUnknown`.
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
import { checkIn, checkOut } from '../check-out.js';
import type { StoreContext } from '../store-context.js';
import { commitOutcomeUnknown, toStoreError } from '../store-errors.js';
import { checkStoredName } from '../stream-name.js';
import { writeAppend } from './write-append.js';

/**
 * The revision the first event would get if the expectation holds; unknown for `any` and
 * `stream_exists`, which is then left out of a validation error rather than guessed.
 */
const firstRevisionExpected = (expected: ExpectedRevision): bigint | undefined =>
  typeof expected === 'bigint' ? expected + 1n : expected === 'no_stream' ? 0n : undefined;

/** A validation error without the revision it would only have guessed. */
const withoutGuessedRevision = (error: StoreError, known: boolean): StoreError =>
  !known && (error._tag === 'EventDecodeFailed' || error._tag === 'UnknownEventType') ? { ...error, revision: undefined } : error;

/** Appends events to a stream in one transaction. */
export const appendToStream =
  <Ev extends EventShape>(context: StoreContext<Ev>) =>
  async (stream: string, events: readonly NewEvent<Ev>[], expected: ExpectedRevision): Promise<E.Either<StoreError, AppendResult>> => {
    const operation = `append to stream '${stream}'`;
    if (context.isClosed()) return E.left({ _tag: 'StoreClosed', operation });
    const unstorable = checkStoredName(stream, operation);
    if (unstorable !== undefined) return E.left(unstorable);
    const first = firstRevisionExpected(expected);
    const encoded = encodeAppend(context.registry, context.limits, stream, first ?? 0n, events);
    if (E.isLeft(encoded)) return E.left(withoutGuessedRevision(encoded.left, first !== undefined));
    const migrated = await context.ensureMigrated(operation);
    if (E.isLeft(migrated)) return migrated;
    const where = { operation, schema: context.schema.name, redact: context.redact };
    const checkedOut = await checkOut(context.pool);
    if (E.isLeft(checkedOut)) return E.left(context.isClosed() ? { _tag: 'StoreClosed', operation } : toStoreError(checkedOut.left, where));
    const client = checkedOut.right;
    let written: E.Either<StoreError, AppendResult>;
    try {
      await client.query('BEGIN');
      written = await writeAppend(client, context.schema, stream, encoded.right, expected);
      if (E.isLeft(written) || written.right.written === 0) await client.query('ROLLBACK');
    } catch (cause) {
      checkIn(client, cause);
      return E.left(toStoreError(cause, where));
    }
    if (E.isLeft(written) || written.right.written === 0) {
      checkIn(client);
      return written;
    }
    try {
      await client.query('COMMIT');
    } catch (cause) {
      checkIn(client, cause);
      return E.left(commitOutcomeUnknown(cause, { ...where, stream, expected, eventIds: encoded.right.map((event) => event.metadata.eventId) }));
    }
    checkIn(client);
    return written;
  };
