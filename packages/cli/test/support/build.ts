import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './paths.js';

const run = promisify(execFile);

/** Runs one build step with node; a failure says which step and what it printed. */
const step = async (name: string, args: readonly string[]): Promise<void> => {
  try {
    await run(process.execPath, args, { cwd: ROOT });
  } catch (error) {
    const output = typeof error === 'object' && error !== null && 'stdout' in error ? `${String(error.stdout)}${'stderr' in error ? String(error.stderr) : ''}` : '';
    throw new Error(`${name} failed, so the borough-command executable cannot be tested:\n${output}`, { cause: error });
  }
};

/**
 * vitest's global setup of the cli project: builds the command line the `borough-command`
 * executable runs once, before any of the project's tests starts, as the root `prepare` script
 * does: `tsc -b packages/cli` (an up-to-date build costs a check only), then the bundle.
 */
export const setup = async (): Promise<void> => {
  await step('tsc -b packages/cli', [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'packages/cli']);
  await step('node packages/cli/bundle.mjs', [join(ROOT, 'packages', 'cli', 'bundle.mjs')]);
};
