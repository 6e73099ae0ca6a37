import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { shortName, workspacePackages } from './workspace-docs.js';

/** The condition under which a package's `exports` name its TypeScript sources. */
export const SOURCE_CONDITION = '@borough-command/source';

/** One name an entry point exports: what it is and the first line of its doc comment (empty when it has none). */
export interface ApiExport {
  readonly name: string;
  /** `function`, `const`, `let`, `class`, `interface`, `type`, `enum` or `namespace`; a name that is both a value and a type lists both, e.g. `const, type`. */
  readonly kind: string;
  /** Whether the name exists at run time (`Object.keys(await import(entry))` lists it). */
  readonly runtime: boolean;
  readonly summary: string;
}

/** An entry point of a workspace package: its import path and the source file behind it. */
export interface ApiEntryPoint {
  /** The import path, e.g. `@borough-command/domain/eventsourcing`. */
  readonly path: string;
  /** Its source file, relative to the repository root. */
  readonly source: string;
}

const kindOf = (declaration: ts.Declaration): string => {
  if (ts.isFunctionDeclaration(declaration)) return 'function';
  if (ts.isClassDeclaration(declaration)) return 'class';
  if (ts.isInterfaceDeclaration(declaration)) return 'interface';
  if (ts.isTypeAliasDeclaration(declaration)) return 'type';
  if (ts.isEnumDeclaration(declaration)) return 'enum';
  if (ts.isModuleDeclaration(declaration)) return 'namespace';
  if (ts.isVariableDeclaration(declaration)) {
    const initializer = declaration.initializer;
    if (initializer !== undefined && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer))) return 'function';
    return (ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) !== 0 ? 'const' : 'let';
  }
  return ts.SyntaxKind[declaration.kind];
};

/** The first line of a symbol's doc comment, trimmed; empty when it has none. */
const summaryOf = (symbol: ts.Symbol, checker: ts.TypeChecker): string =>
  (ts.displayPartsToString(symbol.getDocumentationComment(checker)).split('\n')[0] ?? '').trim();

/** The options the report reads sources with: the project's own packages resolved to their sources. */
const compilerOptions: ts.CompilerOptions = {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  customConditions: [SOURCE_CONDITION],
  strict: true,
  skipLibCheck: true,
  noEmit: true,
};

/**
 * What each source entry point exports, sorted by name, read with the TypeScript compiler (one
 * program for them all): each name followed to its declaration for its kind and doc comment.
 */
export const apiExports = (entryFiles: readonly string[]): ApiExport[][] => {
  const program = ts.createProgram(entryFiles, compilerOptions);
  const checker = program.getTypeChecker();
  return entryFiles.map((entryFile) => {
    const source = program.getSourceFile(entryFile);
    const module = source === undefined ? undefined : checker.getSymbolAtLocation(source);
    if (module === undefined) throw new Error(`${entryFile} is not a module`);
    return checker
      .getExportsOfModule(module)
      .map((exported) => {
        const target = (exported.flags & ts.SymbolFlags.Alias) !== 0 ? checker.getAliasedSymbol(exported) : exported;
        const kinds = [...new Set((target.declarations ?? []).map(kindOf))].sort();
        return {
          name: exported.name,
          kind: kinds.join(', '),
          runtime: (target.flags & ts.SymbolFlags.Value) !== 0,
          summary: summaryOf(target, checker),
        };
      })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  });
};

/** Every entry point's report, keyed by its file name under docs/api/. */
export const apiReports = (root: string): Map<string, { readonly entry: ApiEntryPoint; readonly exports: readonly ApiExport[]; readonly report: string }> => {
  const entries = apiEntryPoints(root);
  const exports = apiExports(entries.map((entry) => join(root, entry.source)));
  return new Map(
    entries.map((entry, index) => {
      const found = exports[index] ?? [];
      return [reportFileOf(entry.path), { entry, exports: found, report: apiReport(entry, found) }];
    }),
  );
};

/** The source file an `exports` entry names under the source condition, or undefined. */
const sourceOfExport = (target: unknown): string | undefined => {
  if (typeof target !== 'object' || target === null) return undefined;
  const source = (target as Record<string, unknown>)[SOURCE_CONDITION];
  return typeof source === 'string' ? source : undefined;
};

/** Every entry point of every workspace package under packages/, as its package.json `exports` declares it. */
export const apiEntryPoints = (root: string): ApiEntryPoint[] =>
  workspacePackages(root).flatMap((pkg) => {
    const manifest = JSON.parse(readFileSync(join(root, pkg.folder, 'package.json'), 'utf8')) as Record<string, unknown>;
    const exports = manifest['exports'];
    if (typeof exports !== 'object' || exports === null) return [];
    return Object.entries(exports as Record<string, unknown>).map(([subpath, target]) => {
      const source = sourceOfExport(target);
      if (source === undefined) throw new Error(`${pkg.name}: exports["${subpath}"] names no "${SOURCE_CONDITION}" source file`);
      return { path: subpath === '.' ? pkg.name : `${pkg.name}/${subpath.replace(/^\.\//, '')}`, source: join(pkg.folder, source).split('\\').join('/') };
    });
  });

/** The report's file name for an import path: `domain.md`, `domain-eventsourcing.md`. */
export const reportFileOf = (path: string): string => `${shortName(path).split('/').join('-')}.md`;

const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** The markdown report of an entry point's exports: a table of name, kind and summary. */
export const apiReport = (entry: ApiEntryPoint, exports: readonly ApiExport[]): string =>
  [
    `# \`${entry.path}\``,
    '',
    `Written by \`npm run docs:api\` (scripts/write-api-reports.ts) from \`${entry.source}\`: do not edit by hand.`,
    `${String(exports.length)} exports, ${String(exports.filter((entry) => entry.runtime).length)} of them at run time.`,
    '',
    '| name | kind | summary |',
    '| --- | --- | --- |',
    ...exports.map((entry) => `| \`${entry.name}\` | ${entry.kind} | ${cell(entry.summary)} |`),
    '',
  ].join('\n');

/** The exports of an entry point that have no doc comment, as `path: name`. */
export const undocumentedExports = (entry: ApiEntryPoint, exports: readonly ApiExport[]): string[] =>
  exports.filter((exported) => exported.summary === '').map((exported) => `${entry.path}: ${exported.name}`);
