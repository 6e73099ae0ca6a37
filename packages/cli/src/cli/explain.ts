import type { EventRef } from '@borough-command/projections';

/** One event a figure rests on, in words: `PostingStarted posting-borough-camden@0 (position 12)`. */
export const describeRef = (ref: EventRef, eventTypes: ReadonlyMap<bigint, string>): string =>
  `${eventTypes.get(ref.position) ?? 'event'} ${ref.stream}@${ref.revision.toString()} (position ${ref.position.toString()})`;

/** The events behind a figure, as an indented line for `--explain`; nothing when there are none. */
export const explainLines = (label: string, refs: readonly EventRef[], eventTypes: ReadonlyMap<bigint, string>): string[] =>
  refs.length === 0 ? [] : [`    ${label}: ${refs.map((ref) => describeRef(ref, eventTypes)).join('; ')}`];

const isEventRef = (value: object): value is EventRef =>
  'eventId' in value && 'position' in value && 'stream' in value && 'revision' in value && typeof value.position === 'bigint';

/** A copy of a JSON-bound value in which every event ref also names its event's type (`--json --explain`). */
export const withEventTypes = (value: unknown, eventTypes: ReadonlyMap<bigint, string>): unknown => {
  if (Array.isArray(value)) return value.map((item: unknown) => withEventTypes(item, eventTypes));
  if (typeof value !== 'object' || value === null) return value;
  if (isEventRef(value)) return { ...value, type: eventTypes.get(value.position) ?? null };
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withEventTypes(item, eventTypes)]));
};
