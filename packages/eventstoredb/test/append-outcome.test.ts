/**
 * What an append's failure says about the store: refused before its request left (`StoreUnavailable`,
 * nothing written) or without an answer after it may have been sent (`AppendOutcomeUnknown`, naming
 * the stream, the expected revision and the event ids). The client's errors are made as it makes
 * them, from a gRPC status; the store is driven over a connection that answers as told.
 */
import { Metadata, status } from '@grpc/grpc-js';
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { convertToCommandError, WrongExpectedVersionError } from '@eventstore/db-client';
import { describeStoreError, isRetryable, type ExpectedRevision } from '@borough-command/domain/eventsourcing';
import { commandEvents, conformanceRegistry, numberedItems } from '@borough-command/testing';
import { describe, expect, it } from 'vitest';
import { classifyAppendError, classifyClientError } from '../src/connection/classify-error.js';
import { createEventStoreDbStore, type EsdbConnection, type EsdbFailure } from '../src/index.js';

/** The error the client throws for a call that ended with this gRPC status. */
const clientError = (code: status, details: string): unknown =>
  convertToCommandError(Object.assign(new Error(`${String(code)} ${status[code]}: ${details}`), { code, details, metadata: new Metadata() }));

describe('classifyAppendError', () => {
  it.each([
    { what: 'the deadline passed', code: status.DEADLINE_EXCEEDED, details: 'Deadline exceeded after 10.002s' },
    { what: 'the connection dropped mid-call', code: status.UNAVAILABLE, details: 'Connection dropped' },
    { what: 'the socket was reset mid-call', code: status.UNAVAILABLE, details: 'read ECONNRESET' },
    { what: "the server's commit timed out", code: status.ABORTED, details: 'Operation timed out' },
    { what: 'the call was reset by the other side', code: status.CANCELLED, details: 'Call cancelled' },
  ])('is an unknown outcome when $what', ({ code, details }) => {
    expect(classifyAppendError(clientError(code, details))).toEqual({ _tag: 'OutcomeUnknown', reason: `${String(code)} ${status[code]}: ${details}` });
  });

  it.each([
    { what: 'no connection could be made', details: 'No connection established. Last error: connect ECONNREFUSED 127.0.0.1:2113' },
    { what: 'the server refused the stream', details: 'Stream refused by server' },
    { what: 'the server answered unavailable', details: 'Server Is Not Ready' },
  ])('is unavailable, nothing sent, when $what', ({ details }) => {
    expect(classifyAppendError(clientError(status.UNAVAILABLE, details))).toMatchObject({ _tag: 'NodeUnavailable' });
  });

  it('keeps the answers the server gave: a wrong expected revision is not an unknown outcome', () => {
    const wrong = new WrongExpectedVersionError(undefined, { streamName: 's', expected: 3n, current: 5n });
    expect(classifyAppendError(wrong)).toEqual({ _tag: 'WrongExpectedRevision', actual: 5n });
  });

  it('leaves reads alone: a read past its deadline is unavailable, as a read writes nothing', () => {
    expect(classifyClientError(clientError(status.DEADLINE_EXCEEDED, 'Deadline exceeded'))).toMatchObject({ _tag: 'NodeUnavailable' });
  });
});

/** A connection whose every read finds an empty stream and whose append fails as told; counts appends. */
const connectionFailingAppends = (failure: EsdbFailure): EsdbConnection & { readonly appends: () => number } => {
  let appends = 0;
  return {
    appends: () => appends,
    append: () => () => {
      appends += 1;
      return Promise.resolve(E.left(failure));
    },
    readStream: () => TE.left({ _tag: 'StreamNotFound' }),
    readAll: () => ({ next: () => Promise.resolve(E.right([])), close: () => Promise.resolve() }),
    subscribeToAll: () => ({ next: () => Promise.resolve({ _tag: 'Ended' }), close: () => Promise.resolve() }),
    setStreamMetadata: () => TE.right(undefined),
    dispose: () => Promise.resolve(),
  };
};

const appendThrough = async (failure: EsdbFailure, expected: ExpectedRevision) => {
  const connection = connectionFailingAppends(failure);
  const opened = createEventStoreDbStore(conformanceRegistry, { connection });
  if (E.isLeft(opened)) throw new Error(opened.left._tag);
  const events = commandEvents('order-7', numberedItems('tea', 0, 2));
  const result = await opened.right.appendToStream('basket-7', events, expected)();
  await opened.right.close();
  return { result, eventIds: events.map((event) => event.metadata.eventId), appends: connection.appends() };
};

describe('the store over an append of unknown outcome', () => {
  it('answers AppendOutcomeUnknown naming the stream, the expected revision and the event ids, once, and says to run the same command again', async () => {
    const { result, eventIds, appends } = await appendThrough({ _tag: 'OutcomeUnknown', reason: '4 DEADLINE_EXCEEDED: Deadline exceeded' }, 4n);
    expect(appends).toBe(1);
    expect(result).toEqual(
      E.left({ _tag: 'AppendOutcomeUnknown', stream: 'basket-7', expected: 4n, eventIds, reason: '4 DEADLINE_EXCEEDED: Deadline exceeded' }),
    );
    if (E.isRight(result)) return;
    expect(isRetryable(result.left)).toBe(true);
    const sentence = describeStoreError(result.left);
    expect(sentence).toContain("append to stream 'basket-7' (expected revision 4");
    expect(sentence).toContain(eventIds[0]);
    expect(sentence).toContain('may hold its events or not');
    expect(sentence).toContain('run the same command again');
  });

  it('answers StoreUnavailable, safe to retry, when the append was refused before it left', async () => {
    const { result } = await appendThrough({ _tag: 'NodeUnavailable', reason: 'No connection established' }, 'no_stream');
    expect(result).toEqual(
      E.left({ _tag: 'StoreUnavailable', retryable: true, operation: "append to stream 'basket-7'", reason: 'No connection established' }),
    );
  });
});
