/** Turns raw EventStoreDB events into the kernel's recorded events: metadata and data decoded, old versions upcast. */
import * as E from 'fp-ts/lib/Either.js';
import {
  decodeMetadata,
  type CodecRegistry,
  type EventDecodeFailed,
  type EventReadError,
  type EventShape,
  type RecordedEvent,
} from '@borough-command/domain/eventsourcing';
import type { EsdbRecordedEvent } from './connection/esdb-connection.js';

/** Whether an event is EventStoreDB's own: a `$`-prefixed stream (metastreams, stats) or event type (tombstones). */
export const isSystemEvent = (raw: EsdbRecordedEvent): boolean => raw.stream.startsWith('$') || raw.type.startsWith('$');

const failed = (raw: EsdbRecordedEvent, schemaVersion: number | undefined, path: string, reason: string): EventDecodeFailed => ({
  _tag: 'EventDecodeFailed',
  stream: raw.stream,
  revision: raw.revision,
  type: raw.type,
  schemaVersion,
  path,
  reason,
});

/**
 * Decodes one event read from EventStoreDB: its metadata through the kernel's metadata codec (the
 * metadata's `eventId` must be the EventStoreDB event id), its data through the registry (upcast to
 * the current version). Every failure names the stream and revision.
 */
export const decodeRecorded = <Ev extends EventShape>(
  registry: CodecRegistry<Ev>,
  raw: EsdbRecordedEvent,
): E.Either<EventReadError, RecordedEvent<Ev>> => {
  const metadata = decodeMetadata(raw.metadata, { stream: raw.stream, revision: raw.revision, type: raw.type });
  if (E.isLeft(metadata)) return metadata;
  const { eventId, schemaVersion } = metadata.right;
  if (eventId.toLowerCase() !== raw.id.toLowerCase()) {
    return E.left(failed(raw, schemaVersion, 'metadata.eventId', `the metadata names event ${eventId} but EventStoreDB holds it as ${raw.id}`));
  }
  if (raw.position === undefined) {
    return E.left(failed(raw, schemaVersion, 'position', 'the server sent no position (EventStoreDB 22.6 or later is needed)'));
  }
  const event = registry.decode({ type: raw.type, schemaVersion, data: raw.data }, { stream: raw.stream, revision: raw.revision });
  if (E.isLeft(event)) return event;
  return E.right({ event: event.right, metadata: metadata.right, stream: raw.stream, revision: raw.revision, position: raw.position });
};
