/**
 * Values both clients take, built here so the adapter needs no client's functions: a JSON event
 * and the `$all` filter of a subscription (or a read). They have the shapes the clients'
 * `jsonEvent`, `streamNameFilter` and `excludeSystemEvents` give.
 */

/** A JSON event to append, as both clients' `jsonEvent` makes it. */
export interface JsonEventValue<Data, Metadata> {
  readonly id: string;
  readonly contentType: 'application/json';
  readonly type: string;
  readonly data: Data;
  readonly metadata: Metadata;
}

/** A JSON event with the kernel's id. */
export const jsonEventOf = <Data, Metadata>(id: string, type: string, data: Data, metadata: Metadata): JsonEventValue<Data, Metadata> => ({
  id,
  contentType: 'application/json',
  type,
  data,
  metadata,
});

/** A server-side `$all` filter, as both clients' filter functions make it. */
export type AllFilterValue =
  | { filterOn: 'streamName'; checkpointInterval: number; prefixes: string[] }
  | { filterOn: 'eventType'; checkpointInterval: number; regex: string };

/**
 * The filter for the given stream prefixes; with none, one that leaves out `$`-typed (system)
 * events. The adapter checks `$` streams and types again on its side.
 */
export const allEventsFilter = (prefixes: readonly string[] | undefined): AllFilterValue =>
  prefixes !== undefined && prefixes.length > 0
    ? { filterOn: 'streamName', checkpointInterval: 1, prefixes: [...prefixes] }
    : { filterOn: 'eventType', checkpointInterval: 1, regex: '^[^$].*' };
