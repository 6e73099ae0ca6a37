import { randomUUID } from 'node:crypto';

/** A random token of eight hex digits. */
const token = (): string => randomUUID().slice(0, 8);

/** The prefix of every stream this suite run writes: `conformance-<8 hex>-`, fixed for the process. */
export const suiteRunPrefix = `conformance-${token()}-`;

/**
 * A stream prefix unique to one test: the run prefix plus eight fresh hex digits and a dash. All
 * such prefixes have the same length, so none is a prefix of another test's streams.
 */
export const freshTestPrefix = (): string => `${suiteRunPrefix}${token()}-`;

/** A command id unique to this process, for events that must not collide with any other test's. */
export const freshCommandId = (label: string): string => `${label}-${randomUUID()}`;
