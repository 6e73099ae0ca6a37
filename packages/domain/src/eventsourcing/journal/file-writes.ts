import { open, type FileHandle } from 'node:fs/promises';

/** Writes all of `bytes` at the handle's position, however many writes it takes. */
export const writeFully = async (handle: FileHandle, bytes: Buffer): Promise<void> => {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    offset += bytesWritten;
  }
};

/** Makes a directory's entries durable, so a journal file it has just created survives a power loss. */
export const syncDirectory = async (directory: string): Promise<void> => {
  // Windows cannot open a directory to sync it
  if (process.platform === 'win32') return;
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
};
