/**
 * The call errors EventStoreDB returns: a gRPC status plus trailing metadata whose `exception`
 * entry the client maps to its error classes (`stream-deleted` → `StreamDeletedError`,
 * `wrong-expected-version` → `WrongExpectedVersionError`, ...; UNAVAILABLE → `UnavailableError`).
 */
import { Metadata, status, type ServerErrorResponse } from '@grpc/grpc-js';
import type { ExpectedRevision } from './log-types.js';

/** An error a handler ends a call with: code, details and trailers. */
export type CallError = ServerErrorResponse & { readonly code: status; readonly details: string; readonly metadata: Metadata };

const callError = (code: status, details: string, trailers: Readonly<Record<string, string>>): CallError => {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(trailers)) metadata.set(key, value);
  return Object.assign(new Error(details), { code, details, metadata });
};

/** UNAVAILABLE, as a client sees a node that went away or refuses work. */
export const unavailable = (details: string): CallError => callError(status.UNAVAILABLE, details, {});

/** A read, append or delete of a tombstoned stream. */
export const streamDeleted = (streamName: string): CallError =>
  callError(status.FAILED_PRECONDITION, `Event stream '${streamName}' is deleted.`, {
    exception: 'stream-deleted',
    'stream-name': streamName,
  });

/** The numbers EventStoreDB reports for the expected-revision kinds. */
const expectedVersionNumber = (expected: ExpectedRevision): bigint => {
  switch (expected.kind) {
    case 'any':
      return -2n;
    case 'no_stream':
      return -1n;
    case 'stream_exists':
      return -4n;
    case 'revision':
      return expected.revision;
  }
};

/** A delete or tombstone at the wrong expected revision (appends answer in their response instead). */
export const wrongExpectedVersion = (streamName: string, expected: ExpectedRevision, current: bigint | undefined): CallError =>
  callError(status.FAILED_PRECONDITION, `Append failed due to WrongExpectedVersion. Stream: ${streamName}`, {
    exception: 'wrong-expected-version',
    'stream-name': streamName,
    'expected-version': expectedVersionNumber(expected).toString(10),
    ...(current === undefined ? {} : { 'actual-version': current.toString(10) }),
  });

/** A fault of the test server itself, reported instead of crashing the test process. */
export const internal = (cause: unknown): CallError =>
  callError(status.INTERNAL, `The test server failed: ${cause instanceof Error ? cause.message : String(cause)}`, {});

/** A request the server cannot make sense of. */
export const invalidArgument = (details: string): CallError => callError(status.INVALID_ARGUMENT, details, {});
