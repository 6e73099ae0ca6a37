/** Turns whatever `@eventstore/db-client` 6.2.1 throws into an `EsdbFailure`. */
import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  InvalidArgumentError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamDeletedError,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import type { EsdbFailure } from './esdb-connection.js';

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
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof CancelledError ||
    error instanceof NotLeaderError
  ) {
    return true;
  }
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
  if (error instanceof DeadlineExceededError || error instanceof TimeoutError || error instanceof CancelledError) return true;
  if (error instanceof UnavailableError) return LOST_AFTER_SEND.test(messageOf(error));
  return false;
};

/** The failure an error thrown by the client during an append stands for. */
export const classifyAppendError = (error: unknown): EsdbFailure =>
  isOutcomeUnknown(error) ? { kind: 'outcome_unknown', reason: messageOf(error) } : classifyClientError(error);

/** The failure an error thrown by the client stands for. */
export const classifyClientError = (error: unknown): EsdbFailure => {
  if (error instanceof WrongExpectedVersionError) return { kind: 'wrong_expected_revision', actual: error.actualVersion };
  if (error instanceof StreamNotFoundError) return { kind: 'stream_not_found' };
  if (error instanceof StreamDeletedError) return { kind: 'stream_deleted' };
  if (error instanceof AccessDeniedError) return { kind: 'rejected', reason: `access denied: ${messageOf(error)}` };
  if (error instanceof MaxAppendSizeExceededError) {
    return { kind: 'rejected', reason: `the append is larger than the server's maximum of ${String(error.maxAppendSize)} bytes` };
  }
  if (error instanceof InvalidArgumentError) return { kind: 'rejected', reason: messageOf(error) };
  if (isUnavailable(error)) return { kind: 'unavailable', reason: messageOf(error) };
  // Anything else (UnknownError, a bug in a transport) is reported as retryable: retrying is bounded.
  return { kind: 'unavailable', reason: `unexpected error: ${messageOf(error)}` };
};
