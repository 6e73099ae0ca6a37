import {
  appointmentStream,
  domainEventRegistry,
  isAppointmentEvent,
  isPolicyEvent,
  isPostingEvent,
  policyStream,
  postingStream,
  restructureStream,
  type DomainEvent,
} from '@borough-command/domain';
import { deriveEventId, type EventMetadata, type RecordedEvent } from '@borough-command/domain/eventsourcing';

/** A plain domain event, or one with the place and metadata it should be given where the defaults will not do. */
export type GivenEvent =
  | DomainEvent
  | {
      readonly event: DomainEvent;
      /** The stream; the event's own stream by default (`streamOfEvent`). */
      readonly stream?: string;
      /** Metadata fields to set; the rest are made up as `envelopesOf` says. */
      readonly metadata?: Partial<EventMetadata>;
    };

/** Where `envelopesOf` starts counting, and the metadata every envelope shares. */
export interface EnvelopeOptions {
  /** The global position of the first envelope; 0 by default. */
  readonly firstPosition?: bigint;
  /** The actor of every event; `given` by default. */
  readonly actor?: string;
}

/** The stream the domain writes an event to: its process, its command unit's postings, or its force's restructure. */
export const streamOfEvent = (event: DomainEvent): string => {
  if (isAppointmentEvent(event)) return appointmentStream(event.data.processId);
  if (isPostingEvent(event)) return postingStream(event.data.unit);
  if (isPolicyEvent(event)) return policyStream(event.data.policyId);
  return restructureStream(event.data.restructureId);
};

/** The day an event took effect, from its data: `at`, or a posting's `end` or `start`. */
const dateOf = (event: DomainEvent): string => {
  const data = event.data as { readonly at?: string; readonly end?: string; readonly start?: string };
  return data.at ?? data.end ?? data.start ?? '2000-01-01';
};

const isWrapped = (given: GivenEvent): given is Exclude<GivenEvent, DomainEvent> => 'event' in given;

/**
 * Envelopes as a store would deliver plain domain events, in the order given: the event's own stream
 * (`streamOfEvent`), revisions counted per stream from 0, global positions counted from
 * `firstPosition`, and metadata made up: one command per event (`given-<position>`), a uuid event
 * id derived from it, the event's date at noon as `recordedAt`, and the registry's schema version.
 * Any of these can be set per event by giving `{ event, stream?, metadata? }`.
 */
export const envelopesOf = (events: readonly GivenEvent[], options: EnvelopeOptions = {}): readonly RecordedEvent<DomainEvent>[] => {
  const revisions = new Map<string, bigint>();
  const first = options.firstPosition ?? 0n;
  return events.map((given, index) => {
    const event = isWrapped(given) ? given.event : given;
    const stream = (isWrapped(given) ? given.stream : undefined) ?? streamOfEvent(event);
    const revision = revisions.get(stream) ?? 0n;
    revisions.set(stream, revision + 1n);
    const position = first + BigInt(index);
    const commandId = `given-${position.toString()}`;
    const metadata: EventMetadata = {
      eventId: deriveEventId(commandId, 0),
      commandId,
      correlationId: commandId,
      causationId: commandId,
      actor: options.actor ?? 'given',
      recordedAt: `${dateOf(event)}T12:00:00.000Z`,
      schemaVersion: domainEventRegistry.versionOf(event.type) ?? 1,
      ...(isWrapped(given) ? given.metadata : {}),
    };
    return { event, metadata, stream, revision, position };
  });
};
