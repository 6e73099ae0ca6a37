/**
 * The test server's storage: one ordered log (`$all`) and its streams, with EventStoreDB's rules
 * for expected revisions, soft delete (a `$tb` of `long.MaxValue` in the metastream, undone by the
 * next write), tombstones (a `$streamDeleted` event at revision `long.MaxValue`) and the metadata
 * that hides events from stream reads. It outlives server restarts.
 */
import { randomUUID } from 'node:crypto';
import { checkExpectedRevision, type StreamFacts } from './expected-revision.js';
import {
  DELETED_STREAM_REVISION,
  type ExpectedRevision,
  type ProposedEvent,
  type RecordedEvent,
  type StreamView,
  type WriteOutcome,
} from './log-types.js';
import {
  isMetastream,
  isSoftDeleted,
  METADATA_EVENT_TYPE,
  metadataWithTruncateBefore,
  metastreamOf,
  NO_METADATA,
  originalStreamOf,
  parseStreamMetadata,
  type StreamMetadata,
  visibleEvents,
} from './stream-metadata.js';

/** Called synchronously for every event the log records, in log order. */
export type LogListener = (event: RecordedEvent) => void;

interface StreamRecord {
  readonly events: RecordedEvent[];
  readonly revisions: Map<string, bigint>;
  tombstone: RecordedEvent | undefined;
}

/** Where the first event lands: EventStoreDB's log never has a user event at position 0. */
const LOG_START = 1_024n;
/** A rough record header, so positions grow like byte offsets and are never contiguous. */
const RECORD_OVERHEAD = 96n;
const TICKS_PER_MILLISECOND = 10_000n;
/** A metastream keeps one visible event, as EventStoreDB's default `$maxCount` of metastreams. */
const METASTREAM_MAX_COUNT = 1;

const byteLength = (text: string): bigint => BigInt(Buffer.byteLength(text, 'utf8'));

/** The ordered event log behind a test server. */
export class EventLog {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, StreamRecord>();
  private readonly listeners = new Set<LogListener>();
  private nextPosition = LOG_START;

  /**
   * `deduplicateEventIds` false makes a server that writes again events whose ids it already
   * holds, where EventStoreDB answers a repeated append as already written.
   */
  constructor(
    private readonly clock: () => Date,
    private readonly deduplicateEventIds = true,
  ) {}

  /** Every event ever recorded, in position order (what `$all` holds). */
  all(): readonly RecordedEvent[] {
    return this.log;
  }

