/**
 * Streams.BatchAppend (bidirectional): one long-lived call carries many appends, each a run of
 * requests sharing a correlation id (options on the first, `is_final` on the last), each answered
 * by one response. Failures travel in-band as a `google.rpc.Status` whose `details` is an `Any`
 * packing `WrongExpectedVersion` or `StreamDeleted`. Refusing or dropping one append ends the call.
 */
import type { ServerDuplexStream } from '@grpc/grpc-js';
import type { CallScope } from './call-gate.js';
import { internal, invalidArgument, type CallError } from './grpc-errors.js';
import type { ExpectedRevision, ProposedEvent, WriteOutcome } from './log-types.js';
import { type AnyMessage, codePb, GoogleAnyClass, GoogleEmptyClass, sharedPb, statusPb, streamsPb } from './protocol.js';
import type { SharedPb, StatusPb, StreamsPb } from './protocol.js';
import type { ServerContext } from './server-context.js';
import { batchExpectedRevisionOf, proposedEventOf, streamNameOf, uuidOf } from './wire.js';

type BatchAppendCall = ServerDuplexStream<StreamsPb.BatchAppendReq, StreamsPb.BatchAppendResp>;

/** One append being received. */
interface PendingAppend {
  readonly correlationId: SharedPb.UUID | undefined;
  readonly options: StreamsPb.BatchAppendReq.Options;
  readonly events: ProposedEvent[];
  readonly admitted: Promise<CallScope | undefined>;
  malformed: boolean;
}

/** A message packed into `google.protobuf.Any`, the way the client unpacks it by type name. */
const packed = (message: { serializeBinary(): Uint8Array }, typeName: string): AnyMessage => {
  const any = new GoogleAnyClass();
  any.pack(message.serializeBinary(), typeName);
  return any;
};

const failureOf = (streamName: string, outcome: Exclude<WriteOutcome, { kind: 'written' }>): StatusPb.Status => {
  const status = new statusPb.Status().setCode(codePb.Code.FAILED_PRECONDITION);
  if (outcome.kind === 'stream_deleted') {
    const deleted = new sharedPb.StreamDeleted().setStreamIdentifier(new sharedPb.StreamIdentifier().setStreamName(Buffer.from(streamName, 'utf8')));
    return status.setMessage(`Event stream '${streamName}' is deleted.`).setDetails(packed(deleted, 'event_store.client.StreamDeleted'));
  }
  const wrong = new sharedPb.WrongExpectedVersion();
  if (outcome.current === undefined) wrong.setCurrentNoStream(new GoogleEmptyClass());
  else wrong.setCurrentStreamRevision(outcome.current.toString(10));
  setExpected(wrong, outcome.expected);
  return status.setMessage('WrongExpectedVersion').setDetails(packed(wrong, 'event_store.client.WrongExpectedVersion'));
};

const setExpected = (wrong: SharedPb.WrongExpectedVersion, expected: ExpectedRevision): void => {
  switch (expected.kind) {
    case 'any':
      wrong.setExpectedAny(new GoogleEmptyClass());
      return;
    case 'no_stream':
      wrong.setExpectedNoStream(new GoogleEmptyClass());
      return;
    case 'stream_exists':
      wrong.setExpectedStreamExists(new GoogleEmptyClass());
      return;
    case 'revision':
      wrong.setExpectedStreamPosition(expected.revision.toString(10));
  }
};

const successOf = (revision: bigint | undefined, position: bigint | undefined): StreamsPb.BatchAppendResp.Success => {
  const success = new streamsPb.BatchAppendResp.Success();
  if (revision === undefined) success.setNoStream(new GoogleEmptyClass());
  else success.setCurrentRevision(revision.toString(10));
  if (position === undefined) success.setNoPosition(new GoogleEmptyClass());
  else success.setPosition(new sharedPb.AllStreamPosition().setCommitPosition(position.toString(10)).setPreparePosition(position.toString(10)));
  return success;
};

/** The response to one append: correlation id, stream, the expected revision echoed, the result. */
const responseOf = (pending: PendingAppend, outcome: WriteOutcome): StreamsPb.BatchAppendResp => {
  const { options } = pending;
  const response = new streamsPb.BatchAppendResp().setCorrelationId(pending.correlationId).setStreamIdentifier(options.getStreamIdentifier());
  if (options.hasStreamPosition()) response.setStreamPosition(options.getStreamPosition());
  else if (options.hasNoStream()) response.setNoStream(new GoogleEmptyClass());
  else if (options.hasStreamExists()) response.setStreamExists(new GoogleEmptyClass());
  else response.setAny(new GoogleEmptyClass());
  if (outcome.kind === 'written') return response.setSuccess(successOf(outcome.revision, outcome.position));
  return response.setError(failureOf(streamNameOf(options.getStreamIdentifier()), outcome));
};

/** The BatchAppend handler. */
export const batchAppendHandler =
  (context: ServerContext) =>
  (call: BatchAppendCall): void => {
    let open = true;
    const fail = (error: CallError): void => {
      if (!open) return;
      open = false;
      call.emit('error', error);
    };
    const stream = context.gate.track(fail);
    const pending = new Map<string, PendingAppend>();
    let settled: Promise<void> = Promise.resolve();

    const settle = async (append: PendingAppend): Promise<void> => {
      const scope = await append.admitted;
      if (scope === undefined || scope.done) return;
      scope.complete();
      if (!open) return;
      if (append.malformed) {
        stream.abort(invalidArgument('Every proposed event needs an id.'));
        return;
      }
      const outcome = context.log.append(streamNameOf(append.options.getStreamIdentifier()), batchExpectedRevisionOf(append.options), append.events);
      call.write(responseOf(append, outcome));
    };

    call.on('data', (request: StreamsPb.BatchAppendReq) => {
      const key = uuidOf(request.getCorrelationId()) ?? '';
      let append = pending.get(key);
      if (append === undefined) {
        const options = request.getOptions();
        if (options === undefined) {
          stream.abort(invalidArgument('An append starts with its options.'));
          return;
        }
        const admitted = context.gate.enter('batchAppend', (error) => {
          stream.abort(error);
        });
        append = { correlationId: request.getCorrelationId(), options, events: [], admitted, malformed: false };
        pending.set(key, append);
      }
      for (const message of request.getProposedMessagesList()) {
        const event = proposedEventOf(message);
        if (event === undefined) append.malformed = true;
        else append.events.push(event);
      }
      if (request.getIsFinal()) {
        pending.delete(key);
        const complete = append;
        settled = settled.then(() => settle(complete)).catch((error: unknown) => {
          stream.abort(internal(error));
        });
      }
    });
    call.on('end', () => {
      void settled.then(() => {
        if (!open) return;
        open = false;
        stream.complete();
        call.end();
      });
    });
    const closed = (): void => {
      open = false;
      stream.complete();
    };
    call.on('error', closed);
    call.on('cancelled', closed);
  };
