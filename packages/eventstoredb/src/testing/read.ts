/**
 * Streams.Read (server streaming): finite reads of a stream or `$all`, and catch-up
 * subscriptions (see `subscription.ts`). A missing stream is answered in-band with
 * `stream_not_found`; a tombstoned one ends the call with `stream-deleted`.
 */
import type { ServerWritableStream } from '@grpc/grpc-js';
import { internal, streamDeleted } from './grpc-errors.js';
import type { RecordedEvent } from './log-types.js';
import { readPlanOf, type ReadPlan } from './read-plan.js';
import { selectAllEvents, selectStreamEvents } from './read-selection.js';
import { ResponseWriter } from './response-writer.js';
import { streamsPb } from './protocol.js';
import type { StreamsPb } from './protocol.js';
import type { CallScope } from './call-gate.js';
import type { ServerContext } from './server-context.js';
import { subscribe } from './subscription.js';
import { readResponseOf, streamIdentifierOf } from './wire.js';

type ReadCall = ServerWritableStream<StreamsPb.ReadReq, StreamsPb.ReadResp>;

const streamNotFound = (streamName: string): StreamsPb.ReadResp =>
  new streamsPb.ReadResp().setStreamNotFound(new streamsPb.ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifierOf(streamName)));

/** What a finite read's sending needs of the server: to wait while it is paused, and to count what it sends. */
interface ReadSending {
  readonly whileRunning: () => Promise<void>;
  readonly sent: () => void;
}

/**
 * Sends a finite read's events in order, no faster than the client takes them (the transport's flow
 * control, as a node does) and nothing while the server is paused (a stopped node sends nothing,
 * mid-read too), then ends the call; stops when the call ends first.
 */
const sendEvents = async (writer: ResponseWriter, events: Iterable<StreamsPb.ReadResp>, sending: ReadSending): Promise<void> => {
  for (const message of events) {
    await sending.whileRunning();
    if (!writer.isOpen) return;
    sending.sent();
    if (!writer.send(message)) await writer.drained();
  }
  await sending.whileRunning();
  writer.end();
};

/** The read's answers, made one at a time as they are sent. */
function* responsesOf(events: readonly RecordedEvent[], plan: ReadPlan): Generator<StreamsPb.ReadResp> {
  for (const event of events) yield readResponseOf(event, plan.structuredUuids);
}

/** Answers a finite read and ends the call. */
const readOnce = async (context: ServerContext, scope: CallScope, plan: ReadPlan, maxCount: bigint, writer: ResponseWriter): Promise<void> => {
  const { source } = plan;
  const { log, gate } = context;
  const sending: ReadSending = {
    whileRunning: () => gate.whileRunning(scope),
    sent: () => {
      gate.countEventRead();
    },
  };
  if (source.kind === 'all') {
    await sendEvents(writer, responsesOf(selectAllEvents(log.all(), source.from, plan.direction, maxCount, plan.filter), plan), sending);
    return;
  }
  const view = log.view(source.streamName);
  switch (view.kind) {
    case 'deleted':
      writer.fail(streamDeleted(source.streamName));
      return;
    case 'not_found':
      writer.send(streamNotFound(source.streamName));
      writer.end();
      return;
    case 'found':
      await sendEvents(writer, responsesOf(selectStreamEvents(view.events, source.from, plan.direction, maxCount), plan), sending);
  }
};

const serveRead = async (context: ServerContext, call: ReadCall): Promise<void> => {
  const writer = new ResponseWriter(call);
  const plan = readPlanOf(call.request);
  const isSubscription = !(plan instanceof Error) && plan.maxCount === undefined;
  const scope = await context.gate.enter(isSubscription ? 'subscribe' : 'read', (error) => {
    writer.fail(error);
  });
  if (scope === undefined) return;
  writer.onClose(() => {
    scope.complete();
  });
  if (plan instanceof Error) writer.fail(plan);
  else if (plan.maxCount === undefined) subscribe(context.log, plan, writer);
  else await readOnce(context, scope, plan, plan.maxCount, writer);
};

/** The Read handler. */
export const readHandler =
  (context: ServerContext) =>
  (call: ReadCall): void => {
    void serveRead(context, call).catch((error: unknown) => {
      call.emit('error', internal(error));
    });
  };