  /** Calls `listener` for each event recorded from now on; returns the unsubscribe function. */
  onRecorded(listener: LogListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Whether reads and writes of this stream fail as deleted (tombstoned, or its stream is). */
  isTombstoned(streamName: string): boolean {
    const owner = isMetastream(streamName) ? originalStreamOf(streamName) : streamName;
    return this.streams.get(owner)?.tombstone !== undefined;
  }

  /** The stream as a read sees it: its visible events, not found, or deleted. */
  view(streamName: string): StreamView {
    if (this.isTombstoned(streamName)) return { kind: 'deleted' };
    const events = this.streams.get(streamName)?.events ?? [];
    if (events.length === 0) return { kind: 'not_found' };
    if (isMetastream(streamName)) return { kind: 'found', events: events.slice(-METASTREAM_MAX_COUNT) };
    const metadata = this.metadataOf(streamName);
    if (isSoftDeleted(metadata)) return { kind: 'not_found' };
    return { kind: 'found', events: visibleEvents(events, metadata, this.nowTicks()) };
  }

  /** Appends events at an expected revision. */
  append(streamName: string, expected: ExpectedRevision, proposed: readonly ProposedEvent[]): WriteOutcome {
    const facts = this.facts(streamName);
    if (facts === undefined) return { kind: 'stream_deleted' };
    // Without de-duplication no id is looked up: a repeat at a revision passed is a conflict, with `any` a new write.
    const decision = checkExpectedRevision(facts, expected, this.deduplicateEventIds ? proposed.map((event) => event.id) : []);
    switch (decision.kind) {
      case 'stream_deleted':
        return decision;
      case 'wrong_expected_version':
        return { kind: 'wrong_expected_version', expected, current: lastRevision(facts.events) };
      case 'idempotent':
        return { kind: 'written', revision: decision.last.revision, position: decision.last.position };
      case 'write':
        return this.write(streamName, facts, proposed);
    }
  }

  /** Soft delete: writes `$tb` = `long.MaxValue` to the metastream, keeping its other fields. */
  softDelete(streamName: string, expected: ExpectedRevision): WriteOutcome {
    return this.delete(streamName, expected, () =>
      this.writeMetadata(streamName, metadataWithTruncateBefore(this.metadataOf(streamName).fields, DELETED_STREAM_REVISION)),
    );
  }

  /** Hard delete: records a `$streamDeleted` event; the stream can never be written or read again. */
  tombstone(streamName: string, expected: ExpectedRevision): WriteOutcome {
    return this.delete(streamName, expected, () => {
      const event = this.record(streamName, systemEvent('$streamDeleted', 'application/octet-stream', new Uint8Array()), DELETED_STREAM_REVISION);
      this.stream(streamName).tombstone = event;
      return event;
    });
  }

  private delete(streamName: string, expected: ExpectedRevision, perform: () => RecordedEvent): WriteOutcome {
    const facts = this.facts(streamName);
    if (facts === undefined) return { kind: 'stream_deleted' };
    const decision = checkExpectedRevision(facts, expected, []);
    if (decision.kind === 'stream_deleted') return decision;
    if (decision.kind === 'wrong_expected_version') {
      return { kind: 'wrong_expected_version', expected, current: lastRevision(facts.events) };
    }
    return { kind: 'written', revision: undefined, position: perform().position };
  }

  private write(streamName: string, facts: StreamFacts, proposed: readonly ProposedEvent[]): WriteOutcome {
    const last = lastRevision(facts.events);
    if (proposed.length === 0) return { kind: 'written', revision: last, position: undefined };
    if (facts.softDeleted) {
      // The first write after a soft delete undeletes: revisions go on, earlier ones stay hidden.
      const fields = this.metadataOf(streamName).fields;
      this.writeMetadata(streamName, metadataWithTruncateBefore(fields, BigInt(facts.events.length)));
    }
    const owner = isMetastream(streamName) ? originalStreamOf(streamName) : undefined;
    const ownerWasSoftDeleted = owner !== undefined && isSoftDeleted(this.metadataOf(owner));
    let recorded: RecordedEvent | undefined;
    for (const event of proposed) recorded = this.record(streamName, event, undefined);
    if (owner !== undefined && ownerWasSoftDeleted) this.keepSoftDeletedEventsHidden(owner);
    return { kind: 'written', revision: recorded?.revision, position: recorded?.position };
  }

  /** New metadata on a soft-deleted stream undeletes it, but its old events stay truncated. */
  private keepSoftDeletedEventsHidden(streamName: string): void {
    const metadata = this.metadataOf(streamName);
    const length = this.streams.get(streamName)?.events.length ?? 0;
    if (isSoftDeleted(metadata) || length === 0 || (metadata.truncateBefore ?? 0) >= length) return;
    this.writeMetadata(streamName, metadataWithTruncateBefore(metadata.fields, BigInt(length)));
  }

  private facts(streamName: string): StreamFacts | undefined {
    if (this.isTombstoned(streamName)) return undefined;
    const record = this.streams.get(streamName);
    const metadataEvents = isMetastream(streamName) ? [] : (this.streams.get(metastreamOf(streamName))?.events ?? []);
    return {
      events: record?.events ?? [],
      softDeleted: !isMetastream(streamName) && isSoftDeleted(this.metadataOf(streamName)),
      hasMetadata: metadataEvents.length > 0,
      revisionOf: (eventId) => record?.revisions.get(eventId),
    };
  }

  private metadataOf(streamName: string): StreamMetadata {
    if (isMetastream(streamName)) return NO_METADATA;
    return parseStreamMetadata(this.streams.get(metastreamOf(streamName))?.events.at(-1));
  }

  private nowTicks(): bigint {
    return BigInt(this.clock().getTime()) * TICKS_PER_MILLISECOND;
  }

  private writeMetadata(streamName: string, json: Uint8Array): RecordedEvent {
    return this.record(metastreamOf(streamName), systemEvent(METADATA_EVENT_TYPE, 'application/json', json), undefined);
  }

  private stream(streamName: string): StreamRecord {
    let record = this.streams.get(streamName);
    if (record === undefined) {
      record = { events: [], revisions: new Map(), tombstone: undefined };
      this.streams.set(streamName, record);
    }
    return record;
  }

  private record(streamName: string, proposed: ProposedEvent, tombstoneRevision: bigint | undefined): RecordedEvent {
    const stream = this.stream(streamName);
    const event: RecordedEvent = {
      ...proposed,
      streamName,
      revision: tombstoneRevision ?? BigInt(stream.events.length),
      position: this.nextPosition,
      createdTicks: this.nowTicks(),
    };
    this.nextPosition +=
      RECORD_OVERHEAD + byteLength(streamName) + byteLength(proposed.type) + BigInt(proposed.data.length + proposed.metadata.length);
    this.log.push(event);
    if (tombstoneRevision === undefined) {
      stream.events.push(event);
      stream.revisions.set(event.id, event.revision);
    }
    for (const listener of this.listeners) listener(event);
    return event;
  }
}

const lastRevision = (events: readonly RecordedEvent[]): bigint | undefined => events.at(-1)?.revision;

const systemEvent = (type: string, contentType: string, data: Uint8Array): ProposedEvent => ({
  id: randomUUID(),
  type,
  contentType,
  data,
  metadata: new Uint8Array(),
});
