import { join } from 'node:path';
import { main, type Io } from '@borough-command/cli';

/** The root of the workspace. */
export const ROOT = join(import.meta.dirname, '..', '..');

/** What a run of the command line printed and how it exited. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Text left as it is: the output is read as plain text, as from a pipe with no colour. */
const plain: Io['style'] = {
  enabled: false,
  bold: (text) => text,
  dim: (text) => text,
  red: (text) => text,
  green: (text) => text,
  yellow: (text) => text,
};

/**
 * Runs `borough-command <args>` as `npx borough-command` does (the command line's `main`, here in
 * this process) and resolves with its exit code and what it printed on stdout and stderr.
 */
export const boroughCommand = async (...args: string[]): Promise<CliRun> => {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: Io = {
    out: (line) => stdout.push(`${line}\n`),
    err: (line) => stderr.push(`${line}\n`),
    errRaw: (text) => stderr.push(text),
    style: plain,
    errStyle: plain,
    stderrIsTty: false,
    env: Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'FORCE_COLOR' && name !== 'NO_COLOR')),
    now: () => new Date(),
  };
  const code = await main(args, io);
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
};
