/**
 * `EsdbConnection` over `@eventstore/db-client` 6.2.1: the only file that calls that client's operations. Every
 * call is wrapped so a thrown error comes back as an `EsdbFailure` value. Only its types are
 * imported: the client object given is all it needs, so the package loads without the client.
 */
import * as E from 'fp-ts/lib/Either.js';
import type {
  AllStreamResolvedEvent,
  AppendResult,
  AppendExpectedRevision,
  EventStoreDBClient,
  JSONEventData,
  JSONType,
  ResolvedEvent,
  StreamingRead,
} from '@eventstore/db-client';
import type { ExpectedRevision } from '@borough-command/domain/eventsourcing';
import { DEFAULT_APPEND_METHOD, useAppendMethod, type AppendMethod } from './append-method.js';
import { classifyAppendError, classifyClientError } from './classify-error.js';
import { attempt, batchesWithin, bufferedSubscription, collectWithin, type ClientRead } from './client-streams.js';
import { allEventsFilter, jsonEventOf } from './client-values.js';
import type {
  EsdbAllSubscriptionRequest,
  EsdbConnection,
  EsdbFailure,
  EsdbSubscription,
} from './esdb-connection.js';

/** The kernel's expected revision in the client's terms (the same literals). */
const expectedRevisionOf = (expected: ExpectedRevision): AppendExpectedRevision => expected;

/** A live `$all` subscription of the client. */
const subscribeToAll = (client: EventStoreDBClient, request: EsdbAllSubscriptionRequest): EsdbSubscription =>
  bufferedSubscription(() =>
    client.subscribeToAll({
      fromPosition: request.after === undefined ? 'start' : { commit: request.after, prepare: request.after },
      // The server leaves out what does not match; `$` events are checked again on the adapter's side.
      filter: allEventsFilter(request.streamPrefixes),
    }),
  );

/** A finite read of the client, cancelled through its stream. */
const readOf = (read: StreamingRead<ResolvedEvent | AllStreamResolvedEvent>): ClientRead => ({ events: read, cancel: () => read.cancel() });

/**
 * The conflict behind an append answered `success: false` (a client built with
 * `throwOnAppendFailure=false`, whose answer does not carry the stream's revision reliably): the
 * stream's revision is read back.
 */
const conflictOf = async (client: EventStoreDBClient, stream: string): Promise<EsdbFailure> => {
  let current: bigint | 'no_stream' = 'no_stream';
  try {
    for await (const resolved of client.readStream(stream, { direction: 'backwards', fromRevision: 'end', maxCount: 1 })) {
      current = resolved.event?.revision ?? current;
    }
  } catch (error) {
    const failure = classifyClientError(error);
    if (failure._tag !== 'StreamNotFound') return failure;
  }
  return { _tag: 'WrongExpectedRevision', actual: current };
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
  append: (stream, events, expected) => async () => {
    let result: AppendResult;
    try {
      result = await client.appendToStream(
        stream,
        events.map((event): JSONEventData => jsonEventOf(event.id, event.type, event.data as JSONType, event.metadata as JSONType)),
        { expectedRevision: expectedRevisionOf(expected), deadline: deadlineMs },
      );
    } catch (error) {
      return E.left(classifyAppendError(error));
    }
    // An answer came: from here on, what fails is known not to have written anything.
    if (!result.success) return E.left(await conflictOf(client, stream));
    return E.right({ nextExpectedRevision: result.nextExpectedRevision, position: result.position?.commit });
  },
  readStream: (stream, read) =>
    collectWithin(deadlineMs, () =>
      readOf(client.readStream(stream, {
        direction: read.direction,
        fromRevision: read.from,
        maxCount: read.maxCount,
      })),
    ),
  readAll: (read) =>
    batchesWithin(
      deadlineMs,
      () =>
        readOf(client.readAll({
          direction: 'forwards',
          fromPosition: read.from === 'start' ? 'start' : { commit: read.from, prepare: read.from },
        })),
      read.batchSize,
    ),
  subscribeToAll: (request) => subscribeToAll(client, request),
  setStreamMetadata: (stream, metadata) =>
    attempt(async () => {
      await client.setStreamMetadata(stream, metadata.maxCount === undefined ? {} : { maxCount: metadata.maxCount });
    }),
  dispose: () => client.dispose(),
  };
};
