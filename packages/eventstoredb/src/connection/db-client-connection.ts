/**
 * `EsdbConnection` over `@eventstore/db-client` 6.2.1: the only file that calls the client's operations. Every
 * call is wrapped so a thrown error comes back as an `EsdbFailure` value.
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  ANY,
  BACKWARDS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  END,
  FORWARDS,
  START,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type AppendResult,
  type AppendExpectedRevision,
  type EventStoreDBClient,
  type JSONType,
  type ResolvedEvent,
  type StreamingRead,
} from '@eventstore/db-client';
import type { ExpectedRevision } from '@borough-command/domain/eventsourcing';
import { DEFAULT_APPEND_METHOD, useAppendMethod, type AppendMethod } from './append-method.js';
import { classifyAppendError, classifyClientError } from './classify-error.js';
import type {
  EsdbAllSubscriptionRequest,
  EsdbConnection,
  EsdbFailure,
  EsdbRecordedEvent,
  EsdbSubscription,
  EsdbSubscriptionItem,
} from './esdb-connection.js';

/** Buffered subscription items at which the client's stream is paused. */
const HIGH_WATER = 256;
/** Buffered subscription items at or below which a paused client stream resumes. */
const LOW_WATER = 64;

/** The kernel's expected revision in the client's terms (the same literals, named by the client's constants). */
const expectedRevisionOf = (expected: ExpectedRevision): AppendExpectedRevision => expected;

/** A client event as the adapter's raw event; undefined for a link whose target is gone. */
const recordedOf = (resolved: ResolvedEvent | AllStreamResolvedEvent): EsdbRecordedEvent | undefined => {
  const event = resolved.event;
  if (event === undefined) return undefined;
  return {
    stream: event.streamId,
    id: event.id,
    type: event.type,
    revision: event.revision,
    position: event.position?.commit ?? resolved.commitPosition,
    data: event.data,
    metadata: event.metadata,
  };
};

/** Runs a client call, turning a thrown error into a failure value. */
const attempt = async <A>(call: () => Promise<A>): Promise<E.Either<EsdbFailure, A>> => {
  try {
    return E.right(await call());
  } catch (error) {
    return E.left(classifyClientError(error));
  }
};

/**
 * Drains a finite client read, giving up (and cancelling it) when the server sends nothing for
 * `deadlineMs`: client 6.2.1 reads with no deadline, so a paused node would hold them until the
 * connection's keepalive gives up.
 */
const collectWithin = (deadlineMs: number, open: () => StreamingRead<ResolvedEvent | AllStreamResolvedEvent>): Promise<E.Either<EsdbFailure, readonly EsdbRecordedEvent[]>> => {
  let read: StreamingRead<ResolvedEvent | AllStreamResolvedEvent>;
  try {
    read = open();
  } catch (error) {
    return Promise.resolve(E.left(classifyClientError(error)));
  }
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const settle = (result: E.Either<EsdbFailure, readonly EsdbRecordedEvent[]>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        settle(E.left({ kind: 'unavailable', reason: `the server sent nothing for ${String(deadlineMs)} ms (the read's deadline)` }));
        void read.cancel().catch(() => undefined);
      }, deadlineMs);
    };
    arm();
    const events: EsdbRecordedEvent[] = [];
    const drain = async (): Promise<void> => {
      for await (const resolved of read) {
        if (settled) return;
        arm();
        const recorded = recordedOf(resolved);
        if (recorded !== undefined) events.push(recorded);
      }
    };
    drain().then(
      () => {
        settle(E.right(events));
      },
      (error: unknown) => {
        settle(E.left(classifyClientError(error)));
      },
    );
  });
};

/** A subscription that failed before it started. */
const failedSubscription = (failure: EsdbFailure): EsdbSubscription => {
  let reported = false;
  return {
    next: () => {
      const item: EsdbSubscriptionItem = reported ? { kind: 'ended' } : { kind: 'failed', failure };
      reported = true;
      return Promise.resolve(item);
    },
    close: () => Promise.resolve(),
  };
};

