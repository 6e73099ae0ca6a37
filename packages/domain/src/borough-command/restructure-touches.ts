import type { RecordedEvent } from '../eventsourcing/envelope.js';
import type { PostingCommand } from '../posting/posting-commands.js';
import type { RestructureNamed, RestructureTouch } from '../posting/restructure-touches.js';
import type { IsoDate } from '../shared/iso-date.js';
import type { CommandUnit } from '../shared/vocabulary.js';
import type { DomainEvent } from './domain-events.js';

/** An event of a restructure stream that touches command units: a BCU proposed, live, dissolved or withdrawn. */
export interface TouchingEvent {
  readonly eventId: string;
  readonly bcu: string;
  /** The boroughs the BCU held in the event; none for a BCU withdrawn with its programme. */
  readonly boroughs: readonly string[];
  readonly at: IsoDate;
}

/** PO-3: the touching events one recorded restructure event holds (none for most). */
export const touchingEventsOf = (recorded: RecordedEvent<DomainEvent>): readonly TouchingEvent[] => {
  const { event } = recorded;
  const { eventId } = recorded.metadata;
  switch (event.type) {
    case 'BcuProposed':
    case 'BcuWentLive':
    case 'BcuDissolved':
      return [{ eventId, bcu: event.data.bcu, boroughs: event.data.boroughs, at: event.data.at }];
    case 'RestructureProgrammeAbandoned':
      return event.data.withdrawnBcus.map((bcu) => ({ eventId, bcu, boroughs: [], at: event.data.at }));
    default:
      return [];
  }
};

const touchesUnit = (event: TouchingEvent, unit: CommandUnit): boolean =>
  unit.kind === 'bcu' ? unit.name === event.bcu : event.boroughs.includes(unit.name);

/**
 * PO-3: the event of the named restructure, dated on or before `at`, whose BCU is the named one
 * and contains the borough or is the unit: the named event when the end names one, else the
 * latest recorded; undefined when there is none. `events` are the restructure's, in stream order.
 */
export const findTouch = (
  events: readonly TouchingEvent[],
  named: RestructureNamed,
  unit: CommandUnit,
  at: IsoDate,
): RestructureTouch | undefined => {
  const touching = events.filter((event) => event.bcu === named.bcu && event.at <= at && touchesUnit(event, unit));
  const found = named.eventId === undefined ? touching.at(-1) : touching.find((event) => event.eventId === named.eventId);
  return found === undefined ? undefined : { restructureId: named.restructureId, bcu: named.bcu, eventId: found.eventId };
};

/** PO-3, PO-6: the restructures a posting command names, whose streams the service reads before deciding it. */
export const restructuresNamedBy = (command: PostingCommand): readonly string[] => {
  switch (command.type) {
    case 'EndPosting':
      return command.restructure === undefined ? [] : [command.restructure.restructureId];
    case 'StartPosting':
      return command.succeeds?.restructure === undefined ? [] : [command.succeeds.restructure.restructureId];
    case 'EndPostingsForRestructure':
      return command.restructureId === undefined ? [] : [command.restructureId];
    default:
      return [];
  }
};
