/**
 * The note a journal writer of this command line leaves beside a journal as it closes it: the file
 * as it was then (device, inode, size, change time). Opening the journal checked every line's hash,
 * its chain and its batch, and every line after them the writer wrote itself, so a file still the
 * same holds only lines that chain. A question then needs not hash the journal's bytes again to
 * know that those before its views snapshot's place are unchanged: the line at the place, whose
 * hash the read from there checks, chains them all.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { FileIdentityCodec, identityOf, type FileIdentity } from './file-identity.js';
import { writeTextFile } from './output-file.js';
import { viewsSnapshotFolder } from './views-folder.js';

const CheckedCodec = t.type({ format: t.literal(1), file: FileIdentityCodec });

const checkedFile = (journal: string): string => join(viewsSnapshotFolder(journal), 'checked-journal.json');

/** The journal as a writer of this command line left it, checked; undefined when no such note is there or it cannot be read. */
export const checkedJournal = async (journal: string): Promise<FileIdentity | undefined> => {
  try {
    const decoded = CheckedCodec.decode(JSON.parse(await readFile(checkedFile(journal), 'utf8')));
    return E.isRight(decoded) ? decoded.right.file : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Takes the journal's identity while its writer still holds it (call before closing the store), and
 * answers how to leave the note once it is closed: only beside a views snapshot (the folder is
 * there), the one thing it serves. A note that cannot be written costs the next question a hash of
 * the journal, nothing more.
 */
export const noteCheckedJournal = async (journal: string): Promise<() => Promise<void>> => {
  const file = await identityOf(journal);
  return async () => {
    if (file === undefined) return;
    try {
      if (!(await stat(viewsSnapshotFolder(journal))).isDirectory()) return;
      await writeTextFile(checkedFile(journal), JSON.stringify({ format: 1, file }));
    } catch {
      // no snapshot, or the note cannot be written: it only spares a hash
    }
  };
};
