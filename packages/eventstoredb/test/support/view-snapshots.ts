/**
 * The six views' snapshots in a form two stores can be compared by: every global position (a
 * decimal string under a `position` key) replaced by the id of the event at that position, since
 * each store numbers its log its own way while the events and their order are the same.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { DomainEvent } from '@borough-command/domain';
import type { EventStore } from '@borough-command/domain/eventsourcing';
import { projectionsOf, type BoroughCommandViews } from '@borough-command/projections';

/** The event id at each global position of a store, as decimal strings. */
export const eventIdsByPosition = async (store: EventStore<DomainEvent>): Promise<ReadonlyMap<string, string>> => {
  const ids = new Map<string, string>();
  for await (const page of store.readAll()) {
    if (E.isLeft(page)) throw new Error(`reading the log failed: ${page.left._tag}`);
    for (const event of page.right) ids.set(event.position.toString(), event.metadata.eventId);
  }
  return ids;
};

const replacePositions = (value: unknown, ids: ReadonlyMap<string, string>): unknown => {
  if (Array.isArray(value)) return value.map((item) => replacePositions(item, ids));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [
      key,
      key === 'position' && typeof field === 'string' ? `event ${ids.get(field) ?? `unknown at ${field}`}` : replacePositions(field, ids),
    ]),
  );
};

/** Each view's snapshot with positions named by event id. */
export const comparableSnapshots = (views: BoroughCommandViews, ids: ReadonlyMap<string, string>): readonly unknown[] =>
  projectionsOf(views).map((projection) => replacePositions(projection.snapshot(), ids));
