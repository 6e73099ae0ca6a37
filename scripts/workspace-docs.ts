import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesUnder } from './source-scan.js';

/** The scope of the project's own packages. */
export const SCOPE = '@borough-command/';

/** A workspace package as its package.json declares it. */
export interface WorkspacePackage {
  readonly name: string;
  /** Its folder relative to the repository root, e.g. `packages/domain`. */
  readonly folder: string;
  /** The names in `dependencies` and `peerDependencies`, sorted. */
  readonly imports: readonly string[];
  /** The names in `peerDependencies`, sorted. */
  readonly peers: readonly string[];
}

const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
const keysOf = (value: unknown): string[] => (typeof value === 'object' && value !== null ? Object.keys(value).sort() : []);

/** The workspaces of the root package.json that live under packages/, with what their package.json declares. */
export const workspacePackages = (root: string): WorkspacePackage[] => {
  const workspaces = readJson(join(root, 'package.json'))['workspaces'];
  return (Array.isArray(workspaces) ? workspaces.map(String) : [])
    .filter((folder) => folder.startsWith('packages/'))
    .map((folder) => {
      const manifest = readJson(join(root, folder, 'package.json'));
      const peers = keysOf(manifest['peerDependencies']);
      return { name: String(manifest['name']), folder, imports: [...new Set([...keysOf(manifest['dependencies']), ...peers])].sort(), peers };
    });
};

/** The short name a page uses for a package of the project: `domain` for `@borough-command/domain`. */
export const shortName = (name: string): string => (name.startsWith(SCOPE) ? name.slice(SCOPE.length) : name);

/** The lines of a page's section under a `## ` heading, up to the next heading of that level. */
export const sectionOf = (page: string, heading: string): string[] => {
  const lines = page.split('\n');
  const start = lines.indexOf(`## ${heading}`);
  if (start < 0) return [];
  const end = lines.findIndex((line, index) => index > start && line.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end);
};

/** The cells of a markdown table row, trimmed (`\|` inside a cell is not a separator). */
export const cellsOf = (row: string): string[] =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());

/** A row of the README's package table: the package it names and the folder it links. */
export interface PackageTableRow {
  readonly name: string;
  readonly folder: string;
}

/** The rows of README.md's `## Packages` table, each `` [`<name>`](<folder>) `` in its first cell. */
export const readmePackageRows = (readme: string): PackageTableRow[] =>
  sectionOf(readme, 'Packages').flatMap((line) => {
    const match = /^\[`([^`]+)`\]\(([^)]+)\)$/.exec(cellsOf(line)[0] ?? '');
    return line.startsWith('|') && match !== null ? [{ name: match[1] ?? '', folder: (match[2] ?? '').replace(/\/$/, '') }] : [];
  });

/** What is wrong with the README's package table: a package missing or listed twice, one that is not a workspace package, a wrong folder. */
export const packageTableProblems = (rows: readonly PackageTableRow[], packages: readonly WorkspacePackage[]): string[] => [
  ...packages.filter((pkg) => !rows.some((row) => row.name === pkg.name)).map((pkg) => `${pkg.name} (${pkg.folder}) is not in the README's package table`),
  ...rows.filter((row) => !packages.some((pkg) => pkg.name === row.name)).map((row) => `${row.name} is in the README's package table but is not a workspace package under packages/`),
  ...rows.filter((row, index) => rows.findIndex((other) => other.name === row.name) !== index).map((row) => `${row.name} is in the README's package table twice`),
  ...rows.flatMap((row) => {
    const folder = packages.find((pkg) => pkg.name === row.name)?.folder;
    return folder !== undefined && folder !== row.folder ? [`${row.name} links ${row.folder}, but its folder is ${folder}`] : [];
  }),
];

/** The section of docs/architecture.md that holds the import table and the drawing. */
export const ARCHITECTURE_SECTION = 'Packages and the direction of imports';

/** A row of the architecture page's package table: the package and what it may import, by the table. */
export interface ArchitectureRow {
  readonly name: string;
  /** The project's packages in the "may import" column, as full names. */
  readonly mayImport: readonly string[];
  /** The "from npm" column, one entry a name, `(peer)` kept. */
  readonly fromNpm: readonly string[];
}

/**
 * The rows of the architecture page's package table. Its columns are `package` (`` `@borough-command/<name>` ``),
 * `may import` (the project's packages by short name in backticks, comma-separated, or `nothing`; an
 * entry not in backticks is kept as written, so it never matches) and
 * `from npm` (comma-separated names, a peer dependency followed by `(peer)`).
 */
