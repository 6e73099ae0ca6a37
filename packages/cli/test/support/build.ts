import { execFile } from 'node:child_process';
import { mkdir, rmdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './paths.js';

const run = promisify(execFile);
const LOCK = join(tmpdir(), 'borough-command-cli-build.lock');
const STALE_MS = 120_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Takes a lock shared by the test files (a directory created exclusively); a lock older than two minutes is stale. */
const withBuildLock = async <A>(work: () => Promise<A>): Promise<A> => {
  for (;;) {
    try {
      await mkdir(LOCK);
      break;
    } catch {
      const age = await stat(LOCK).then((info) => Date.now() - info.mtimeMs, () => 0);
      if (age > STALE_MS) await rmdir(LOCK).catch(() => undefined);
      await sleep(100);
    }
  }
  try {
    return await work();
  } finally {
    await rmdir(LOCK).catch(() => undefined);
  }
};

let built: Promise<void> | undefined;

/**
 * Builds the command line the executable runs (`tsc -b packages/cli`, as the root `prepare` script
 * does), once per test worker and one worker at a time; an up-to-date build costs a check only.
 */
export const ensureBuilt = (): Promise<void> => {
  built ??= withBuildLock(async () => {
    await run(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'packages/cli'], { cwd: ROOT });
  });
  return built;
};
