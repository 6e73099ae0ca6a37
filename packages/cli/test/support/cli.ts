import { spawn } from 'node:child_process';
import { BIN, ROOT } from './paths.js';

/** What a run of the executable printed and how it exited. */
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

/** The environment of a child: the test's, without colour switches unless a test sets them. */
const childEnv = (extra: Readonly<Record<string, string | undefined>>): NodeJS.ProcessEnv => {
  const base = Object.entries(process.env).filter(([name]) => name !== 'FORCE_COLOR' && name !== 'NO_COLOR' && !(name in extra));
  const added = Object.entries(extra).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return Object.fromEntries([...base, ...added]);
};

/** Runs `borough-command <args>` as a child process (`node bin/borough-command.js`), stdin closed, stdout and stderr pipes. */
export const runCli = (args: readonly string[], options: CliOptions = {}): Promise<CliRun> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: childEnv(options.env ?? {}), stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });

/** A line of a stack trace, as Node prints one: `    at name (file:line:column)`. */
export const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;