export const architectureRows = (page: string): ArchitectureRow[] => {
  const lines = sectionOf(page, ARCHITECTURE_SECTION).filter((line) => line.startsWith('|'));
  const header = cellsOf(lines[0] ?? '');
  const column = (title: string): number => {
    if (!header.includes(title)) throw new Error(`the table of '${ARCHITECTURE_SECTION}' has no '${title}' column`);
    return header.indexOf(title);
  };
  return lines.slice(2).map((line) => {
    const cells = cellsOf(line);
    const list = (title: string): string[] =>
      (cells[column(title)] ?? '')
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '' && entry !== 'nothing');
    return {
      name: (cells[column('package')] ?? '').replace(/`/g, ''),
      mayImport: list('may import').map((entry) => {
        const name = /^`([a-z-]+)`$/.exec(entry)?.[1];
        return name === undefined ? entry : `${SCOPE}${name}`;
      }),
      fromNpm: list('from npm'),
    };
  });
};

/** What the package.json files say a row of the architecture table should be. */
export const expectedArchitectureRow = (pkg: WorkspacePackage): ArchitectureRow => ({
  name: pkg.name,
  mayImport: pkg.imports.filter((name) => name.startsWith(SCOPE)),
  fromNpm: pkg.imports.filter((name) => !name.startsWith(SCOPE)).map((name) => (pkg.peers.includes(name) ? `${name} (peer)` : name)),
});

const sameList = (left: readonly string[], right: readonly string[]): boolean => [...left].sort().join('\n') === [...right].sort().join('\n');

/** Where the architecture table and the packages' package.json files disagree: a package missing or unknown, a column that differs. */
export const architectureTableProblems = (rows: readonly ArchitectureRow[], packages: readonly WorkspacePackage[]): string[] => [
  ...packages.filter((pkg) => !rows.some((row) => row.name === pkg.name)).map((pkg) => `${pkg.name} has no row in the architecture table`),
  ...rows.filter((row) => !packages.some((pkg) => pkg.name === row.name)).map((row) => `the architecture table has a row for ${row.name}, which is not a workspace package under packages/`),
  ...rows.flatMap((row) => {
    const pkg = packages.find((candidate) => candidate.name === row.name);
    if (pkg === undefined) return [];
    const expected = expectedArchitectureRow(pkg);
    return [
      ...(sameList(row.mayImport, expected.mayImport) ? [] : [`${row.name} may import ${expected.mayImport.map(shortName).join(', ') || 'nothing'} by its package.json, not ${row.mayImport.map(shortName).join(', ') || 'nothing'}`]),
      ...(sameList(row.fromNpm, expected.fromNpm) ? [] : [`${row.name} takes ${expected.fromNpm.join(', ') || 'nothing'} from npm by its package.json, not ${row.fromNpm.join(', ') || 'nothing'}`]),
    ];
  }),
];

/**
 * The arrows of the drawing in a page's section, as `from → to` with short names. A line that starts
 * with a name starts from it; a line that starts with `├`, `└` or spaces continues from the name
 * that started the last line; each `►` points from the name before it on the line (or that one) to the name after it.
 */
export const drawnImports = (page: string, heading: string = ARCHITECTURE_SECTION): string[] => {
  const section = sectionOf(page, heading).join('\n');
  const drawing = /```[^\n]*\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  const arrows = new Set<string>();
  let start: string | undefined;
  for (const line of drawing.split('\n')) {
    let from = start;
    let end = 0;
    for (const match of line.matchAll(/[a-z][a-z-]*/g)) {
      const before = line.slice(end, match.index);
      if (before.includes('►') && from !== undefined) arrows.add(`${from} → ${match[0]}`);
      else if (end === 0) start = match[0];
      from = match[0];
      end = match.index + match[0].length;
    }
  }
  return [...arrows].sort();
};

/** Where the drawn arrows and the packages' workspace dependencies disagree, both ways. */
export const drawingProblems = (arrows: readonly string[], packages: readonly WorkspacePackage[]): string[] => {
  const declared = packages.flatMap((pkg) => expectedArchitectureRow(pkg).mayImport.map((target) => `${shortName(pkg.name)} → ${shortName(target)}`));
  return [
    ...arrows.filter((arrow) => !declared.includes(arrow)).map((arrow) => `the drawing has ${arrow}, which no package.json declares`),
    ...declared.filter((arrow) => !arrows.includes(arrow)).map((arrow) => `the drawing lacks ${arrow}, which a package.json declares`),
  ];
};

/** The project's packages a package's source files import (`src/`, tests excluded), sorted. */
export const sourceImports = (root: string, pkg: WorkspacePackage): string[] => {
  const names = filesUnder(join(root, pkg.folder, 'src'), (file) => file.endsWith('.ts')).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"](@borough-command\/[a-z-]+)/g)].map((match) => match[1] ?? ''),
  );
  return [...new Set(names)].filter((name) => name !== pkg.name).sort();
};
