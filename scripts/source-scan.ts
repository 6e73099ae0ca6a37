import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The repository's root folder. */
export const repositoryRoot = join(import.meta.dirname, '..');

/** Every file under a folder whose name passes the test, skipping `node_modules` and `dist`. */
export const filesUnder = (folder: string, keep: (name: string) => boolean): string[] => {
  const found: string[] = [];
  const walk = (directory: string): void => {
    let entries;
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (keep(entry.name)) found.push(path);
    }
  };
  walk(folder);
  return found;
};

/** A path relative to the repository root, with forward slashes. */
export const fromRoot = (path: string): string => relative(repositoryRoot, path).split('\\').join('/');

/** A source file's text. */
export const textOf = (path: string): string => readFileSync(path, 'utf8');

/** The titles of the tests (`it(...)`, `test(...)`) written in a test file. */
export const testTitlesIn = (text: string): string[] => {
  const titles: string[] = [];
  const pattern = /\b(?:it|test)(?:\.each\([^)]*\))?\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) titles.push(match[2] ?? '');
  return titles;
};
