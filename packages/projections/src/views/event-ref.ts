import * as t from 'io-ts';
import type { DomainEnvelope } from './envelope.js';

/**
 * Where a figure or a row of a view comes from: one recorded event, by id and by place in the
 * store, so an auditor can read it back and ask "why does it say that?".
 */
export interface EventRef {
  readonly eventId: string;
  /** The event's position in the store's global log. */
  readonly position: bigint;
  readonly stream: string;
  /** The event's revision inside its stream. */
  readonly revision: bigint;
}

// The six views take the reference of each event in turn: the last one made is given again, so
// they share one object per event instead of holding one each.
let lastEnvelope: DomainEnvelope | undefined;
let lastRef: EventRef | undefined;

/** The reference to the event an envelope carries (the same object for the same envelope asked twice in a row). */
export const refOf = (envelope: DomainEnvelope): EventRef => {
  if (envelope === lastEnvelope && lastRef !== undefined) return lastRef;
  const ref: EventRef = {
    eventId: envelope.metadata.eventId,
    position: envelope.position,
    stream: envelope.stream,
    revision: envelope.revision,
  };
  lastEnvelope = envelope;
  lastRef = ref;
  return ref;
};

const DIGITS = /^(0|[1-9]\d*)$/;

/** io-ts codec of a whole number 0 or more written as decimal digits (bigints in snapshots). */
export const BigIntStringCodec = new t.Type<string, string>(
  'whole number as a string',
  (value): value is string => typeof value === 'string' && DIGITS.test(value),
  (value, context) => (typeof value === 'string' && DIGITS.test(value) ? t.success(value) : t.failure(value, context)),
  t.identity,
);

/** io-ts codec of an event reference in a snapshot: positions and revisions as decimal strings. */
export const EventRefJsonCodec = t.readonly(
  t.type({ eventId: t.string, position: BigIntStringCodec, stream: t.string, revision: BigIntStringCodec }),
  'EventRef',
);

/** An event reference in a snapshot. */
export type EventRefJson = t.TypeOf<typeof EventRefJsonCodec>;

/** io-ts codec of an optional event reference in a snapshot. */
export const OptionalEventRefJsonCodec = t.union([EventRefJsonCodec, t.null]);

/** The snapshot form of an event reference. */
export const saveRef = (ref: EventRef): EventRefJson => ({
  eventId: ref.eventId,
  position: ref.position.toString(),
  stream: ref.stream,
  revision: ref.revision.toString(),
});

/** The event reference a snapshot holds. */
export const loadRef = (json: EventRefJson): EventRef => ({
  eventId: json.eventId,
  position: BigInt(json.position),
  stream: json.stream,
  revision: BigInt(json.revision),
});

/** The snapshot form of an optional event reference. */
export const saveOptionalRef = (ref: EventRef | null): EventRefJson | null => (ref === null ? null : saveRef(ref));

/** The optional event reference a snapshot holds. */
export const loadOptionalRef = (json: EventRefJson | null): EventRef | null => (json === null ? null : loadRef(json));

/** The references that are present, in the order given. */
export const presentRefs = (...refs: readonly (EventRef | null | undefined)[]): readonly EventRef[] =>
  refs.filter((ref): ref is EventRef => ref !== null && ref !== undefined);

/** Orders references by global position, dropping repeats of one event. */
export const sortedRefs = (refs: readonly EventRef[]): readonly EventRef[] => {
  const seen = new Set<string>();
  const unique: EventRef[] = [];
  for (const ref of refs) {
    const key = `${ref.stream}\u0000${ref.eventId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(ref);
  }
  return unique.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
};
