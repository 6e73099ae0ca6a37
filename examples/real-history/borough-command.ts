import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The root of the workspace. */
export const ROOT = join(import.meta.dirname, '..', '..');
/** The `borough-command` executable, as `npm ci` links it; it runs the built command line (packages/cli/dist, built once by the examples project's global setup). */
const BIN = join(ROOT, 'packages', 'cli', 'bin', 'borough-command.js');

/** What a run of the executable printed and how it exited. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment of the child: this one, without colour switches, so the text is plain. */
const plainEnv = (): NodeJS.ProcessEnv => Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'FORCE_COLOR' && name !== 'NO_COLOR'));

/** Runs `borough-command <args>` from the root of the workspace; resolves with its exit code and output whatever the code. */
export const boroughCommand = async (...args: string[]): Promise<CliRun> => {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: ROOT, env: plainEnv(), maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { readonly code: number; readonly stdout: string; readonly stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
};
