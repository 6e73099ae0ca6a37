import { randomUUID } from 'node:crypto';
import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import * as E from 'fp-ts/lib/Either.js';
import type { StoreError } from '../errors.js';

/** The lock that makes a process the only writer of a journal. */
export interface JournalLock {
  readonly path: string;
  readonly release: () => Promise<void>;
}

const codeOf = (cause: unknown): string | undefined => (cause as { readonly code?: string } | undefined)?.code;

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    return codeOf(cause) === 'EPERM';
  }
};

/** Who holds a lock file: its exact content, a description, and whether its process is gone; undefined when there is no file. */
const describeHolder = async (
  path: string,
): Promise<{ readonly content: string; readonly text: string; readonly stale: boolean } | undefined> => {
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (cause) {
    if (codeOf(cause) === 'ENOENT') return undefined;
    return { content: '', text: 'another process', stale: false };
  }
  const [pid, host] = content.split('\n');
  const pidNumber = Number(pid);
  const sameHost = host === hostname();
  const stale = sameHost && Number.isInteger(pidNumber) && pidNumber > 0 && !isAlive(pidNumber);
  return { content, text: `process ${String(pid)} on ${String(host)}`, stale };
};

/**
 * Creates `path` holding `content`, or returns false when it exists. The content is written to a
 * file of its own first and linked into place, so a lock file is never seen empty, even when its
 * writer dies while creating it. Where the file system has no hard links, the file is created
 * exclusively and then written.
 */
const createExclusive = async (path: string, content: string): Promise<boolean> => {
  const draft = `${path}.${String(process.pid)}-${randomUUID()}.tmp`;
  await writeFile(draft, content, { flag: 'wx' });
  try {
    await link(draft, path);
    return true;
  } catch (cause) {
    const code = codeOf(cause);
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw cause;
  } finally {
    await unlink(draft).catch(() => undefined);
  }
  try {
    await writeFile(path, content, { flag: 'wx' });
    return true;
  } catch (cause) {
    if (codeOf(cause) === 'EEXIST') return false;
    throw cause;
  }
};

/**
 * Removes a stale lock file, if it still holds `staleContent`. Takers-over of one stale lock run
 * this one at a time, under `<lock>.breaking`: without that, a second taker-over that read the
 * stale content before the first replaced it could delete the first one's fresh lock. A
 * `.breaking` file left by a process that died while taking over (it holds that process's pid and
 * host, as the lock does) is removed in turn, and the caller tries again. `Right` means: try to
 * create the lock again.
 */
const breakStaleLock = async (file: string, path: string, staleContent: string, content: string): Promise<E.Either<StoreError, void>> => {
  const breaker = `${path}.breaking`;
  if (!(await createExclusive(breaker, content))) {
    const breaking = await describeHolder(breaker);
    // Gone meanwhile: the other taker-over finished.
    if (breaking === undefined) return E.right(undefined);
    if (breaking.stale) {
      const current = await readFile(breaker, 'utf8').catch(() => undefined);
      if (current === breaking.content) await unlink(breaker).catch(() => undefined);
      return E.right(undefined);
    }
    return E.left({
      _tag: 'JournalLocked',
      file,
      holder: `${breaking.text}, taking over its stale lock (if no process is opening the journal, remove ${breaker})`,
    });
  }
  try {
    const current = await readFile(path, 'utf8').catch(() => undefined);
    if (current === staleContent) await unlink(path).catch(() => undefined);
  } finally {
    await unlink(breaker).catch(() => undefined);
  }
  return E.right(undefined);
};

/**
 * Takes the writer lock of a journal: a `<file>.lock` file created exclusively, holding the pid and
 * host. A lock left by a process that no longer runs on this host is taken over.
 */
export const acquireJournalLock = async (file: string): Promise<E.Either<StoreError, JournalLock>> => {
  const path = `${file}.lock`;
  const content = `${String(process.pid)}\n${hostname()}\n`;
  // After a crash while taking over, one try removes the dead taker-over's `.breaking`, one the
  // stale lock, one creates the lock; one more for a lock that changed hands meanwhile.
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      if (await createExclusive(path, content)) {
        let released = false;
        return E.right({
          path,
          release: async () => {
            if (released) return;
            released = true;
            await unlink(path).catch(() => undefined);
          },
        });
      }
      const holder = await describeHolder(path);
      if (holder === undefined) continue;
      if (!holder.stale) return E.left({ _tag: 'JournalLocked', file, holder: holder.text });
      const broken = await breakStaleLock(file, path, holder.content, content);
      if (E.isLeft(broken)) return broken;
    } catch (cause) {
      return E.left({ _tag: 'StoreUnavailable', retryable: true, operation: `lock journal ${file}`, reason: String(cause) });
    }
  }
  return E.left({ _tag: 'JournalLocked', file, holder: 'another process (the lock kept changing hands)' });
};
