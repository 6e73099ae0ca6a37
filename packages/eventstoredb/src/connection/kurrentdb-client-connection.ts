/**
 * `EsdbConnection` over `@kurrent/kurrentdb-client` 1.3: the only file that calls that client's
 * operations. Where it differs from `@eventstore/db-client` 6.2.1: the expected revision is its
 * `streamState`; stream and `$all` reads go through its native bridge and come back as async
 * iterators; a `$all` read takes a server-side filter, so a read with stream prefixes asks the
 * node for matching events only; and its `Streams.BatchAppend` keeps the pending appends of each
 * call apart, so a dropped connection fails only the appends sent over it. Only its types are
 * imported: the client object given is all it needs.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { AppendResult, AppendStreamState, KurrentDBClient, ResolvedEvent, AllStreamResolvedEvent, JSONType } from '@kurrent/kurrentdb-client';
import type { ExpectedRevision } from '@borough-command/domain/eventsourcing';
import { DEFAULT_APPEND_METHOD, useAppendMethod } from './append-method.js';
import { classifyAppendError, classifyClientError } from './classify-error.js';
import { attempt, batchesWithin, bufferedSubscription, collectWithin, type ClientRead } from './client-streams.js';
import { allEventsFilter, jsonEventOf } from './client-values.js';
import { DEFAULT_DEADLINE_MS, type DbClientConnectionOptions } from './db-client-connection.js';
import { readersOf, type HeldReader } from './kurrentdb-readers.js';
import type { EsdbConnection, EsdbFailure } from './esdb-connection.js';

/** The kernel's expected revision as the client's stream state (the same literals). */
const streamStateOf = (expected: ExpectedRevision): AppendStreamState => expected;

/** A read of the client's native bridge, stopped early by returning its iterator. */
const readOf = (read: AsyncIterableIterator<ResolvedEvent | AllStreamResolvedEvent>): ClientRead => ({
  events: read,
  cancel: async () => read.return?.(),
});

/**
 * The conflict behind an append answered `success: false` (a client built with
 * `throwOnAppendFailure=false`, whose answer does not carry the stream's revision): the stream's
 * revision is read back.
 */
const conflictOf = async (client: KurrentDBClient, stream: string): Promise<EsdbFailure> => {
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

/** Options of `kurrentDbClientConnection`: those of `dbClientConnection`, and how to make a fresh client for reads. */
export interface KurrentDbClientConnectionOptions extends DbClientConnectionOptions {
  /**
   * Makes a new client for the same node(s). The client's native bridge (which serves reads) does
   * not recover when its connection fails before it is first established, or breaks during a read:
   * every later read answers unavailable without reaching the node. With `reopen`, reads that
   * fail as unavailable twice in a row make the next reads go through a new client. Without it (a
   * client given by the caller), reads stay on the given client.
   */
  readonly reopen?: () => KurrentDBClient;
}

/** An `EsdbConnection` over a `@kurrent/kurrentdb-client` client, appending with the chosen method; `dispose` disposes the client. */
export const kurrentDbClientConnection = (given: KurrentDBClient, options: KurrentDbClientConnectionOptions = {}): EsdbConnection => {
  const client = useAppendMethod(given, options.appendMethod ?? DEFAULT_APPEND_METHOD);
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  if (!(deadlineMs > 0 && Number.isFinite(deadlineMs))) throw new Error(`deadlineMs must be a positive number of milliseconds; got ${String(deadlineMs)}`);
  const readers = readersOf(client, options.reopen);
  return {
    append: (stream, events, expected) => async () => {
      let result: AppendResult;
      try {
        result = await client.appendToStream(
          stream,
          events.map((event) => jsonEventOf(event.id, event.type, event.data as JSONType, event.metadata as JSONType)),
          { streamState: streamStateOf(expected), deadline: deadlineMs },
        );
      } catch (error) {
        return E.left(classifyAppendError(error));
      }
      // An answer came: from here on, what fails is known not to have written anything.
      if (!result.success) return readers.run((reader) => async () => E.left(await conflictOf(reader, stream)))();
      return E.right({ nextExpectedRevision: result.nextExpectedRevision, position: result.position?.commit });
    },
    readStream: (stream, read) =>
      readers.run((reader) =>
        collectWithin(deadlineMs, () => readOf(reader.readStream(stream, { direction: read.direction, fromRevision: read.from, maxCount: read.maxCount }))),
      ),
    readAll: (read) => {
      let held: HeldReader | undefined;
      const batches = batchesWithin(
        deadlineMs,
        () => {
          held = readers.hold();
          return readOf(
            held.client.readAll({
              direction: 'forwards',
              fromPosition: read.from === 'start' ? 'start' : { commit: read.from, prepare: read.from },
              // The node sends only the events of these streams (or, without prefixes, no `$`-typed ones).
              filter: allEventsFilter(read.streamPrefixes),
            }),
          );
        },
        read.batchSize,
      );
      // The reader is held from the read's start to its end, which tells whether it answered.
      const release = (unavailable: boolean): void => {
        held?.release(unavailable);
        held = undefined;
      };
      return {
        next: async () => {
          const batch = await batches.next();
          if (E.isLeft(batch)) release(batch.left._tag === 'NodeUnavailable');
          else if (batch.right.length === 0) release(false);
          return batch;
        },
        close: async () => {
          await batches.close();
          release(false);
        },
      };
    },
    subscribeToAll: (request) =>
      bufferedSubscription(() =>
        client.subscribeToAll({
          fromPosition: request.after === undefined ? 'start' : { commit: request.after, prepare: request.after },
          filter: allEventsFilter(request.streamPrefixes),
        }),
      ),
    setStreamMetadata: (stream, metadata) =>
      attempt(async () => {
        await client.setStreamMetadata(stream, metadata.maxCount === undefined ? {} : { maxCount: metadata.maxCount });
      }),
    dispose: async () => {
      await readers.dispose();
      await client.dispose();
    },
  };
};
