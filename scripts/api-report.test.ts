import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiEntryPoints, apiExports, apiReport, apiReports, reportFileOf, undocumentedExports, type ApiExport } from './api-report.js';
import { filesUnder, fromRoot, repositoryRoot, textOf } from './source-scan.js';

const fixture = join(repositoryRoot, 'scripts', 'fixtures', 'api-report', 'entry.ts');
const folder = join(repositoryRoot, 'docs', 'api');
let reports: ReturnType<typeof apiReports>;

beforeAll(() => {
  reports = apiReports(repositoryRoot);
}, 240_000);

const exportsOf = (path: string): readonly ApiExport[] => [...reports.values()].find((report) => report.entry.path === path)?.exports ?? [];

describe('the API reports under docs/api/', () => {
  it('are what `npm run docs:api` writes now, one per entry point of every package', () => {
    const committed = existsSync(folder) ? readdirSync(folder).filter((file) => file.endsWith('.md')).sort() : [];
    const stale = [
      ...[...reports.keys()].filter((file) => !committed.includes(file)).map((file) => `docs/api/${file} is missing`),
      ...committed.filter((file) => !reports.has(file)).map((file) => `docs/api/${file} names no entry point`),
      ...[...reports].filter(([file, { report }]) => committed.includes(file) && readFileSync(join(folder, file), 'utf8') !== report).map(([file]) => `docs/api/${file} differs`),
    ];
    expect(stale, 'run `npm run docs:api` and commit docs/api/').toEqual([]);
    expect(reports.has('domain.md') && reports.has('domain-eventsourcing.md')).toBe(true);
  });

  it('every exported name has a doc comment', () => {
    expect([...reports.values()].flatMap(({ entry, exports }) => undocumentedExports(entry, exports))).toEqual([]);
  });

  it('no source file of a package re-exports with `export *`: every export is named', () => {
    const sources = filesUnder(join(repositoryRoot, 'packages'), (name) => name.endsWith('.ts')).filter((file) => fromRoot(file).split('/')[2] === 'src');
    expect(sources.length).toBeGreaterThan(100);
    expect(sources.filter((file) => /^\s*export\s+(type\s+)?\*/m.test(textOf(file))).map(fromRoot)).toEqual([]);
  });

  it('the domain exports at most 120 names at run time, and no name of the kernel beside /eventsourcing', () => {
    const domain = exportsOf('@borough-command/domain');
    const kernel = new Set(exportsOf('@borough-command/domain/eventsourcing').map((exported) => exported.name));
    expect(domain.filter((exported) => exported.runtime).length).toBeLessThanOrEqual(120);
    expect(kernel.size).toBeGreaterThan(0);
    expect(domain.filter((exported) => kernel.has(exported.name)).map((exported) => exported.name)).toEqual([]);
  });
});

describe('apiExports', () => {
  const [exports = []] = apiExports([fixture]);

  it("lists an entry point's names, sorted, each with its kind, whether it exists at run time, and its doc comment's first line", () => {
    expect(exports).toEqual([
      { name: 'GATE_COUNT', kind: 'const', runtime: true, summary: 'How many gates there are. | A pipe in the comment is escaped.' },
      { name: 'Gate', kind: 'class', runtime: true, summary: 'A gate as a class.' },
      { name: 'GateCodec', kind: 'const, type', runtime: true, summary: 'The codec of a gate, a value and a type of the same name.' },
      { name: 'GateEvent', kind: 'type', runtime: false, summary: 'An event of a gate.' },
      { name: 'GateState', kind: 'interface', runtime: false, summary: "A gate's state." },
      { name: 'Undocumented', kind: 'interface', runtime: false, summary: '' },
      { name: 'openGate', kind: 'function', runtime: true, summary: 'Opens a gate by its number.' },
    ]);
  });

  it('finds the names without a doc comment', () => {
    expect(undocumentedExports({ path: 'fixture', source: 'entry.ts' }, exports)).toEqual(['fixture: Undocumented']);
  });

  it('writes a table row per name, a pipe in a summary escaped, with the counts above it', () => {
    const report = apiReport({ path: '@borough-command/fixture', source: 'scripts/fixtures/api-report/entry.ts' }, exports).split('\n');
    expect(report[0]).toBe('# `@borough-command/fixture`');
    expect(report).toContain('7 exports, 4 of them at run time.');
    expect(report).toContain('| `GATE_COUNT` | const | How many gates there are. \\| A pipe in the comment is escaped. |');
    expect(report).toContain('| `Undocumented` | interface |  |');
  });
});

describe('apiEntryPoints', () => {
  it("reads every package's exports under the source condition, one report file per import path", () => {
    const entries = apiEntryPoints(repositoryRoot);
    expect(entries).toContainEqual({ path: '@borough-command/domain', source: 'packages/domain/src/index.ts' });
    expect(entries).toContainEqual({ path: '@borough-command/domain/eventsourcing', source: 'packages/domain/src/eventsourcing/index.ts' });
    expect(entries.every((entry) => existsSync(join(repositoryRoot, entry.source)))).toBe(true);
    expect(reportFileOf('@borough-command/domain/eventsourcing')).toBe('domain-eventsourcing.md');
    expect(reportFileOf('@borough-command/cli')).toBe('cli.md');
  });
});
