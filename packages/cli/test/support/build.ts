import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './paths.js';

const run = promisify(execFile);

/**
 * vitest's global setup of the cli project: builds the command line the `borough-command`
 * executable runs (`tsc -b packages/cli`, as the root `prepare` script does) once, before any of
 * the project's tests starts. An up-to-date build costs a check only.
 */
export const setup = async (): Promise<void> => {
  try {
    await run(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'packages/cli'], { cwd: ROOT });
  } catch (error) {
    const output = typeof error === 'object' && error !== null && 'stdout' in error ? String(error.stdout) : '';
    throw new Error(`tsc -b packages/cli failed, so the borough-command executable cannot be tested:\n${output}`, { cause: error });
  }
};
