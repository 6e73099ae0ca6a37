/** Which events a finite read returns: reads are inclusive of their start, backwards `$all` reads exclusive. */
import { matchesFilter, type EventFilter } from './event-filter.js';
import type { AllStart, Direction, RecordedEvent, StreamStart } from './log-types.js';

const take = <T>(items: readonly T[], maxCount: bigint): T[] =>
  maxCount >= BigInt(items.length) ? [...items] : items.slice(0, Number(maxCount));

/** A stream's visible events from `from`, in `direction`, at most `maxCount`. */
export const selectStreamEvents = (
  events: readonly RecordedEvent[],
  from: StreamStart,
  direction: Direction,
  maxCount: bigint,
): RecordedEvent[] => {
  if (direction === 'forwards') {
    if (from.kind === 'end') return [];
    const start = from.kind === 'start' ? 0n : from.revision;
    return take(events.filter((event) => event.revision >= start), maxCount);
  }
  const newestFirst = [...events].reverse();
  if (from.kind === 'end') return take(newestFirst, maxCount);
  const start = from.kind === 'start' ? 0n : from.revision;
  return take(newestFirst.filter((event) => event.revision <= start), maxCount);
};

/** Index of the first event at or after `position` (binary search; the log is in position order). */
const firstAtOrAfter = (log: readonly RecordedEvent[], position: bigint): number => {
  let low = 0;
  let high = log.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((log[middle]?.position ?? 0n) < position) low = middle + 1;
    else high = middle;
  }
  return low;
};

/**
 * `$all` events from `from`, in `direction`, passing `filter`, at most `maxCount` of them: the log is
 * walked from the start point only as far as it takes to find them.
 */
export const selectAllEvents = (
  log: readonly RecordedEvent[],
  from: AllStart,
  direction: Direction,
  maxCount: bigint,
  filter: EventFilter | undefined,
): RecordedEvent[] => {
  const picked: RecordedEvent[] = [];
  const keep = (event: RecordedEvent | undefined): void => {
    if (event !== undefined && (filter === undefined || matchesFilter(filter, event))) picked.push(event);
  };
  if (direction === 'forwards') {
    const start = from.kind === 'start' ? 0 : from.kind === 'end' ? log.length : firstAtOrAfter(log, from.position);
    for (let index = start; index < log.length && BigInt(picked.length) < maxCount; index++) keep(log[index]);
  } else {
    const end = from.kind === 'start' ? 0 : from.kind === 'end' ? log.length : firstAtOrAfter(log, from.position);
    for (let index = end - 1; index >= 0 && BigInt(picked.length) < maxCount; index--) keep(log[index]);
  }
  return picked;
};
