import { createRegistry, defineEvent, deriveEventId, type CodecRegistry, type EventOf, type NewEvent, type NewEventMetadata } from '@borough-command/domain/eventsourcing';
import * as t from 'io-ts';

/** A `Date` written as an ISO 8601 string: proves a store decodes what it reads instead of returning raw JSON. */
const IsoDate = new t.Type<Date, string, unknown>(
  'ISO 8601 date',
  (u): u is Date => u instanceof Date && !Number.isNaN(u.getTime()),
  (u, c) => {
    if (typeof u !== 'string') return t.failure(u, c);
    const date = new Date(u);
    return Number.isNaN(date.getTime()) ? t.failure(u, c) : t.success(date);
  },
  (date) => date.toISOString(),
);

const Line = t.type({ sku: t.string, quantity: t.number });

/** `ItemAdded` v1: a quantity of one sku was added. */
const itemAddedDefinition = defineEvent('ItemAdded', t.type({ sku: t.string, quantity: t.number }));

/**
 * `ItemRemoved` v2: v1 had neither reason nor time; the upcaster fills them in, so reads report
 * schema version 2. `removedAt` is a `Date` stored as a string.
 */
const itemRemovedDefinition = defineEvent('ItemRemoved', t.type({ sku: t.string, reason: t.string, removedAt: IsoDate }), {
  version: 2,
  upcasters: { 1: (data) => ({ ...(data as object), reason: 'unspecified', removedAt: '1970-01-01T00:00:00.000Z' }) },
});

/** `NoteAttached` v1: nested objects and arrays, for decoding and error-path checks. */
const noteAttachedDefinition = defineEvent('NoteAttached', t.type({ text: t.string, tags: t.array(t.string), lines: t.array(Line) }));

/** The events the conformance suite writes: no domain words, three types, one of them at version 2. */
export type ConformanceEvent = EventOf<
  typeof itemAddedDefinition | typeof itemRemovedDefinition | typeof noteAttachedDefinition
>;

/** The codec registry of the conformance events; every store under test is opened over it. */
export const conformanceRegistry: CodecRegistry<ConformanceEvent> = createRegistry([
  itemAddedDefinition,
  itemRemovedDefinition,
  noteAttachedDefinition,
]);

/** An `ItemAdded` event. */
export const itemAdded = (sku: string, quantity: number): ConformanceEvent => ({ type: 'ItemAdded', data: { sku, quantity } });

/** An `ItemRemoved` event. */
export const itemRemoved = (sku: string, reason: string, removedAt: Date): ConformanceEvent => ({
  type: 'ItemRemoved',
  data: { sku, reason, removedAt },
});

/** A `NoteAttached` event. */
export const noteAttached = (
  text: string,
  tags: readonly string[],
  lines: readonly { readonly sku: string; readonly quantity: number }[],
): ConformanceEvent => ({
  type: 'NoteAttached',
  data: { text, tags: [...tags], lines: lines.map((line) => ({ ...line })) },
});

/** The fixed time every conformance event is recorded at. */
export const CONFORMANCE_RECORDED_AT = '2024-03-01T09:30:00.000Z';

/** Metadata of the `index`-th event of a command, with its id derived by `deriveEventId(commandId, index)`. */
export const conformanceMetadata = (commandId: string, index: number): NewEventMetadata => ({
  eventId: deriveEventId(commandId, index),
  commandId,
  correlationId: `correlation-${commandId}`,
  causationId: `cause-${commandId}`,
  actor: 'conformance-suite',
  recordedAt: CONFORMANCE_RECORDED_AT,
});

/** The events one command produces, ready to append: event ids derived from the command id and index. */
export const commandEvents = (commandId: string, events: readonly ConformanceEvent[]): readonly NewEvent<ConformanceEvent>[] =>
  events.map((event, index) => ({ event, metadata: conformanceMetadata(commandId, index) }));

/** `count` `ItemAdded` events numbered from `first`: sku `<label>-<n>`, quantity `n`. */
export const numberedItems = (label: string, first: number, count: number): readonly ConformanceEvent[] =>
  Array.from({ length: count }, (_, i) => itemAdded(`${label}-${String(first + i)}`, first + i));
