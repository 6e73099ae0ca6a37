import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docImports, exportsName, sourceFolderOf, sourcesUnder, unknownImports } from './doc-imports.js';
import { filesUnder, repositoryRoot, textOf } from './source-scan.js';

const pages = [join(repositoryRoot, 'README.md'), ...filesUnder(join(repositoryRoot, 'docs'), (name) => name.endsWith('.md'))];
const sourcesOf = (module: string): readonly string[] => sourcesUnder(repositoryRoot, module);

describe("names the docs' code imports from the project's packages", () => {
  it('every name a page imports from @borough-command/* is exported by that package', () => {
    const imports = pages.flatMap((page) => docImports(textOf(page)).map((entry) => ({ ...entry, page })));
    expect(imports.length).toBeGreaterThan(10);
    expect(unknownImports(imports, sourcesOf)).toEqual([]);
  });

  it('reads value and type imports of ts blocks only, from the project only', () => {
    const page = [
      '```ts',
      "import * as E from 'fp-ts/lib/Either.js';",
      "import { createBoroughCommand, type Policy, isoDate as date } from '@borough-command/domain';",
      "import type { RunnerError } from '@borough-command/projections';",
      '```',
      '```js',
      "import { hidden } from '@borough-command/domain';",
      '```',
    ].join('\n');
    expect(docImports(page)).toEqual([
      { module: '@borough-command/domain', name: 'createBoroughCommand' },
      { module: '@borough-command/domain', name: 'Policy' },
      { module: '@borough-command/domain', name: 'isoDate' },
      { module: '@borough-command/projections', name: 'RunnerError' },
    ]);
  });

  it('fails on a name the package does not export', () => {
    const sources = ['export const rebuildViews = 1;\nexport interface RunnerOptions {}\nexport { startRunner, type Checkpoint as Saved } from "./x.js";'];
    const imports = ['rebuildViews', 'RunnerOptions', 'startRunner', 'Saved', 'Checkpoint', 'rebuildView'].map((name) => ({ module: '@borough-command/projections', name }));
    expect(unknownImports(imports, () => sources)).toEqual(['@borough-command/projections: Checkpoint', '@borough-command/projections: rebuildView']);
  });

  it('looks for a subpath export in its folder', () => {
    expect(sourceFolderOf('/repo', '@borough-command/domain/eventsourcing')).toBe(join('/repo', 'packages', 'domain', 'src', 'eventsourcing'));
    expect(sourcesOf('@borough-command/domain/eventsourcing').some((source) => exportsName(source, 'openJournalStore'))).toBe(true);
  });
});
