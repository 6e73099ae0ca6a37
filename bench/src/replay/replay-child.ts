/**
 * One replay in a process of its own, so its peak RSS is its own: `replay-child.ts <journal>`
 * prints one JSON line with the events replayed, the time, the peak RSS and the heap the views
 * hold. Run with `--expose-gc` for the heap figures.
 */
import * as E from 'fp-ts/lib/Either.js';
import { londonHistoryPolicy } from '@borough-command/testing';
import { replayJournal } from './replay-journal.js';
import type { ReplayMeasurement } from './replay-measurement.js';

const MB = 1024 * 1024;

/** The heap in use after a full collection, or NaN when `gc` is not exposed. */
const heapAfterCollection = (): number => {
  const collect = (globalThis as { readonly gc?: () => void }).gc;
  if (collect === undefined) return Number.NaN;
  collect();
  collect();
  return process.memoryUsage().heapUsed / MB;
};

/** Replays the journal and measures while the views are still held; the views go when it returns. */
const replayHoldingViews = async (file: string): Promise<E.Either<string, Omit<ReplayMeasurement, 'heapWithoutViewsMb'>>> => {
  const heapBeforeMb = heapAfterCollection();
  const started = performance.now();
  const replayed = await replayJournal(file, londonHistoryPolicy);
  const seconds = (performance.now() - started) / 1000;
  if (E.isLeft(replayed)) return replayed;
  const { events } = replayed.right;
  return E.right({
    events,
    seconds,
    eventsPerSec: events / seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    heapBeforeMb,
    heapWithViewsMb: heapAfterCollection(),
  });
};

const main = async (file: string | undefined): Promise<number> => {
  if (file === undefined) {
    console.error('usage: replay-child.ts <journal>');
    return 2;
  }
  const measured = await replayHoldingViews(file);
  if (E.isLeft(measured)) {
    console.error(measured.left);
    return 1;
  }
  // The views are gone now: what the heap holds is what the replay keeps besides them.
  const measurement: ReplayMeasurement = { ...measured.right, heapWithoutViewsMb: heapAfterCollection() };
  console.log(JSON.stringify(measurement));
  return 0;
};

process.exitCode = await main(process.argv[2]);
