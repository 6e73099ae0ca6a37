import { open, readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import * as E from 'fp-ts/lib/Either.js';
import type { StoreError } from '../errors.js';

/** The lock that makes a process the only writer of a journal. */
export interface JournalLock {
  readonly path: string;
  readonly release: () => Promise<void>;
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    return (cause as { readonly code?: string }).code === 'EPERM';
  }
};

const describeHolder = async (path: string): Promise<{ readonly text: string; readonly stale: boolean }> => {
  try {
    const [pid, host] = (await readFile(path, 'utf8')).split('\n');
    const pidNumber = Number(pid);
    const sameHost = host === hostname();
    const stale = sameHost && Number.isInteger(pidNumber) && pidNumber > 0 && !isAlive(pidNumber);
    return { text: `process ${String(pid)} on ${String(host)}`, stale };
  } catch {
    return { text: 'another process', stale: false };
  }
};

/**
 * Takes the writer lock of a journal: a `<file>.lock` file created exclusively, holding the pid and
 * host. A lock left by a process that no longer runs on this host is taken over.
 */
export const acquireJournalLock = async (file: string): Promise<E.Either<StoreError, JournalLock>> => {
  const path = `${file}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${String(process.pid)}\n${hostname()}\n`);
      await handle.close();
      let released = false;
      return E.right({
        path,
        release: async () => {
          if (released) return;
          released = true;
          await unlink(path).catch(() => undefined);
        },
      });
    } catch (cause) {
      if ((cause as { readonly code?: string }).code !== 'EEXIST') {
        return E.left({ _tag: 'StoreUnavailable', retryable: true, operation: `lock journal ${file}`, reason: String(cause) });
      }
      const holder = await describeHolder(path);
      if (!holder.stale) return E.left({ _tag: 'JournalLocked', file, holder: holder.text });
      await unlink(path).catch(() => undefined);
    }
  }
  return E.left({ _tag: 'JournalLocked', file, holder: 'another process (the lock kept changing hands)' });
};
