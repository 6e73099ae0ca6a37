import * as t from 'io-ts';
import { IsoDateCodec, type IsoDate, type RuleId } from '@borough-command/domain';
import type { DomainEnvelope } from '../views/envelope.js';
import { EventRefJsonCodec, loadRef, refOf, saveRef, type EventRef } from '../views/event-ref.js';

/** A departure from a rule that `record` mode recorded (AP-2 to AP-11, PO-1, PO-5, RS-1 to RS-9), with its event. */
export interface RecordedDeparture {
  readonly rule: RuleId;
  /** The tag of the rejection `enforce` mode would have given. */
  readonly departure: string;
  readonly message: string;
  /** What the departure was about: the appointment process, the posting, the BCU, or the restructure. */
  readonly subject: string;
  readonly at: IsoDate;
  readonly source: EventRef;
}

/** io-ts codec of a recorded departure in a snapshot. */
export const RecordedDepartureJsonCodec = t.readonly(
  t.type({ rule: t.string, departure: t.string, message: t.string, subject: t.string, at: IsoDateCodec, source: EventRefJsonCodec }),
  'RecordedDeparture',
);

/** A recorded departure in a snapshot. */
export type RecordedDepartureJson = t.TypeOf<typeof RecordedDepartureJsonCodec>;

/** The departure an event records, if it records one; the same event delivered again is kept once by the caller. */
export const departureOf = (envelope: DomainEnvelope): RecordedDeparture | undefined => {
  const { event } = envelope;
  if (event.type === 'AppointmentRuleDeparted') {
    const { rule, departure, message, processId, at } = event.data;
    return { rule, departure, message, subject: `appointment ${processId}`, at, source: refOf(envelope) };
  }
  if (event.type === 'PostingRuleDeparted') {
    const { rule, departure, message, postingId, at } = event.data;
    return { rule, departure, message, subject: `posting ${postingId}`, at, source: refOf(envelope) };
  }
  if (event.type === 'RestructureRuleDeparted') {
    const { rule, departure, message, bcu, restructureId, at } = event.data;
    return { rule, departure, message, subject: bcu === null ? `restructure ${restructureId}` : `BCU ${bcu}`, at, source: refOf(envelope) };
  }
  return undefined;
};

/** The snapshot form of a departure. */
export const saveDeparture = (departure: RecordedDeparture): RecordedDepartureJson => ({ ...departure, source: saveRef(departure.source) });

/** The departure a snapshot holds. */
export const loadDeparture = (json: RecordedDepartureJson): RecordedDeparture => ({ ...json, rule: json.rule as RuleId, source: loadRef(json.source) });
