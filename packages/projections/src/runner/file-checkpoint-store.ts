import { open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { checkpointCorrupt, checkpointUnreadable, checkpointUnwritable, decodeCheckpoint, type CheckpointStore } from '@borough-command/domain/eventsourcing';

const reasonOf = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause));

const codeOf = (cause: unknown): string | undefined =>
  typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined;

// A directory's entry (the rename) is durable only once the directory is synced; some systems cannot sync one.
const syncDirectory = async (directory: string): Promise<void> => {
  try {
    const handle = await open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort: the file itself is synced, which is what a reader checks.
  }
};

/**
 * A checkpoint in a JSON file. Saving writes a temporary file beside it, syncs it, and renames it
 * over the checkpoint, so a crash leaves either the old checkpoint or the new one, never half of one.
 */
export const createFileCheckpointStore = (path: string): CheckpointStore => {
  let saves = 0;
  return {
    location: path,
    load: () => async () => {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (cause) {
        if (codeOf(cause) === 'ENOENT') return E.right(undefined);
        return E.left(checkpointUnreadable(path, reasonOf(cause)));
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (cause) {
        return E.left(checkpointCorrupt(path, `not JSON (${reasonOf(cause)})`));
      }
      return decodeCheckpoint(json, path);
    },
    save: (checkpoint) => async () => {
      saves += 1;
      const temporary = `${path}.${String(process.pid)}.${String(saves)}.tmp`;
      try {
        const handle = await open(temporary, 'w');
        try {
          await handle.writeFile(JSON.stringify(checkpoint), 'utf8');
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temporary, path);
      } catch (cause) {
        await unlink(temporary).catch(() => undefined);
        return E.left(checkpointUnwritable(path, reasonOf(cause)));
      }
      await syncDirectory(dirname(path));
      return E.right(undefined);
    },
  };
};
