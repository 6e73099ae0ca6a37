import { v5 as uuidv5, validate as isUuid } from 'uuid';

/** The uuid v5 namespace of event ids derived from command ids. */
export const EVENT_ID_NAMESPACE = '6f1c1bd2-4a0e-5d36-9c55-4d5e1f0b7a21';

/**
 * The id of the `index`-th event produced by a command: a uuid v5 of the command id and the index,
 * so a retried command carries the same ids and a store can recognise it.
 */
export const deriveEventId = (commandId: string, index: number): string =>
  uuidv5(`${commandId}#${String(index)}`, EVENT_ID_NAMESPACE);

/** A command id derived from the event that caused the command, for process managers. */
export const deriveCommandId = (causingEventId: string, purpose: string): string =>
  uuidv5(`${causingEventId}>${purpose}`, EVENT_ID_NAMESPACE);

/** Tells whether a string is a uuid. */
export const isEventId = (value: string): boolean => isUuid(value);