/** A live `$all` subscription of the client, read one item at a time through a bounded buffer. */
const subscribeToAll = (client: EventStoreDBClient, request: EsdbAllSubscriptionRequest): EsdbSubscription => {
  const prefixes = request.streamPrefixes;
  let subscription: AllStreamSubscription;
  try {
    subscription = client.subscribeToAll({
      fromPosition: request.after === undefined ? START : { commit: request.after, prepare: request.after },
      // The server leaves out what does not match; `$` events are checked again on the adapter's side.
      filter: prefixes !== undefined && prefixes.length > 0 ? streamNameFilter({ prefixes: [...prefixes] }) : excludeSystemEvents(),
    });
  } catch (error) {
    return failedSubscription(classifyClientError(error));
  }
  const buffer: EsdbSubscriptionItem[] = [];
  let finished = false;
  let waiting: ((item: EsdbSubscriptionItem) => void) | undefined;

  const deliver = (item: EsdbSubscriptionItem): void => {
    if (finished) return;
    if (item.kind === 'failed' || item.kind === 'ended') finished = true;
    const waiter = waiting;
    if (waiter !== undefined) {
      waiting = undefined;
      waiter(item);
      return;
    }
    buffer.push(item);
    if (buffer.length >= HIGH_WATER) subscription.pause();
  };

  subscription.on('confirmation', () => {
    deliver({ kind: 'confirmed' });
  });
  subscription.on('data', (resolved: AllStreamResolvedEvent) => {
    const event = recordedOf(resolved);
    if (event !== undefined) deliver({ kind: 'event', event });
  });
  subscription.on('error', (error: unknown) => {
    deliver({ kind: 'failed', failure: classifyClientError(error) });
  });
  subscription.on('end', () => {
    deliver({ kind: 'ended' });
  });
  subscription.on('close', () => {
    deliver({ kind: 'ended' });
  });

  return {
    next: () => {
      const item = buffer.shift();
      if (item !== undefined) {
        if (buffer.length <= LOW_WATER && subscription.isPaused()) subscription.resume();
        return Promise.resolve(item);
      }
      if (finished) return Promise.resolve({ kind: 'ended' });
      return new Promise((resolve) => {
        waiting = resolve;
      });
    },
    close: async () => {
      const closing = !finished;
      finished = true;
      buffer.length = 0;
      const waiter = waiting;
      waiting = undefined;
      waiter?.({ kind: 'ended' });
      if (closing) await subscription.unsubscribe().catch(() => undefined);
    },
  };
};

/**
 * The conflict behind an append answered `success: false` (a client built with
 * `throwOnAppendFailure=false`, whose answer does not carry the stream's revision reliably): the
 * stream's revision is read back.
 */
const conflictOf = async (client: EventStoreDBClient, stream: string): Promise<WrongExpectedVersionError> => {
  let current: bigint | 'no_stream' = 'no_stream';
  try {
    for await (const resolved of client.readStream(stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1 })) {
      current = resolved.event?.revision ?? current;
    }
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  return new WrongExpectedVersionError(undefined, { streamName: stream, expected: ANY, current });
};

/** Options of `dbClientConnection`. */
export interface DbClientConnectionOptions {
  /** The gRPC call appends take; `append` (`Streams.Append`) by default: see `AppendMethod`. */
  readonly appendMethod?: AppendMethod;
  /**
   * How long an append waits for its answer, and a read for the next part of its answer, in
   * milliseconds; `DEFAULT_DEADLINE_MS` (10 s) by default. An append past it has an unknown
   * outcome; a read past it is unavailable.
   */
  readonly deadlineMs?: number;
}

/** The deadline of appends and reads when none is given: the client's own default for appends. */
export const DEFAULT_DEADLINE_MS = 10_000;

/** An `EsdbConnection` over a `@eventstore/db-client` client, appending with the chosen method; `dispose` disposes the client. */
export const dbClientConnection = (given: EventStoreDBClient, options: DbClientConnectionOptions = {}): EsdbConnection => {
  const client = useAppendMethod(given, options.appendMethod ?? DEFAULT_APPEND_METHOD);
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  if (!(deadlineMs > 0 && Number.isFinite(deadlineMs))) throw new Error(`deadlineMs must be a positive number of milliseconds; got ${String(deadlineMs)}`);
  return {
  append: async (stream, events, expected) => {
    let result: AppendResult;
    try {
      result = await client.appendToStream(
        stream,
        events.map((event) => jsonEvent({ id: event.id, type: event.type, data: event.data as JSONType, metadata: event.metadata })),
        { expectedRevision: expectedRevisionOf(expected), deadline: deadlineMs },
      );
    } catch (error) {
      return E.left(classifyAppendError(error));
    }
    // An answer came: from here on, what fails is known not to have written anything.
    return attempt(async () => {
      if (!result.success) throw await conflictOf(client, stream);
      return { nextExpectedRevision: result.nextExpectedRevision, position: result.position?.commit };
    });
  },
  readStream: (stream, read) =>
    collectWithin(deadlineMs, () =>
      client.readStream(stream, {
        direction: read.direction === 'forwards' ? FORWARDS : BACKWARDS,
        fromRevision: read.from === 'start' ? START : read.from === 'end' ? END : read.from,
        maxCount: read.maxCount,
      }),
    ),
  readAll: (read) =>
    collectWithin(deadlineMs, () =>
      client.readAll({
        direction: FORWARDS,
        fromPosition: read.from === 'start' ? START : { commit: read.from, prepare: read.from },
        maxCount: read.maxCount,
      }),
    ),
  subscribeToAll: (request) => subscribeToAll(client, request),
  setStreamMetadata: (stream, metadata) =>
    attempt(async () => {
      await client.setStreamMetadata(stream, metadata.maxCount === undefined ? {} : { maxCount: metadata.maxCount });
    }),
  dispose: () => client.dispose(),
  };
};
