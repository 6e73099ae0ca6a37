/**
 * Catch-up subscriptions over Streams.Read: a confirmation, the history after the (exclusive)
 * start, a `caught_up` message, then live events. The history is taken and the live listener
 * attached in one synchronous step, so nothing is missed or sent twice. Filtered `$all`
 * subscriptions also get checkpoints; a tombstone ends a stream subscription with `stream-deleted`.
 */
import { randomUUID } from 'node:crypto';
import { CheckpointCounter, matchesFilter, type EventFilter } from './event-filter.js';
import type { EventLog } from './event-log.js';
import { streamDeleted } from './grpc-errors.js';
import { DELETED_STREAM_REVISION, type AllStart, type RecordedEvent, type StreamStart } from './log-types.js';
import { streamsPb } from './protocol.js';
import type { StreamsPb } from './protocol.js';
import type { ReadPlan } from './read-plan.js';
import type { ResponseWriter } from './response-writer.js';
import { readResponseOf } from './wire.js';

const confirmation = (): StreamsPb.ReadResp =>
  new streamsPb.ReadResp().setConfirmation(new streamsPb.ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID()));

const caughtUp = (): StreamsPb.ReadResp => new streamsPb.ReadResp().setCaughtUp(new streamsPb.ReadResp.CaughtUp());

const checkpoint = (position: bigint): StreamsPb.ReadResp =>
  new streamsPb.ReadResp().setCheckpoint(
    new streamsPb.ReadResp.Checkpoint().setCommitPosition(position.toString(10)).setPreparePosition(position.toString(10)),
  );

/** The revision after which a stream subscription starts (-1 for the start). */
const streamStartAfter = (log: EventLog, streamName: string, from: StreamStart): bigint => {
  switch (from.kind) {
    case 'start':
      return -1n;
    case 'revision':
      return from.revision;
    case 'end': {
      const view = log.view(streamName);
      return view.kind === 'found' ? (view.events.at(-1)?.revision ?? -1n) : -1n;
    }
  }
};

/** The position after which an `$all` subscription starts (-1 for the start). */
const allStartAfter = (log: EventLog, from: AllStart): bigint => {
  switch (from.kind) {
    case 'start':
      return -1n;
    case 'position':
      return from.position;
    case 'end':
      return log.all().at(-1)?.position ?? -1n;
  }
};

const subscribeToStream = (log: EventLog, streamName: string, from: StreamStart, plan: ReadPlan, writer: ResponseWriter): void => {
  if (log.isTombstoned(streamName)) {
    writer.fail(streamDeleted(streamName));
    return;
  }
  let after = streamStartAfter(log, streamName, from);
  const send = (event: RecordedEvent): void => {
    after = event.revision;
    writer.send(readResponseOf(event, plan.structuredUuids));
  };
  writer.send(confirmation());
  const view = log.view(streamName);
  const history = view.kind === 'found' ? view.events.filter((event) => event.revision > after) : [];
  history.forEach(send);
  writer.send(caughtUp());
  const unsubscribe = log.onRecorded((event) => {
    if (event.streamName !== streamName) return;
    if (event.revision === DELETED_STREAM_REVISION) writer.fail(streamDeleted(streamName));
    else if (event.revision > after) send(event);
  });
  writer.onClose(unsubscribe);
};

const subscribeToAll = (log: EventLog, from: AllStart, plan: ReadPlan, writer: ResponseWriter): void => {
  const filter: EventFilter | undefined = plan.filter;
  const counter = filter === undefined ? undefined : new CheckpointCounter(filter.checkpointInterval);
  const offer = (event: RecordedEvent): void => {
    if (filter === undefined || matchesFilter(filter, event)) writer.send(readResponseOf(event, plan.structuredUuids));
    if (counter?.lookedAt() === true) writer.send(checkpoint(event.position));
  };
  const after = allStartAfter(log, from);
  writer.send(confirmation());
  log.all().filter((event) => event.position > after).forEach(offer);
  writer.send(caughtUp());
  writer.onClose(log.onRecorded(offer));
};

/** Starts a catch-up subscription on the call; it lasts until the client or a fault ends it. */
export const subscribe = (log: EventLog, plan: ReadPlan, writer: ResponseWriter): void => {
  const { source } = plan;
  if (source.kind === 'stream') subscribeToStream(log, source.streamName, source.from, plan, writer);
  else subscribeToAll(log, source.from, plan, writer);
};
