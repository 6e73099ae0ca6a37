/**
 * Scans `$all` forwards in batches, keeping what the caller asked for: events strictly after a
 * position, of streams starting with one of the prefixes, never EventStoreDB's own events. The
 * prefixes go to the connection, whose client may have the node filter on them
 * (`@kurrent/kurrentdb-client`; 6.2.1 sends no filter with a read), and are applied here again.
 */
import * as E from 'fp-ts/lib/Either.js';
import { matchesPrefixes, type EventShape, type RecordedEvent, type StoreError } from '@borough-command/domain/eventsourcing';
import { decodeRecorded, isSystemEvent } from './record-decoding.js';
import type { StoreContext } from './store-context.js';
import { toStoreError } from './store-errors.js';
import { ABORTED, unlessAborted } from './subscription/abortable.js';

/** One batch looked at: the events kept, and the position of the last event looked at (kept or not). */
export interface ScannedBatch<Ev extends EventShape> {
  readonly events: readonly RecordedEvent<Ev>[];
  readonly examined: bigint;
}

/** Where a scan starts and what it keeps. */
export interface ScanRequest {
  /** Events strictly after this position; from the start when absent or negative. */
  readonly after: bigint | undefined;
  readonly streamPrefixes: readonly string[] | undefined;
  readonly operation: string;
}

/**
 * Yields one batch per batch taken from one `$all` read held open (only batches that looked at
 * something new), a `Left` on the first failure, `StoreClosed` when the store closes; stops quietly
 * on `signal`. The next batch is asked for as soon as a batch comes back, before it is decoded and
 * used, so the server goes on sending meanwhile: one batch ahead at most. The read is closed when
 * the scan ends, however it ends.
 */
export async function* scanAll<Ev extends EventShape>(
  context: StoreContext<Ev>,
  request: ScanRequest,
  signal?: AbortSignal,
): AsyncGenerator<E.Either<StoreError, ScannedBatch<Ev>>> {
  const { operation } = request;
  // Nothing is sent once the store is closed.
  if (context.isClosed()) {
    yield E.left({ _tag: 'StoreClosed', operation });
    return;
  }
  const after = request.after !== undefined && request.after >= 0n ? request.after : undefined;
  // The read is inclusive of its start: its first event may be the cursor itself, left out below.
  const batchSize = context.readBatchSize;
  const read = context.connection.readAll({ from: after ?? 'start', batchSize, streamPrefixes: request.streamPrefixes });
  try {
    let examined = after;
    let next = read.next();
    for (;;) {
      if (context.isClosed()) {
        yield E.left({ _tag: 'StoreClosed', operation });
        return;
      }
      const batch = await unlessAborted(next, signal);
      if (batch === ABORTED) return;
      if (E.isLeft(batch)) {
        yield E.left(toStoreError(batch.left, { operation, redact: context.redact, closed: context.isClosed() }));
        return;
      }
      const more = batch.right.length === batchSize;
      // The next batch is asked for now, so the server sends it while this one is decoded and used.
      if (more) next = read.next();
      const fresh = batch.right.filter((raw) => raw.position !== undefined && (examined === undefined || raw.position > examined));
      const last = fresh[fresh.length - 1]?.position;
      if (last !== undefined) {
        const events: RecordedEvent<Ev>[] = [];
        const before = examined;
        for (const raw of fresh) {
          if (!isSystemEvent(raw) && matchesPrefixes(raw.stream, request.streamPrefixes)) {
            const decoded = decodeRecorded(context.registry, raw);
            if (E.isLeft(decoded)) {
              // What came before the event that does not decode is still delivered, then the failure.
              if (examined !== undefined && examined !== before) yield E.right({ events, examined });
              yield decoded;
              return;
            }
            events.push(decoded.right);
          }
          examined = raw.position;
        }
        yield E.right({ events, examined: last });
      }
      if (!more) return;
    }
  } finally {
    await read.close();
  }
}
