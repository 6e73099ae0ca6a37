import type { EventShape, RecordedEvent } from '@borough-command/domain/eventsourcing';

/** What a store's log shows against the events its writers were told were stored. */
export interface LedgerCheck {
  /** Events in the log. */
  readonly events: number;
  /** Streams in the log. */
  readonly streams: number;
  /** Acknowledged event ids that are not in the log. */
  readonly lost: readonly string[];
  /** Event ids that are in the log more than once. */
  readonly doubled: readonly string[];
  /** Streams whose revisions, in log order, do not run 0, 1, 2, ... */
  readonly gaps: readonly string[];
  /** Where the log's global positions do not grow: `stream@revision` of the event that breaks the order. */
  readonly outOfOrder: readonly string[];
  /** Event ids in the log that no writer was told were stored (a write that was answered with an error). */
  readonly unacknowledged: readonly string[];
}

/**
 * Checks a store's whole log, read in global order, against the ids of every event an
 * acknowledged append or command returned: each is there exactly once, every stream's revisions
 * are contiguous from 0, positions grow, and (after every failed write was retried to an answer)
 * nothing is there that was not acknowledged.
 */
export const checkLedger = <E extends EventShape>(log: readonly RecordedEvent<E>[], acknowledged: Iterable<string>): LedgerCheck => {
  const counts = new Map<string, number>();
  const nextRevision = new Map<string, bigint>();
  const gaps = new Set<string>();
  const outOfOrder: string[] = [];
  let lastPosition: bigint | undefined;
  for (const recorded of log) {
    const id = recorded.metadata.eventId;
    counts.set(id, (counts.get(id) ?? 0) + 1);
    const expected = nextRevision.get(recorded.stream) ?? 0n;
    if (recorded.revision !== expected) gaps.add(recorded.stream);
    nextRevision.set(recorded.stream, recorded.revision + 1n);
    if (lastPosition !== undefined && recorded.position <= lastPosition) outOfOrder.push(`${recorded.stream}@${recorded.revision.toString()}`);
    lastPosition = recorded.position;
  }
  const told = new Set(acknowledged);
  return {
    events: log.length,
    streams: nextRevision.size,
    lost: [...told].filter((id) => !counts.has(id)),
    doubled: [...counts].filter(([, count]) => count > 1).map(([id]) => id),
    gaps: [...gaps],
    outOfOrder,
    unacknowledged: [...counts.keys()].filter((id) => !told.has(id)),
  };
};
