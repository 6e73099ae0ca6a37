/** `readStream` over PostgreSQL: one query over the stream's row and a range of its events. */
import * as E from 'fp-ts/lib/Either.js';
import {
  checkStreamName,
  invalidArgument,
  type EventShape,
  type ReadStreamOptions,
  type RecordedEvent,
  type StoreError,
} from '@borough-command/domain/eventsourcing';
import { decodeRows, type EventRow } from './event-rows.js';
import type { StoreContext } from './store-context.js';
import { toStoreError } from './store-errors.js';
import { checkStoredName } from './stream-name.js';

type Row = { readonly [K in keyof EventRow]: EventRow[K] | null };

/**
 * The first revision of a read and its direction: `revision >= from` forwards, `revision <= from`
 * backwards; null stands for the end (past the last event forwards, the last event backwards).
 */
const rangeOf = (options: ReadStreamOptions): { readonly from: bigint | null; readonly backwards: boolean } => {
  const backwards = options.direction === 'backwards';
  const from = options.fromRevision;
  if (backwards) return { from: from === undefined || from === 'end' ? null : from === 'start' ? 0n : from, backwards };
  return { from: from === undefined || from === 'start' ? 0n : from === 'end' ? null : from, backwards };
};

/** Reads one stream; `StreamNotFound` when it was never written, `[]` when the range is empty. */
export const readStream =
  <Ev extends EventShape>(context: StoreContext<Ev>) =>
  async (stream: string, options: ReadStreamOptions = {}): Promise<E.Either<StoreError, readonly RecordedEvent<Ev>[]>> => {
    const operation = `read stream '${stream}'`;
    if (context.isClosed()) return E.left({ _tag: 'StoreClosed', operation });
    const badName = checkStreamName(stream, operation, Number.MAX_SAFE_INTEGER) ?? checkStoredName(stream, operation);
    if (badName !== undefined) return E.left(badName);
    const maxCount = options.maxCount;
    if (maxCount !== undefined && (!Number.isInteger(maxCount) || maxCount < 0)) return E.left(invalidArgument(operation, 'maxCount must be a whole number, 0 or more'));
    const migrated = await context.ensureMigrated(operation);
    if (E.isLeft(migrated)) return migrated;
    const range = rangeOf(options);
    const s = context.schema.quoted;
    // A read forwards from `end` starts after the last event: nothing, if the stream exists.
    const condition = range.backwards ? 'e.revision <= COALESCE($2::bigint, st.revision)' : 'e.revision >= COALESCE($2::bigint, st.revision + 1)';
    let rows: readonly Row[];
    try {
      const result = await context.pool.query<Row>(
        `SELECT e.position, e.stream, e.revision, e.event_id, e.type, e.data, e.metadata
         FROM ${s}.streams st
         LEFT JOIN LATERAL (
           SELECT * FROM ${s}.events e WHERE e.stream = st.name AND ${condition}
           ORDER BY e.revision ${range.backwards ? 'DESC' : 'ASC'} LIMIT $3
         ) e ON true
         WHERE st.name = $1 AND st.revision >= 0`,
        [stream, range.from === null ? null : range.from.toString(), maxCount ?? null],
      );
      rows = result.rows;
    } catch (cause) {
      return E.left(context.isClosed() ? { _tag: 'StoreClosed', operation } : toStoreError(cause, { operation, schema: context.schema.name, redact: context.redact }));
    }
    if (rows.length === 0) return E.left({ _tag: 'StreamNotFound', stream });
    return decodeRows(context.registry, rows.filter((row): row is EventRow => row.position !== null));
  };
