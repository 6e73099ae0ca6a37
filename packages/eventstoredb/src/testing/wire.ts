/** Conversions between the generated wire messages and the log's values. */
import type { ExpectedRevision, ProposedEvent, RecordedEvent } from './log-types.js';
import { sharedPb, streamsPb } from './protocol.js';
import type { SharedPb, StreamsPb } from './protocol.js';

/** The UTF-8 name inside a stream identifier (empty when absent). */
export const streamNameOf = (identifier: SharedPb.StreamIdentifier | undefined): string =>
  identifier === undefined ? '' : Buffer.from(identifier.getStreamName_asU8()).toString('utf8');

/** A stream identifier for a name. */
export const streamIdentifierOf = (streamName: string): SharedPb.StreamIdentifier =>
  new sharedPb.StreamIdentifier().setStreamName(Buffer.from(streamName, 'utf8'));

const hex64 = (bits: string): string => BigInt.asUintN(64, BigInt(bits)).toString(16).padStart(16, '0');

/** The canonical lower-case text of a wire UUID, string or structured. */
export const uuidOf = (uuid: SharedPb.UUID | undefined): string | undefined => {
  if (uuid === undefined) return undefined;
  if (uuid.hasString()) return uuid.getString().toLowerCase();
  const structured = uuid.getStructured();
  if (structured === undefined) return undefined;
  const digits = hex64(structured.getMostSignificantBits()) + hex64(structured.getLeastSignificantBits());
  return [digits.slice(0, 8), digits.slice(8, 12), digits.slice(12, 16), digits.slice(16, 20), digits.slice(20)].join('-');
};

/** A wire UUID in the form the reader asked for. */
export const uuidToWire = (id: string, structured: boolean): SharedPb.UUID => {
  const uuid = new sharedPb.UUID();
  if (!structured) return uuid.setString(id);
  const digits = id.replaceAll('-', '');
  const half = (from: number): string => BigInt.asIntN(64, BigInt(`0x${digits.slice(from, from + 16)}`)).toString(10);
  return uuid.setStructured(new sharedPb.UUID.Structured().setMostSignificantBits(half(0)).setLeastSignificantBits(half(16)));
};

/** The fields every proposed message class (Append and BatchAppend) shares. */
interface ProposedMessage {
  getId(): SharedPb.UUID | undefined;
  getMetadataMap(): { get(key: string): string | undefined };
  getData_asU8(): Uint8Array;
  getCustomMetadata_asU8(): Uint8Array;
}

/** A proposed event from either append message; `undefined` when it has no usable id. */
export const proposedEventOf = (message: ProposedMessage): ProposedEvent | undefined => {
  const id = uuidOf(message.getId());
  if (id === undefined) return undefined;
  const metadata = message.getMetadataMap();
  return {
    id,
    type: metadata.get('type') ?? '',
    contentType: metadata.get('content-type') ?? 'application/octet-stream',
    data: message.getData_asU8(),
    metadata: message.getCustomMetadata_asU8(),
  };
};

/** The fields every options message with an expected revision shares (Append, Delete, Tombstone). */
interface ExpectedRevisionOptions {
  hasRevision(): boolean;
  getRevision(): string;
  hasNoStream(): boolean;
  hasStreamExists(): boolean;
}

/** The expected revision of Append, Delete or Tombstone options; `any` when none is set. */
export const expectedRevisionOf = (options: ExpectedRevisionOptions): ExpectedRevision => {
  if (options.hasRevision()) return { kind: 'revision', revision: BigInt(options.getRevision()) };
  if (options.hasNoStream()) return { kind: 'no_stream' };
  if (options.hasStreamExists()) return { kind: 'stream_exists' };
  return { kind: 'any' };
};

/** The expected revision of BatchAppend options, where an exact revision is `stream_position`. */
export const batchExpectedRevisionOf = (options: StreamsPb.BatchAppendReq.Options): ExpectedRevision => {
  if (options.hasStreamPosition()) return { kind: 'revision', revision: BigInt(options.getStreamPosition()) };
  if (options.hasNoStream()) return { kind: 'no_stream' };
  if (options.hasStreamExists()) return { kind: 'stream_exists' };
  return { kind: 'any' };
};

/** A recorded event as a `ReadResp`, with its commit position. */
export const readResponseOf = (event: RecordedEvent, structuredUuids: boolean): StreamsPb.ReadResp => {
  const recorded = new streamsPb.ReadResp.ReadEvent.RecordedEvent()
    .setId(uuidToWire(event.id, structuredUuids))
    .setStreamIdentifier(streamIdentifierOf(event.streamName))
    .setStreamRevision(event.revision.toString(10))
    .setPreparePosition(event.position.toString(10))
    .setCommitPosition(event.position.toString(10))
    .setData(event.data)
    .setCustomMetadata(event.metadata);
  recorded
    .getMetadataMap()
    .set('type', event.type)
    .set('content-type', event.contentType)
    .set('created', event.createdTicks.toString(10));
  const readEvent = new streamsPb.ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(event.position.toString(10));
  return new streamsPb.ReadResp().setEvent(readEvent);
};
