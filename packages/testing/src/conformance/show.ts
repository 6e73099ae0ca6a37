import { describeStoreError, type RecordedEvent, type StoreError } from '@borough-command/domain/eventsourcing';

/** Renders a value for a failure message; bigints print as `12n`. */
export const show = (value: unknown): string => {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v.toString()}n` : v)) ?? String(value);
  } catch {
    return String(value);
  }
};

/** Renders a store error with its fields, for a failure message. */
export const showStoreError = (error: StoreError): string => `${error._tag} (${describeStoreError(error)}) ${show(error)}`;

/** Renders recorded events briefly: `stream@revision#position:type`. */
export const showEvents = (events: readonly RecordedEvent[]): string =>
  `[${events.map((e) => `${e.stream}@${String(e.revision)}#${String(e.position)}:${e.event.type}`).join(', ')}]`;
