/** Reads posting events written at older schema versions as the current version. */

const fieldsOf = (data: unknown): Readonly<Record<string, unknown>> => data as Readonly<Record<string, unknown>>;

/**
 * RS-4: a version 1 `PostingStarted` as version 2. Version 1 knew neither interim nor designate
 * postings: it reads as neither, which is what it recorded (an interim BCU commander of that time
 * was recorded as a substantive posting).
 */
export const upcastPostingStartedFromV1 = (data: unknown): unknown => ({ ...fieldsOf(data), interim: false, designate: false });

/** PO-3, PO-6: a version 1 `PostingEnded` as version 2; version 1 named no restructure. */
export const upcastPostingEndedFromV1 = (data: unknown): unknown => ({ ...fieldsOf(data), restructure: null });

/** PO-3: a version 1 `MinimumTermBreached` is a version 2 one: version 2 only adds values `missing` may take. */
export const upcastMinimumTermBreachedFromV1 = (data: unknown): unknown => data;
