import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { runCli } from './cli.js';
import { temporaryFolder } from './files.js';
import { CAMDEN_STORY } from './paths.js';

/** A temporary folder and, in it, the Camden story applied to a journal (`record` mode), for one test file. */
export interface CamdenJournal {
  /** The temporary folder, removed after the file's tests. */
  readonly folder: () => string;
  /** The journal the Camden story was applied to. */
  readonly journal: () => string;
}

/** Registers the hooks that write the Camden story's journal before the file's tests and remove its folder after them. */
export const camdenJournal = (): CamdenJournal => {
  let folder: { readonly path: string; readonly remove: () => Promise<void> } | undefined;
  let journal = '';
  beforeAll(async () => {
    folder = await temporaryFolder();
    journal = join(folder.path, 'camden.ndjson');
    expect((await runCli(['apply', CAMDEN_STORY, '--journal', journal, '--policy', 'record'])).code).toBe(0);
  });
  afterAll(async () => {
    await folder?.remove();
  });
  return {
    folder: () => {
      if (folder === undefined) throw new Error('the Camden journal is written before the tests, not while the file loads');
      return folder.path;
    },
    journal: () => journal,
  };
};
