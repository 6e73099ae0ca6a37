// @ts-check
/**
 * The import rules of docs/architecture.md, checked by dependency-cruiser (`npm run check:boundaries`
 * runs `depcruise packages examples bench`). Which package may import which is not written here: it
 * is read from each package's package.json (`dependencies` and `peerDependencies`), the same source
 * scripts/workspace-docs.test.ts holds the page's import table to. scripts/dependency-rules.test.ts
 * runs these rules over planted violations.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Node's modules that reach outside the process: files, network, processes, the host, the terminal. */
const IO_MODULES = [
  'fs',
  'fs/promises',
  'net',
  'tls',
  'dgram',
  'dns',
  'dns/promises',
  'http',
  'https',
  'http2',
  'child_process',
  'cluster',
  'worker_threads',
  'os',
  'readline',
  'readline/promises',
  'process',
  'inspector',
  'repl',
];

/** The packages only tests may import: test runners, property testing, the project's test kit. */
const TEST_ONLY = '(^|/)node_modules/(vitest|@vitest/[^/]+|fast-check)/|^packages/testing/';

/** @param {string} text */
const escaped = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * @param {string} path
 * @returns {Record<string, unknown>}
 */
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** @param {unknown} value */
const keysOf = (value) => (typeof value === 'object' && value !== null ? Object.keys(value) : []);

/**
 * The workspaces of the root package.json: folder, name, and the names it declares for run time.
 * @param {string} root
 */
const workspacesOf = (root) => {
  const folders = readJson(join(root, 'package.json'))['workspaces'];
  return (Array.isArray(folders) ? folders.map(String) : []).map((folder) => {
    const manifest = readJson(join(root, folder, 'package.json'));
    return { folder, name: String(manifest['name']), declared: [...keysOf(manifest['dependencies']), ...keysOf(manifest['peerDependencies'])] };
  });
};

/**
 * The path pattern of a workspace's own files: its folder, less the workspaces nested in it.
 * @param {string} folder
 * @param {readonly string[]} folders
 */
const ownFiles = (folder, folders) => {
  const nested = folders.filter((other) => other.startsWith(`${folder}/`)).map((other) => escaped(other.slice(folder.length + 1)));
  return nested.length === 0 ? `^${escaped(folder)}/` : `^${escaped(folder)}/(?!(${nested.join('|')})/)`;
};

/**
 * The configuration for the repository rooted at `root` (tests point it at a fixture tree).
 * @param {string} root
 * @returns {import('dependency-cruiser').IConfiguration}
 */
export const boundaryConfig = (root) => {
  const workspaces = workspacesOf(root);
  const folders = workspaces.map((workspace) => workspace.folder);
  const packages = workspaces.filter((workspace) => workspace.folder.startsWith('packages/'));
  return {
    forbidden: [
      // Package direction: a package's src/ imports only the workspaces its package.json declares
      // for run time (devDependencies are for its tests).
      ...packages.flatMap((pkg) => {
        const undeclared = workspaces.filter((other) => other.folder !== pkg.folder && !pkg.declared.includes(other.name));
        return undeclared.length === 0
          ? []
          : [
              {
                name: 'package-direction',
                comment: `${pkg.name} imports a workspace its package.json does not declare in dependencies or peerDependencies (docs/architecture.md, the import table).`,
                severity: /** @type {const} */ ('error'),
                from: { path: `^${escaped(pkg.folder)}/src/` },
                to: { path: undeclared.map((other) => ownFiles(other.folder, folders)) },
              },
            ];
      }),
      {
        name: 'domain-no-io',
        comment:
          'Domain code does no I/O: only the journal store (packages/domain/src/eventsourcing/journal/) touches files, hosts and processes (docs/architecture.md).',
        severity: 'error',
        from: { path: '^packages/domain/src/', pathNot: '^packages/domain/src/eventsourcing/journal/' },
        to: { dependencyTypes: ['core'], path: `^(node:)?(${IO_MODULES.map(escaped).join('|')})$` },
      },
      // A workspace reaches another only by its package name, never by a relative path into its folder.
      ...workspaces.map((workspace) => ({
        name: 'no-relative-import-across-packages',
        comment: `${workspace.name} reaches into another workspace's folder by a relative path: import it by its package name.`,
        severity: /** @type {const} */ ('error'),
        from: { path: ownFiles(workspace.folder, folders) },
        to: { dependencyTypes: /** @type {const} */ (['local']), pathNot: ownFiles(workspace.folder, folders) },
      })),
      {
        name: 'src-not-to-test',
        comment: 'Shipped code (src/) never imports a test folder or a test file.',
        severity: 'error',
        from: { path: '(^|/)src/' },
        to: { path: '(^|/)test/|[.]test[.]ts$', pathNot: '(^|/)node_modules/' },
      },
      {
        name: 'src-not-to-test-only-packages',
        comment:
          "A package's src/ never imports vitest, fast-check, @borough-command/testing or another package's /testing entry point; " +
          'packages/testing and packages/test-machinery, whose job is tests, are the exceptions.',
        severity: 'error',
        from: { path: '^packages/([^/]+)/src/', pathNot: '^packages/(testing|test-machinery)/src/' },
        to: { path: `${TEST_ONLY}|^packages/(?!$1/)[^/]+/src/testing/` },
      },
      {
        name: 'no-circular',
        comment: 'No module reaches itself through its imports: a cycle ties its files into one unit that cannot be read, tested or split apart.',
        severity: 'error',
        from: {},
        to: { circular: true },
      },
      {
        name: 'no-unresolvable',
        comment: 'An import that resolves to no file escapes every rule above (and fails at run time).',
        severity: 'error',
        from: {},
        to: { couldNotResolve: true },
      },
    ],
    options: {
      doNotFollow: { path: '(^|/)node_modules/' },
      // The workspaces' build output (not node_modules' dist/ folders, where vitest's entry point lives).
      exclude: { path: `^(${folders.map(escaped).join('|')})/dist/` },
      // Type-only imports count: a declaration file that names an undeclared package breaks its users.
      tsPreCompilationDeps: true,
      baseDir: root,
      enhancedResolveOptions: {
        exportsFields: ['exports'],
        conditionNames: ['@borough-command/source', 'import', 'types', 'default'],
        extensions: ['.ts', '.js', '.json'],
      },
    },
  };
};

export default boundaryConfig(dirname(fileURLToPath(import.meta.url)));
