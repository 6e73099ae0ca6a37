/**
 * One replay in a process of its own, so its peak RSS is its own: `replay-child.ts <journal>`
 * prints one JSON line with the events replayed, the time, the peak RSS and the heap the views
 * hold (run with `--expose-gc` for the heap figures); with `--read-only` it reads and checks the
 * journal without folding it, and with `--floor` it only parses each line and hashes it
 * (`readJournalFloor`); both print the events read and the time.
 */
import * as E from 'fp-ts/lib/Either.js';
import { londonHistoryPolicy } from '@borough-command/test-machinery';
import { readJournalFloor } from './replay-floor.js';
import { readJournalOnly, replayJournal } from './replay-journal.js';
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

/** Reads the journal without folding it: the checks and the decoding alone, or (`floor`) parsing and hashing alone. */
const readOnly = async (
  file: string,
  floor: boolean,
): Promise<E.Either<string, { readonly events: number; readonly seconds: number; readonly eventsPerSec: number }>> => {
  const started = performance.now();
  const read = floor ? E.right(await readJournalFloor(file)) : await readJournalOnly(file);
  const seconds = (performance.now() - started) / 1000;
  return E.isLeft(read) ? read : E.right({ events: read.right, seconds, eventsPerSec: read.right / seconds });
};

const main = async (file: string | undefined, mode: string | undefined): Promise<number> => {
  if (file === undefined || (mode !== undefined && mode !== '--read-only' && mode !== '--floor')) {
    console.error('usage: replay-child.ts <journal> [--read-only | --floor]');
    return 2;
  }
  if (mode !== undefined) {
    const read = await readOnly(file, mode === '--floor');
    if (E.isLeft(read)) {
      console.error(read.left);
      return 1;
    }
    console.log(JSON.stringify(read.right));
    return 0;
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

process.exitCode = await main(process.argv[2], process.argv[3]);
