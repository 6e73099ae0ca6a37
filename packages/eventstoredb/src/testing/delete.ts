/**
 * Streams.Delete (soft delete) and Streams.Tombstone (hard delete), both unary. A wrong expected
 * revision or an already tombstoned stream ends the call with an error and its trailers.
 */
import type { sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import type { CountedOperation } from './call-gate.js';
import { internal, invalidArgument, streamDeleted, wrongExpectedVersion } from './grpc-errors.js';
import type { ExpectedRevision, WriteOutcome } from './log-types.js';
import { sharedPb, streamsPb } from './protocol.js';
import type { StreamsPb } from './protocol.js';
import type { ServerContext } from './server-context.js';
import { expectedRevisionOf, streamNameOf } from './wire.js';

type DeleteOptions = StreamsPb.DeleteReq.Options | StreamsPb.TombstoneReq.Options;

interface Position {
  setCommitPosition(value: string): unknown;
  setPreparePosition(value: string): unknown;
}

/** The parts of Delete and Tombstone that differ. */
interface Removal<Response> {
  readonly operation: CountedOperation;
  readonly perform: (context: ServerContext, streamName: string, expected: ExpectedRevision) => WriteOutcome;
  readonly response: (position: bigint | undefined) => Response;
}

const withPosition = <P extends Position>(position: P, value: bigint): P => {
  position.setCommitPosition(value.toString(10));
  position.setPreparePosition(value.toString(10));
  return position;
};

/** Performs a removal and answers it. */
const respond = <Response>(
  context: ServerContext,
  removal: Removal<Response>,
  options: DeleteOptions | undefined,
  callback: sendUnaryData<Response>,
): void => {
  if (options === undefined) {
    callback(invalidArgument('A delete needs options.'));
    return;
  }
  const streamName = streamNameOf(options.getStreamIdentifier());
  const outcome = removal.perform(context, streamName, expectedRevisionOf(options));
  switch (outcome.kind) {
    case 'written':
      callback(null, removal.response(outcome.position));
      return;
    case 'wrong_expected_version':
      callback(wrongExpectedVersion(streamName, outcome.expected, outcome.current));
      return;
    case 'stream_deleted':
      callback(streamDeleted(streamName));
  }
};

const removalHandler =
  <Request extends { getOptions(): DeleteOptions | undefined }, Response>(context: ServerContext, removal: Removal<Response>) =>
  (call: ServerUnaryCall<Request, Response>, callback: sendUnaryData<Response>): void => {
    context.gate
      .enter(removal.operation, (error) => {
        callback(error);
      })
      .then((scope) => {
        if (scope === undefined) return;
        scope.complete();
        respond(context, removal, call.request.getOptions(), callback);
      })
      .catch((error: unknown) => {
        callback(internal(error));
      });
  };

/** The Delete handler: a soft delete. */
export const deleteHandler = (context: ServerContext) =>
  removalHandler<StreamsPb.DeleteReq, StreamsPb.DeleteResp>(context, {
    operation: 'delete',
    perform: ({ log }, streamName, expected) => log.softDelete(streamName, expected),
    response: (position) =>
      position === undefined
        ? new streamsPb.DeleteResp().setNoPosition(new sharedPb.Empty())
        : new streamsPb.DeleteResp().setPosition(withPosition(new streamsPb.DeleteResp.Position(), position)),
  });

/** The Tombstone handler: a hard delete. */
export const tombstoneHandler = (context: ServerContext) =>
  removalHandler<StreamsPb.TombstoneReq, StreamsPb.TombstoneResp>(context, {
    operation: 'tombstone',
    perform: ({ log }, streamName, expected) => log.tombstone(streamName, expected),
    response: (position) =>
      position === undefined
        ? new streamsPb.TombstoneResp().setNoPosition(new sharedPb.Empty())
        : new streamsPb.TombstoneResp().setPosition(withPosition(new streamsPb.TombstoneResp.Position(), position)),
  });
