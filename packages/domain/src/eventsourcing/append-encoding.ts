import * as E from 'fp-ts/lib/Either.js';
import type { CodecRegistry } from './codec-registry.js';
import type { EventMetadata, EventShape, NewEvent } from './envelope.js';
import type { StoreError } from './errors.js';
import { isEventId } from './event-id.js';
import { decodeMetadata } from './metadata-codec.js';
import { checkStreamName, invalidArgument, type StoreLimits } from './store-limits.js';

/** An event in the form a store writes: type, JSON data at the current schema version, full metadata. */
export interface EncodedEvent {
  readonly type: string;
  /** Plain JSON data: a fresh copy, detached from the caller's objects. */
  readonly data: unknown;
  /** The data as a JSON string. */
  readonly json: string;
  readonly metadata: EventMetadata;
}

/**
 * Validates an append's arguments and encodes its events through the registry: a valid stream
 * name, at least one event, uuid event ids distinct within the batch, data that satisfies its
 * codec and fits the size limit. Every store calls this before it writes anything.
 */
export const encodeAppend = <E extends EventShape>(
  registry: CodecRegistry<E>,
  limits: StoreLimits,
  stream: string,
  firstRevision: bigint,
  events: readonly NewEvent<E>[],
): E.Either<StoreError, readonly EncodedEvent[]> => {
  const operation = `append to stream '${stream}'`;
  const badName = checkStreamName(stream, operation, limits.maxStreamNameLength);
  if (badName !== undefined) return E.left(badName);
  if (!Array.isArray(events) || events.length === 0) return E.left(invalidArgument(operation, 'there are no events to append'));
  if (events.length > limits.maxEventsPerAppend) {
    return E.left(
      invalidArgument(operation, `${String(events.length)} events is more than the limit of ${String(limits.maxEventsPerAppend)} per append`),
    );
  }
  const encoded: EncodedEvent[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < events.length; i++) {
    const candidate = events[i] as NewEvent<E> | undefined;
    const revision = firstRevision + BigInt(i);
    const eventId: unknown = candidate?.metadata?.eventId;
    if (typeof eventId !== 'string' || !isEventId(eventId)) {
      return E.left(invalidArgument(operation, `event ${String(i)}: metadata.eventId must be a uuid`));
    }
    if (seen.has(eventId)) return E.left(invalidArgument(operation, `event ${String(i)}: event id ${eventId} appears twice`));
    seen.add(eventId);
    const stored = registry.encode((candidate as NewEvent<E>).event, { stream, revision });
    if (E.isLeft(stored)) return stored;
    const metadata = decodeMetadata(
      { ...(candidate as NewEvent<E>).metadata, schemaVersion: stored.right.schemaVersion },
      { stream, revision, type: stored.right.type },
    );
    if (E.isLeft(metadata)) return metadata;
    let json: string | undefined;
    try {
      json = JSON.stringify(stored.right.data);
    } catch (cause) {
      return E.left(invalidArgument(operation, `event ${String(i)} cannot be written as JSON: ${String(cause)}`));
    }
    if (json === undefined) return E.left(invalidArgument(operation, `event ${String(i)} has no JSON form`));
    if (json.length > limits.maxEventBytes) {
      return E.left(
        invalidArgument(operation, `event ${String(i)} is larger than the limit of ${String(limits.maxEventBytes)} bytes`),
      );
    }
    encoded.push({ type: stored.right.type, data: JSON.parse(json) as unknown, json, metadata: metadata.right });
  }
  return E.right(encoded);
};
