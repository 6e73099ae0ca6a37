import { domainEventRegistry, type DomainEvent } from '@borough-command/domain';
import type { RecordedEvent } from '@borough-command/domain/eventsourcing';
import { isoDateOfDay, type DayNumber } from './calendar-days.js';
import { largeHistoryEventIds } from './event-ids.js';

/** Who sent a command, in which flow, and what caused it: the metadata its events share. */
export interface CommandStamp {
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly actor: string;
}

/** Where the generator records events: positions, event ids and metadata are filled in here. */
export interface HistoryOutput {
  /** A fresh command id. */
  readonly commandId: () => string;
  /** The stamp of a command that starts a flow of its own: correlation and causation are its own id. */
  readonly ownStamp: (actor: string) => CommandStamp;
  /** Records one event at the next global position, recorded on `day`; returns its event id. */
  readonly record: (stream: string, revision: number, event: DomainEvent, stamp: CommandStamp, day: DayNumber) => string;
  /** The envelopes recorded since the last call, oldest first; the list is handed over, not copied. */
  readonly take: () => RecordedEvent<DomainEvent>[];
  /** How many events were recorded so far. */
  readonly count: () => number;
}

/** An output whose event ids and command ids come from the seed. */
export const createHistoryOutput = (seed: number): HistoryOutput => {
  const eventIdAt = largeHistoryEventIds(seed);
  const versions = new Map(domainEventRegistry.types.map((type) => [type, domainEventRegistry.versionOf(type) ?? 1]));
  let position = 0;
  let commands = 0;
  let buffer: RecordedEvent<DomainEvent>[] = [];
  let stampedDay: DayNumber | undefined;
  let stampedAt = '';
  const commandId = (): string => `large-${String(seed)}-${String(++commands)}`;
  return {
    commandId,
    ownStamp: (actor) => {
      const id = commandId();
      return { commandId: id, correlationId: id, causationId: id, actor };
    },
    record: (stream, revision, event, stamp, day) => {
      if (day !== stampedDay) {
        stampedDay = day;
        stampedAt = `${isoDateOfDay(day)}T12:00:00.000Z`;
      }
      const eventId = eventIdAt(position);
      buffer.push({
        event,
        metadata: {
          eventId,
          commandId: stamp.commandId,
          correlationId: stamp.correlationId,
          causationId: stamp.causationId,
          actor: stamp.actor,
          recordedAt: stampedAt,
          schemaVersion: versions.get(event.type) ?? 1,
        },
        stream,
        revision: BigInt(revision),
        position: BigInt(position),
      });
      position += 1;
      return eventId;
    },
    take: () => {
      const taken = buffer;
      buffer = [];
      return taken;
    },
    count: () => position,
  };
};
