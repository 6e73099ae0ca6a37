/**
 * Streams.Append (client streaming): the options message, then one message per event. A wrong
 * expected revision is an answer (`wrong_expected_version`), not a call error; a deleted stream
 * is a call error.
 */
import type { sendUnaryData, ServerReadableStream } from '@grpc/grpc-js';
import { internal, invalidArgument, streamDeleted } from './grpc-errors.js';
import type { ExpectedRevision, ProposedEvent, WriteOutcome } from './log-types.js';
import { sharedPb, streamsPb } from './protocol.js';
import type { StreamsPb } from './protocol.js';
import type { ServerContext } from './server-context.js';
import { expectedRevisionOf, proposedEventOf, streamNameOf } from './wire.js';

type AppendCall = ServerReadableStream<StreamsPb.AppendReq, StreamsPb.AppendResp>;

const successOf = (revision: bigint | undefined, position: bigint | undefined): StreamsPb.AppendResp.Success => {
  const success = new streamsPb.AppendResp.Success();
  if (revision === undefined) success.setNoStream(new sharedPb.Empty());
  else success.setCurrentRevision(revision.toString(10));
  if (position === undefined) success.setNoPosition(new sharedPb.Empty());
  else success.setPosition(new streamsPb.AppendResp.Position().setCommitPosition(position.toString(10)).setPreparePosition(position.toString(10)));
  return success;
};

const wrongExpectedVersionOf = (expected: ExpectedRevision, current: bigint | undefined): StreamsPb.AppendResp.WrongExpectedVersion => {
  const wrong = new streamsPb.AppendResp.WrongExpectedVersion();
  if (current === undefined) wrong.setCurrentNoStream(new sharedPb.Empty());
  else wrong.setCurrentRevision(current.toString(10));
  switch (expected.kind) {
    case 'any':
      return wrong.setExpectedAny(new sharedPb.Empty());
    case 'no_stream':
      return wrong.setExpectedNoStream(new sharedPb.Empty());
    case 'stream_exists':
      return wrong.setExpectedStreamExists(new sharedPb.Empty());
    case 'revision':
      return wrong.setExpectedRevision(expected.revision.toString(10));
  }
};

/** Answers an append outcome the way EventStoreDB does. */
const answer = (streamName: string, outcome: WriteOutcome, callback: sendUnaryData<StreamsPb.AppendResp>): void => {
  switch (outcome.kind) {
    case 'written':
      callback(null, new streamsPb.AppendResp().setSuccess(successOf(outcome.revision, outcome.position)));
      return;
    case 'wrong_expected_version':
      callback(null, new streamsPb.AppendResp().setWrongExpectedVersion(wrongExpectedVersionOf(outcome.expected, outcome.current)));
      return;
    case 'stream_deleted':
      callback(streamDeleted(streamName));
  }
};

/** Decodes the received messages, appends, and answers. */
const respond = (context: ServerContext, requests: readonly StreamsPb.AppendReq[], callback: sendUnaryData<StreamsPb.AppendResp>): void => {
  const [header, ...messages] = requests;
  const options = header?.getOptions();
  if (options === undefined) {
    callback(invalidArgument('An append starts with its options.'));
    return;
  }
  const events = messages
    .map((message) => message.getProposedMessage())
    .map((proposed) => (proposed === undefined ? undefined : proposedEventOf(proposed)))
    .filter((event): event is ProposedEvent => event !== undefined);
  if (events.length !== messages.length) {
    callback(invalidArgument('Every proposed event needs an id.'));
    return;
  }
  const streamName = streamNameOf(options.getStreamIdentifier());
  answer(streamName, context.log.append(streamName, expectedRevisionOf(options), events), callback);
};

/** The Append handler. */
export const appendHandler =
  (context: ServerContext) =>
  (call: AppendCall, callback: sendUnaryData<StreamsPb.AppendResp>): void => {
    const requests: StreamsPb.AppendReq[] = [];
    const admitted = context.gate.enter('append', (error) => {
      callback(error);
    });
    // A request received whole is committed even if its client gives up before the answer, as a
    // node commits what it has read; one cut off before its end is not.
    let received = false;
    const abandoned = (): void => {
      if (!received) void admitted.then((scope) => scope?.complete());
    };
    call.on('data', (request: StreamsPb.AppendReq) => requests.push(request));
    call.on('error', abandoned);
    call.on('cancelled', abandoned);
    call.on('end', () => {
      received = true;
      admitted
        .then((scope) => {
          if (scope === undefined || scope.done) return;
          scope.complete();
          respond(context, requests, callback);
        })
        .catch((error: unknown) => {
          callback(internal(error));
        });
    });
  };
