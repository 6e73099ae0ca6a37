import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from './source-scan.js';
import {
  architectureRows,
  architectureTableProblems,
  drawingProblems,
  drawnImports,
  expectedArchitectureRow,
  packageTableProblems,
  readmePackageRows,
  sourceImports,
  workspacePackages,
  type WorkspacePackage,
} from './workspace-docs.js';

const packages = workspacePackages(repositoryRoot);
const readme = readFileSync(join(repositoryRoot, 'README.md'), 'utf8');
const architecture = readFileSync(join(repositoryRoot, 'docs', 'architecture.md'), 'utf8');

const pkg = (name: string, imports: readonly string[], peers: readonly string[] = []): WorkspacePackage => ({
  name: `@borough-command/${name}`,
  folder: `packages/${name}`,
  imports,
  peers,
});
const planted = [pkg('domain', ['fp-ts']), pkg('projections', ['@borough-command/domain', 'fp-ts']), pkg('testing', ['@borough-command/domain', 'vitest'], ['vitest'])];

const readmeOf = (rows: readonly string[]): string => ['# x', '', '## Packages', '', '| package | what it holds |', '|---|---|', ...rows, '', '## Docs'].join('\n');
const architectureOf = (drawing: readonly string[], rows: readonly string[]): string =>
  ['## Packages and the direction of imports', '', '```', ...drawing, '```', '', '| package | holds | may import | from npm |', '|---|---|---|---|', ...rows, '', '## Next'].join('\n');

describe('README package table', () => {
  it('finds the workspace packages under packages/ by their package.json', () => {
    expect(packages.map((found) => found.folder)).toEqual(expect.arrayContaining(['packages/domain', 'packages/cli']));
    expect(packages.every((found) => found.name.startsWith('@borough-command/'))).toBe(true);
    expect(packages.some((found) => found.folder === 'examples')).toBe(false);
  });

  it('README.md lists exactly the workspace packages under packages/, each linked to its folder', () => {
    expect(readmePackageRows(readme).length).toBeGreaterThan(0);
    expect(packageTableProblems(readmePackageRows(readme), packages)).toEqual([]);
  });

  it('reads each row of the table as the package it names and the folder it links', () => {
    const rows = readmePackageRows(readmeOf(['| [`@borough-command/domain`](packages/domain/) | the rules |', '| [`@borough-command/testing`](packages/testing) | a kit |']));
    expect(rows).toEqual([
      { name: '@borough-command/domain', folder: 'packages/domain' },
      { name: '@borough-command/testing', folder: 'packages/testing' },
    ]);
  });

  it('fails on a package added to package.json but not to the table, on one that is not a workspace package, and on a wrong folder', () => {
    const rows = readmePackageRows(
      readmeOf(['| [`@borough-command/domain`](packages/domain) | the rules |', '| [`@borough-command/projections`](packages/testing) | views |', '| [`@borough-command/gone`](packages/gone) | gone |']),
    );
    expect(packageTableProblems(rows, planted)).toEqual([
      '@borough-command/testing (packages/testing) is not in the README\'s package table',
      '@borough-command/gone is in the README\'s package table but is not a workspace package under packages/',
      '@borough-command/projections links packages/testing, but its folder is packages/projections',
    ]);
  });

  it('fails on a package listed twice', () => {
    const row = '| [`@borough-command/domain`](packages/domain) | the rules |';
    expect(packageTableProblems(readmePackageRows(readmeOf([row, row])), [pkg('domain', [])])).toEqual(["@borough-command/domain is in the README's package table twice"]);
  });
});

describe('docs/architecture.md import table and drawing', () => {
  it('the "may import" and "from npm" columns say what each package.json declares', () => {
    expect(architectureRows(architecture)).toHaveLength(packages.length);
    expect(architectureTableProblems(architectureRows(architecture), packages)).toEqual([]);
  });

  it('every drawn arrow is a declared workspace dependency, and every declared one is drawn', () => {
    expect(drawnImports(architecture).length).toBeGreaterThan(0);
    expect(drawingProblems(drawnImports(architecture), packages)).toEqual([]);
  });

  it("every package's src/ imports only the project's packages it declares", () => {
    for (const found of packages) {
      const undeclared = sourceImports(repositoryRoot, found).filter((name) => !expectedArchitectureRow(found).mayImport.includes(name));
      expect(undeclared, found.name).toEqual([]);
    }
    expect(sourceImports(repositoryRoot, packages.find((found) => found.folder === 'packages/projections')!)).toEqual(['@borough-command/domain']);
  });

  it('reads a row: workspace packages by short name, npm names with (peer), nothing as none', () => {
    const page = architectureOf([], ['| `@borough-command/testing` | a kit | `domain`, `projections` | vitest (peer), fast-check |', '| `@borough-command/domain` | rules | nothing | fp-ts |']);
    expect(architectureRows(page)).toEqual([
      { name: '@borough-command/testing', mayImport: ['@borough-command/domain', '@borough-command/projections'], fromNpm: ['vitest (peer)', 'fast-check'] },
      { name: '@borough-command/domain', mayImport: [], fromNpm: ['fp-ts'] },
    ]);
  });

  it('fails on a row whose "may import" or "from npm" is out of date, and on a package without a row', () => {
    const page = architectureOf([], ['| `@borough-command/domain` | rules | nothing | fp-ts |', '| `@borough-command/projections` | views | `domain`, `testing` | fp-ts |']);
    expect(architectureTableProblems(architectureRows(page), planted)).toEqual([
      '@borough-command/testing has no row in the architecture table',
      '@borough-command/projections may import domain by its package.json, not domain, testing',
    ]);
    const peerless = architectureOf([], ['| `@borough-command/testing` | kit | `domain` | vitest |']);
    expect(architectureTableProblems(architectureRows(peerless), [planted[2]!])).toEqual(['@borough-command/testing takes vitest (peer) from npm by its package.json, not vitest']);
  });

  it('fails loudly on a table without its "may import" or "from npm" column', () => {
    const page = ['## Packages and the direction of imports', '', '| package | holds | may import |', '|---|---|---|', '| `@borough-command/domain` | rules | nothing |'].join('\n');
    expect(() => architectureRows(page)).toThrow("has no 'from npm' column");
  });

  it('reads arrows along a line and from the name that starts a branch', () => {
    const page = architectureOf(['cli ──┬──► projections ──► domain', '      └──► domain', 'testing ──► domain'], []);
    expect(drawnImports(page)).toEqual(['cli → domain', 'cli → projections', 'projections → domain', 'testing → domain']);
  });

  it('fails on an arrow no package.json declares and on a declared import not drawn', () => {
    const page = architectureOf(['cli ──► testing', 'projections ──► domain'], []);
    expect(drawingProblems(drawnImports(page), planted)).toEqual([
      'the drawing has cli → testing, which no package.json declares',
      'the drawing lacks testing → domain, which a package.json declares',
    ]);
  });
});
