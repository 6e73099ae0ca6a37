import { colourWanted, createStyle, type Style } from './style.js';

/** Where a subcommand writes and what it may know of its surroundings; tests and `npm start` pass their own. */
export interface Io {
  /** Writes one line (a newline is added) to standard output. */
  readonly out: (line: string) => void;
  /** Writes one line (a newline is added) to standard error. */
  readonly err: (line: string) => void;
  /** Colours of standard output (off unless it is a terminal, and never with `NO_COLOR`). */
  readonly style: Style;
  /** Colours of standard error. */
  readonly errStyle: Style;
  /** Whether standard error is a terminal: progress bars are drawn only there. */
  readonly stderrIsTty: boolean;
  /** Writes raw text to standard error, without a newline (progress bars). */
  readonly errRaw: (text: string) => void;
  /** Environment variables. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The wall clock, for elapsed times and the date a report was generated. */
  readonly now: () => Date;
}

/** The process's own streams, environment and clock. */
export const processIo = (): Io => {
  const env = process.env;
  const stdoutTty = (process.stdout.isTTY as boolean | undefined) ?? false;
  const stderrTty = (process.stderr.isTTY as boolean | undefined) ?? false;
  return {
    out: (line) => {
      process.stdout.write(`${line}\n`);
    },
    err: (line) => {
      process.stderr.write(`${line}\n`);
    },
    style: createStyle(colourWanted(stdoutTty, env)),
    errStyle: createStyle(colourWanted(stderrTty, env)),
    stderrIsTty: stderrTty,
    errRaw: (text) => {
      process.stderr.write(text);
    },
    env,
    now: () => new Date(),
  };
};
