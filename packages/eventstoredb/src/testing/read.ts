/**
 * Streams.Read (server streaming): finite reads of a stream or `$all`, and catch-up
 * subscriptions (see `subscription.ts`). A missing stream is answered in-band with
 * `stream_not_found`; a tombstoned one ends the call with `stream-deleted`.
 */
import type { ServerWritableStream } from '@grpc/grpc-js';
import { internal, streamDeleted } from './grpc-errors.js';
import type { EventLog } from './event-log.js';
import { readPlanOf, type ReadPlan } from './read-plan.js';
import { selectAllEvents, selectStreamEvents } from './read-selection.js';
import { ResponseWriter } from './response-writer.js';
import { streamsPb } from './protocol.js';
import type { StreamsPb } from './protocol.js';
import type { ServerContext } from './server-context.js';
import { subscribe } from './subscription.js';
import { readResponseOf, streamIdentifierOf } from './wire.js';

type ReadCall = ServerWritableStream<StreamsPb.ReadReq, StreamsPb.ReadResp>;

const streamNotFound = (streamName: string): StreamsPb.ReadResp =>
  new streamsPb.ReadResp().setStreamNotFound(new streamsPb.ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifierOf(streamName)));

/** Answers a finite read and ends the call. */
const readOnce = (log: EventLog, plan: ReadPlan, maxCount: bigint, writer: ResponseWriter): void => {
  const { source } = plan;
  if (source.kind === 'all') {
    for (const event of selectAllEvents(log.all(), source.from, plan.direction, maxCount, plan.filter)) {
      writer.send(readResponseOf(event, plan.structuredUuids));
    }
    writer.end();
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
      for (const event of selectStreamEvents(view.events, source.from, plan.direction, maxCount)) {
        writer.send(readResponseOf(event, plan.structuredUuids));
      }
      writer.end();
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
  else readOnce(context.log, plan, plan.maxCount, writer);
};

/** The Read handler. */
export const readHandler =
  (context: ServerContext) =>
  (call: ReadCall): void => {
    void serveRead(context, call).catch((error: unknown) => {
      call.emit('error', internal(error));
    });
  };
