import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary folder, and a way to remove it. */
export const temporaryFolder = async (): Promise<{ readonly path: string; readonly remove: () => Promise<void> }> => {
  const path = await mkdtemp(join(tmpdir(), 'borough-command-cli-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
};

/** The SHA-256 of a file's bytes. */
export const fileHash = async (file: string): Promise<string> => createHash('sha256').update(await readFile(file)).digest('hex');

/** The names in a folder, sorted. */
export const listing = async (folder: string): Promise<readonly string[]> => (await readdir(folder)).sort();

/** The lines of a journal file (the last, empty piece after the final newline left out). */
export const journalLines = async (file: string): Promise<string[]> => {
  const lines = (await readFile(file, 'utf8')).split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
};
