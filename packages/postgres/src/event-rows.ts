/** Turns rows of the `events` table into the kernel's recorded events: metadata and data decoded, old versions upcast. */
import * as E from 'fp-ts/lib/Either.js';
import { decodeMetadata, type CodecRegistry, type EventReadError, type EventShape, type RecordedEvent } from '@borough-command/domain/eventsourcing';

/** A row of the `events` table as node-postgres returns it: bigints as decimal strings, JSON parsed. */
export interface EventRow {
  readonly position: string;
  readonly stream: string;
  readonly revision: string;
  readonly event_id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
}

/** The columns of an `EventRow`, for a `SELECT`. */
export const EVENT_COLUMNS = 'position, stream, revision, event_id, type, data, metadata';

/**
 * Decodes one row: its metadata through the kernel's metadata codec (whose `eventId` must be the
 * row's), its data through the registry, upcast to the current version. Every failure names the
 * stream and revision.
 */
export const decodeRow = <Ev extends EventShape>(registry: CodecRegistry<Ev>, row: EventRow): E.Either<EventReadError, RecordedEvent<Ev>> => {
  const revision = BigInt(row.revision);
  const where = { stream: row.stream, revision };
  const metadata = decodeMetadata(row.metadata, { ...where, type: row.type });
  if (E.isLeft(metadata)) return metadata;
  const { eventId, schemaVersion } = metadata.right;
  if (eventId !== row.event_id) {
    return E.left({
      _tag: 'EventDecodeFailed',
      ...where,
      type: row.type,
      schemaVersion,
      path: 'metadata.eventId',
      reason: `the metadata names event ${eventId} but the row holds event ${row.event_id}`,
    });
  }
  const event = registry.decode({ type: row.type, schemaVersion, data: row.data }, where);
  if (E.isLeft(event)) return event;
  return E.right({ event: event.right, metadata: metadata.right, stream: row.stream, revision, position: BigInt(row.position) });
};

/** Decodes rows in order; the first failure stops. */
export const decodeRows = <Ev extends EventShape>(registry: CodecRegistry<Ev>, rows: readonly EventRow[]): E.Either<EventReadError, readonly RecordedEvent<Ev>[]> => {
  const records: RecordedEvent<Ev>[] = [];
  for (const row of rows) {
    const record = decodeRow(registry, row);
    if (E.isLeft(record)) return record;
    records.push(record.right);
  }
  return E.right(records);
};
