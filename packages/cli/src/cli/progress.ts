import type { Io } from './io.js';

/** A progress bar on standard error; drawn only when standard error is a terminal. */
export interface Progress {
  /** Counts `count` more items done. */
  readonly advance: (count: number) => void;
  /** Clears the bar. */
  readonly finish: () => void;
}

const WIDTH = 30;
const REDRAW_EVERY_MS = 80;

/** A progress bar of `total` items (a counter when the total is unknown); nothing at all when stderr is not a terminal. */
export const createProgress = (io: Io, label: string, total: number | undefined): Progress => {
  if (!io.stderrIsTty) return { advance: () => undefined, finish: () => undefined };
  let done = 0;
  let drawnAt = 0;
  let drawn = false;
  const draw = (): void => {
    const text =
      total === undefined || total === 0
        ? `${label} ${String(done)}`
        : `${label} [${'#'.repeat(Math.round((Math.min(done, total) / total) * WIDTH)).padEnd(WIDTH, ' ')}] ${String(Math.floor((Math.min(done, total) / total) * 100)).padStart(3, ' ')}% ${String(done)}/${String(total)}`;
    io.errRaw(`\r${text}\u001b[K`);
    drawn = true;
  };
  return {
    advance: (count) => {
      done += count;
      const now = io.now().getTime();
      if (now - drawnAt >= REDRAW_EVERY_MS) {
        drawnAt = now;
        draw();
      }
    },
    finish: () => {
      if (drawn) io.errRaw('\r\u001b[K');
    },
  };
};
