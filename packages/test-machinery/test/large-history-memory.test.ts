import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { DomainEvent } from '@borough-command/domain';
import { expect, it } from 'vitest';
import { LARGE_HISTORY_LAST_DAY, largeHistory } from '../src/index.js';

/**
 * The heap in use once garbage is collected: the test file shares its process with others, whose
 * garbage would otherwise be counted (V8's `gc`, reached by turning on its flag at run time).
 */
const liveHeap = (): number => {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
};

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
    if (count === 200_000) heapAt200k = liveHeap();
  }
  expect(count).toBe(1_000_000);
  expect(latest <= LARGE_HISTORY_LAST_DAY).toBe(true);
  // Holding the 800,000 envelopes read since would take well over a gigabyte.
  expect(liveHeap() - heapAt200k).toBeLessThan(150_000_000);
});
