import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { Io } from '../../src/cli/io.js';
import { colourWanted, createStyle } from '../../src/cli/style.js';
import { main } from '../../src/main.js';
import { BIN, ROOT } from './paths.js';

/** What a run of the command line printed and how it exited. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of a run: the working folder and environment variables to add (or remove with undefined). */
export interface CliOptions {
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The environment of a run: the test's, without colour switches unless a test sets them. */
const runEnv = (extra: Readonly<Record<string, string | undefined>>): Record<string, string> => {
  const base = Object.entries(process.env).filter(
    (entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== 'FORCE_COLOR' && entry[0] !== 'NO_COLOR' && !(entry[0] in extra),
  );
  const added = Object.entries(extra).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return Object.fromEntries([...base, ...added]);
};

/**
 * Runs `borough-command <args>` as a child process (`node bin/borough-command.js`, the executable
 * `npm ci` links), stdin closed, stdout and stderr pipes: for what only a process shows (exit on a
 * closed pipe, a kill, the built and bundled `dist/borough-command.mjs`, several processes at once).
 */
export const runExecutable = (args: readonly string[], options: CliOptions = {}): Promise<CliRun> =>
  new Promise((done, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: runEnv(options.env ?? {}), stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      done({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });

/** The working folder of the in-process runs in flight, how many there are, and a promise kept when the last ends. */
let inFlight: { readonly folder: string; readonly home: string; runs: number; readonly ended: Promise<void>; readonly end: () => void } | undefined;

/**
 * Runs `body` with the process in `folder` (vitest gives each test file a process of its own):
 * runs at once in one folder share it; a run in another folder waits for them to end.
 */
const inFolder = async <A>(folder: string, body: () => Promise<A>): Promise<A> => {
  while (inFlight !== undefined && inFlight.folder !== folder) await inFlight.ended;
  if (inFlight === undefined) {
    let end = (): void => undefined;
    const ended = new Promise<void>((resolve) => {
      end = resolve;
    });
    inFlight = { folder, home: process.cwd(), runs: 0, ended, end };
    process.chdir(folder);
  }
  const run = inFlight;
  run.runs += 1;
  try {
    return await body();
  } finally {
    run.runs -= 1;
    if (run.runs === 0) {
      inFlight = undefined;
      process.chdir(run.home);
      run.end();
    }
  }
};

/**
 * Runs `borough-command <args>` in this process: the command line's own `main`, from the sources,
 * with standard output and error captured as a pipe would carry them (no terminal, so no colour
 * unless the environment forces it), in the working folder `cwd` (the workspace's root unless
 * given). It answers as the executable does, without starting Node again.
 */
export const runCli = (args: readonly string[], options: CliOptions = {}): Promise<CliRun> =>
  inFolder(resolve(options.cwd ?? ROOT), async () => {
    const env = runEnv(options.env ?? {});
    const stdout: string[] = [];
    const stderr: string[] = [];
    const io: Io = {
      out: (line) => stdout.push(`${line}\n`),
      err: (line) => stderr.push(`${line}\n`),
      errRaw: (text) => stderr.push(text),
      style: createStyle(colourWanted(false, env)),
      errStyle: createStyle(colourWanted(false, env)),
      stderrIsTty: false,
      env,
      now: () => new Date(),
    };
    const code = await main(args, io);
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  });

/** A line of a stack trace, as Node prints one: `    at name (file:line:column)`. */
export const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;
