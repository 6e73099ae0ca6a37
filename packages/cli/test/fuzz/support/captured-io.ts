/** An `Io` for running `main` in the test process: no colour, output kept as lines. */
import type { Io } from '../../../src/cli/io.js';
import { createStyle } from '../../../src/cli/style.js';

/** An `Io` whose output is kept, and the lines written to each stream. */
export interface CapturedIo {
  readonly io: Io;
  readonly out: string[];
  readonly err: string[];
}

/** A fresh `Io` without colour, a terminal or environment, writing into arrays. */
export const capturedIo = (): CapturedIo => {
  const out: string[] = [];
  const err: string[] = [];
  const plain = createStyle(false);
  return {
    out,
    err,
    io: {
      out: (line) => out.push(...line.split('\n')),
      err: (line) => err.push(...line.split('\n')),
      style: plain,
      errStyle: plain,
      stderrIsTty: false,
      errRaw: () => undefined,
      env: {},
      now: () => new Date('2020-01-01T00:00:00.000Z'),
    },
  };
};
