/** `readAll` over PostgreSQL: the global log in pages, each one query from the last position read. */
import * as E from 'fp-ts/lib/Either.js';
import { invalidArgument, type EventShape, type ReadAllOptions, type RecordedEvent, type StoreError } from '@borough-command/domain/eventsourcing';
import { EVENT_COLUMNS, decodeRows, type EventRow } from './event-rows.js';
import type { StoreContext } from './store-context.js';
import { toStoreError } from './store-errors.js';

const DEFAULT_PAGE_SIZE = 1000;

/** One page of the log after a position: the events of matching streams, and the log's last position. */
export interface LogPage<Ev extends EventShape> {
  readonly events: readonly RecordedEvent<Ev>[];
  /** The position of the last event in the whole log when the page was read; -1 when it is empty. */
  readonly head: bigint;
}

/**
 * Reads up to `limit` events of streams starting with one of `prefixes` (all streams when absent)
 * strictly after `after`. Positions become visible in commit order (see `log_head`), so a page
 * never skips an event that a slower transaction commits later.
 */
export const readPage = async <Ev extends EventShape>(
  context: StoreContext<Ev>,
  after: bigint | undefined,
  prefixes: readonly string[] | undefined,
  limit: number,
  operation: string,
): Promise<E.Either<StoreError, LogPage<Ev>>> => {
  const s = context.schema.quoted;
  try {
    // One statement, so one snapshot: the head is the head of the very log the page was read from.
    const result = await context.pool.query<{ readonly [K in keyof EventRow]: EventRow[K] | null } & { readonly head: string }>(
      `SELECT h.last_position AS head, e.*
       FROM ${s}.log_head h
       LEFT JOIN LATERAL (
         SELECT ${EVENT_COLUMNS} FROM ${s}.events
         WHERE position > $1::bigint
           AND ($2::text[] IS NULL OR EXISTS (SELECT 1 FROM unnest($2::text[]) AS p(prefix) WHERE starts_with(stream, p.prefix)))
         ORDER BY position
         LIMIT $3
       ) e ON true`,
      [(after ?? -1n).toString(), prefixes === undefined ? null : [...prefixes], limit],
    );
    const rows = result.rows.filter((row): row is EventRow & { readonly head: string } => row.position !== null);
    const events = decodeRows(context.registry, rows);
    if (E.isLeft(events)) return events;
    return E.right({ events: events.right, head: BigInt(result.rows[0]?.head ?? '-1') });
  } catch (cause) {
    return E.left(context.isClosed() ? { _tag: 'StoreClosed', operation } : toStoreError(cause, { operation, schema: context.schema.name, redact: context.redact }));
  }
};

/** Reads the global log page by page; iteration ends after a `Left`. */
export async function* readAll<Ev extends EventShape>(
  context: StoreContext<Ev>,
  options: ReadAllOptions = {},
): AsyncIterable<E.Either<StoreError, readonly RecordedEvent<Ev>[]>> {
  const operation = 'read all';
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    yield E.left(invalidArgument(operation, 'pageSize must be a whole number, 1 or more'));
    return;
  }
  let after = options.after;
  for (;;) {
    // Checked before every page, the first included: a closed store has nothing to read, not an empty log.
    if (context.isClosed()) {
      yield E.left({ _tag: 'StoreClosed', operation });
      return;
    }
    const migrated = await context.ensureMigrated(operation);
    if (E.isLeft(migrated)) {
      yield migrated;
      return;
    }
    const page = await readPage(context, after, options.streamPrefixes, pageSize, operation);
    if (E.isLeft(page)) {
      yield page;
      return;
    }
    const { events } = page.right;
    if (events.length > 0) yield E.right(events);
    if (events.length < pageSize) return;
    after = events[events.length - 1]?.position;
  }
}
