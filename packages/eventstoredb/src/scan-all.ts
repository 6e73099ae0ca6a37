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
 * Yields one batch per request to the server (only batches that looked at something new), a
 * `Left` on the first failure, `StoreClosed` when the store closes; stops quietly on `signal`. The
 * request for the next batch leaves as soon as a batch comes back, before it is decoded and used:
 * one request ahead at most.
 */
export async function* scanAll<Ev extends EventShape>(
  context: StoreContext<Ev>,
  request: ScanRequest,
  signal?: AbortSignal,
): AsyncGenerator<E.Either<StoreError, ScannedBatch<Ev>>> {
  const { operation } = request;
  // Reads are inclusive of their start: one more than a batch, as the first is the cursor itself.
  const startRead = (from: bigint | undefined) => {
    const asked = context.readBatchSize + (from === undefined ? 0 : 1);
    return { from, asked, answer: context.connection.readAll({ from: from ?? 'start', maxCount: asked, streamPrefixes: request.streamPrefixes })() };
  };
  // Nothing is sent once the store is closed.
  let next = context.isClosed() ? undefined : startRead(request.after !== undefined && request.after >= 0n ? request.after : undefined);
  for (;;) {
    if (next === undefined || context.isClosed()) {
      yield E.left({ _tag: 'StoreClosed', operation });
      return;
    }
    const { from: after, asked } = next;
    const read = await unlessAborted(next.answer, signal);
    if (read === ABORTED) return;
    if (E.isLeft(read)) {
      yield E.left(toStoreError(read.left, { operation, redact: context.redact, closed: context.isClosed() }));
      return;
    }
    const fresh = read.right.filter((raw) => raw.position !== undefined && (after === undefined || raw.position > after));
    const last = fresh[fresh.length - 1]?.position;
    if (last === undefined) return;
    const more = read.right.length >= asked;
    // The next batch is asked for now, so the server sends it while this one is decoded and used.
    if (more) next = context.isClosed() ? undefined : startRead(last);
    const events: RecordedEvent<Ev>[] = [];
    let examined = after;
    for (const raw of fresh) {
      if (!isSystemEvent(raw) && matchesPrefixes(raw.stream, request.streamPrefixes)) {
        const decoded = decodeRecorded(context.registry, raw);
        if (E.isLeft(decoded)) {
          // What came before the event that does not decode is still delivered, then the failure.
          if (examined !== undefined && examined !== after) yield E.right({ events, examined });
          yield decoded;
          return;
        }
        events.push(decoded.right);
      }
      examined = raw.position;
    }
    yield E.right({ events, examined: last });
    if (!more) return;
  }
}
