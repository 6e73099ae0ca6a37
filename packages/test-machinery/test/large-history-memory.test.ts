import type { DomainEvent } from '@borough-command/domain';
import { expect, it } from 'vitest';
import { LARGE_HISTORY_LAST_DAY, largeHistory } from '../src/index.js';

const dateOf = (event: DomainEvent): string => {
  const data = event.data as { readonly at?: string; readonly end?: string; readonly start?: string };
  return data.at ?? data.end ?? data.start ?? '';
};

it('largeHistory fits a million events before its last day, in constant memory: the heap does not grow with the events read', async () => {
  let latest = '';
  let count = 0;
  let heapAt200k = 0;
  for await (const envelope of largeHistory({ seed: 3, events: 1_000_000 })) {
    count += 1;
    const date = dateOf(envelope.event);
    if (date > latest) latest = date;
    if (count === 200_000) heapAt200k = process.memoryUsage().heapUsed;
  }
  expect(count).toBe(1_000_000);
  expect(latest <= LARGE_HISTORY_LAST_DAY).toBe(true);
  // Holding the 800,000 envelopes read since would take well over a gigabyte; garbage alone stays far below.
  expect(process.memoryUsage().heapUsed - heapAt200k).toBeLessThan(150_000_000);
});
