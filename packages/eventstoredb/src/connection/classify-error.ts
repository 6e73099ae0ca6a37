/**
 * Turns whatever a client throws into an `EsdbFailure`. Both `@eventstore/db-client` 6.2.1 and
 * `@kurrent/kurrentdb-client` 1.3 mark their errors with the same `type` strings, so the errors are
 * told apart by those, not by class: no client is loaded here, and either may be missing.
 */
import type { EsdbFailure } from './esdb-connection.js';

/** The `type` of a client's command error (the same strings in both clients' `ErrorType`). */
const typeOf = (error: unknown): unknown => (typeof error === 'object' && error !== null && 'type' in error ? error.type : undefined);

/** A field of an error object, when it has it. */
const fieldOf = (error: unknown, field: string): unknown =>
  typeof error === 'object' && error !== null && field in error ? (error as Record<string, unknown>)[field] : undefined;

/** Error types that mean the node cannot be reached now. */
const UNAVAILABLE_TYPES: ReadonlySet<unknown> = new Set(['unavailable', 'deadline-exceeded', 'timeout', 'cancelled', 'not-leader']);

/** Error types whose append may or may not have been written. */
const OUTCOME_UNKNOWN_TYPES: ReadonlySet<unknown> = new Set(['deadline-exceeded', 'timeout', 'cancelled']);

/** gRPC status codes that mean "try again": CANCELLED, DEADLINE_EXCEEDED, ABORTED, UNAVAILABLE. */
const RETRYABLE_GRPC_CODES: ReadonlySet<number> = new Set([1, 4, 10, 14]);

/** Socket errors of a node that went away. */
const CONNECTION_ERROR_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

const messageOf = (error: unknown): string => {
  if (error instanceof Error) return error.message === '' ? error.name : error.message;
  return typeof error === 'string' ? error : 'an unknown error';
};

const codeOf = (error: unknown): unknown => (typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined);

/** Whether an error means the node cannot be reached now (by class, and by raw gRPC or socket code). */
const isUnavailable = (error: unknown): boolean => {
  if (UNAVAILABLE_TYPES.has(typeOf(error))) return true;
  const code = codeOf(error);
  // An append whose features request is refused fails with the raw gRPC error, not UnavailableError.
  if (typeof code === 'number') return RETRYABLE_GRPC_CODES.has(code);
  return typeof code === 'string' && CONNECTION_ERROR_CODES.has(code);
};

/**
 * What grpc-js says when the connection of a call in progress went away under it (the request may
 * have been sent): `Connection dropped`, a reset or timed-out socket, a stream reset without a status.
 */
const LOST_AFTER_SEND = /Connection dropped|ECONNRESET|ETIMEDOUT|EPIPE|Received RST_STREAM/;

/**
 * Whether an append's failure leaves its outcome unknown: its deadline passed (`DEADLINE_EXCEEDED`),
 * the server's own commit timed out (`ABORTED`, the client's `TimeoutError`), the call was
 * cancelled, or the connection was lost while the call was in progress. A refusal before the request
 * left (no connection, connection refused, not leader, a status the server sent) is not.
 */
const isOutcomeUnknown = (error: unknown): boolean => {
  const type = typeOf(error);
  if (OUTCOME_UNKNOWN_TYPES.has(type)) return true;
  return type === 'unavailable' && LOST_AFTER_SEND.test(messageOf(error));
};

/** The failure an error thrown by the client during an append stands for. */
export const classifyAppendError = (error: unknown): EsdbFailure =>
  isOutcomeUnknown(error) ? { _tag: 'OutcomeUnknown', reason: messageOf(error) } : classifyClientError(error);

/** The failure an error thrown by the client stands for. */
export const classifyClientError = (error: unknown): EsdbFailure => {
  switch (typeOf(error)) {
    case 'wrong-expected-version':
      return { _tag: 'WrongExpectedRevision', actual: actualRevisionOf(error) };
    case 'stream-not-found':
    case 'no-stream':
      return { _tag: 'StreamNotFound' };
    case 'stream-deleted':
    case 'stream-tombstoned':
      return { _tag: 'StreamDeleted' };
    case 'access-denied':
      return { _tag: 'RequestRejected', reason: `access denied: ${messageOf(error)}` };
    case 'maximum-append-size-exceeded':
      return { _tag: 'RequestRejected', reason: `the append is larger than the server's maximum of ${String(fieldOf(error, 'maxAppendSize'))} bytes` };
    case 'invalid-argument':
      return { _tag: 'RequestRejected', reason: messageOf(error) };
    default:
      break;
  }
  if (isUnavailable(error)) return { _tag: 'NodeUnavailable', reason: messageOf(error) };
  // Anything else (UnknownError, a bug in a transport) is reported as retryable: retrying is bounded.
  return { _tag: 'NodeUnavailable', reason: `unexpected error: ${messageOf(error)}` };
};

/**
 * The stream's revision a wrong-expected-version error names: `actualVersion` in client 6.2.1,
 * `actualState` in `@kurrent/kurrentdb-client`; `no_stream` for a stream without events.
 */
const actualRevisionOf = (error: unknown): 'no_stream' | bigint => {
  const actual = fieldOf(error, 'actualVersion') ?? fieldOf(error, 'actualState');
  return typeof actual === 'bigint' ? actual : 'no_stream';
};
