/** Stream metadata as EventStoreDB keeps it: the last `$metadata` event of the `$$<stream>` metastream. */
import { DELETED_STREAM_REVISION, type RecordedEvent } from './log-types.js';

/** The event type of every metadata event. */
export const METADATA_EVENT_TYPE = '$metadata';

/** The metadata fields the server acts on, and every field as read. */
export interface StreamMetadata {
  /** `$tb`: events before this revision are hidden from stream reads. */
  readonly truncateBefore: number | undefined;
  /** `$maxCount`: only the last this many events are visible to stream reads. */
  readonly maxCount: number | undefined;
  /** `$maxAge`, in seconds: older events are hidden from stream reads. */
  readonly maxAge: number | undefined;
  readonly fields: Readonly<Record<string, unknown>>;
}

/** Metadata with no field set. */
export const NO_METADATA: StreamMetadata = { truncateBefore: undefined, maxCount: undefined, maxAge: undefined, fields: {} };

/** Whether a stream name is a metastream (`$$<stream>`). */
export const isMetastream = (streamName: string): boolean => streamName.startsWith('$$');

/** The metastream of a stream. */
export const metastreamOf = (streamName: string): string => `$$${streamName}`;

/** The stream a metastream describes. */
export const originalStreamOf = (metastreamName: string): string => metastreamName.slice(2);

const numberField = (fields: Readonly<Record<string, unknown>>, key: string): number | undefined => {
  const value = fields[key];
  return typeof value === 'number' ? value : undefined;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads metadata from a metastream's last event; anything but a JSON object counts as no metadata. */
export const parseStreamMetadata = (event: RecordedEvent | undefined): StreamMetadata => {
  if (event === undefined || event.contentType !== 'application/json') return NO_METADATA;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(event.data).toString('utf8'));
  } catch {
    return NO_METADATA;
  }
  if (!isRecord(parsed)) return NO_METADATA;
  return {
    truncateBefore: numberField(parsed, '$tb'),
    maxCount: numberField(parsed, '$maxCount'),
    maxAge: numberField(parsed, '$maxAge'),
    fields: parsed,
  };
};

/** Whether metadata marks its stream soft-deleted (`$tb` = `long.MaxValue`, as Delete writes it). */
export const isSoftDeleted = (metadata: StreamMetadata): boolean =>
  metadata.truncateBefore !== undefined && metadata.truncateBefore >= Number(DELETED_STREAM_REVISION);

const TICKS_PER_SECOND = 10_000_000n;

/** The events a stream read sees: none before `$tb`, only the last `$maxCount`, none older than `$maxAge`. */
export const visibleEvents = (
  events: readonly RecordedEvent[],
  metadata: StreamMetadata,
  nowTicks: bigint,
): readonly RecordedEvent[] => {
  let from = 0;
  if (metadata.truncateBefore !== undefined) from = Math.max(from, Math.ceil(metadata.truncateBefore));
  if (metadata.maxCount !== undefined) from = Math.max(from, events.length - metadata.maxCount);
  const kept = events.slice(from);
  if (metadata.maxAge === undefined) return kept;
  const oldest = nowTicks - BigInt(Math.floor(metadata.maxAge)) * TICKS_PER_SECOND;
  return kept.filter((event) => event.createdTicks >= oldest);
};

/** The JSON bytes of `fields` with `$tb` set to `truncateBefore`, written exactly even past 2^53. */
export const metadataWithTruncateBefore = (fields: Readonly<Record<string, unknown>>, truncateBefore: bigint): Uint8Array => {
  const others = JSON.stringify(Object.fromEntries(Object.entries(fields).filter(([key]) => key !== '$tb')));
  const tb = `"$tb":${truncateBefore.toString(10)}`;
  const json = others === '{}' ? `{${tb}}` : `{${tb},${others.slice(1)}`;
  return Buffer.from(json, 'utf8');
};
