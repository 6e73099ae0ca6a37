import { stat } from 'node:fs/promises';
import * as t from 'io-ts';

/** io-ts codec of a file's identity. */
export const FileIdentityCodec = t.type({ dev: t.number, ino: t.number, size: t.number, ctimeMs: t.number });

/** A file as it was: device, inode, size and change time. Any write to it changes its size or its change time. */
export type FileIdentity = t.TypeOf<typeof FileIdentityCodec>;

/** A file's device, inode, size and change time, if it is there. */
export const identityOf = async (file: string): Promise<FileIdentity | undefined> => {
  try {
    const info = await stat(file);
    return { dev: info.dev, ino: info.ino, size: info.size, ctimeMs: info.ctimeMs };
  } catch {
    return undefined;
  }
};

/** Whether a file is the one an identity was taken of, unchanged since. */
export const sameFile = (now: FileIdentity, then: FileIdentity | undefined): boolean =>
  then !== undefined && now.dev === then.dev && now.ino === then.ino && now.size === then.size && now.ctimeMs === then.ctimeMs;
