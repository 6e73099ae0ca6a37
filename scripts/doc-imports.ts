import { join } from 'node:path';
import { filesUnder, textOf } from './source-scan.js';
import { SCOPE } from './workspace-docs.js';

/** One name a page's TypeScript block imports from one of the project's packages. */
export interface DocImport {
  readonly module: string;
  readonly name: string;
}

/** Every name imported from the project's packages (`@borough-command/...`) in a page's ```ts blocks. */
export const docImports = (page: string): DocImport[] =>
  [...page.matchAll(/```ts\n([\s\S]*?)```/g)].flatMap((block) =>
    [...(block[1] ?? '').matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*'([^']+)'/g)]
      .filter((match) => (match[2] ?? '').startsWith(SCOPE))
      .flatMap((match) =>
        (match[1] ?? '')
          .split(',')
          .map((entry) => entry.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0] ?? '')
          .filter((name) => name !== '')
          .map((name) => ({ module: match[2] ?? '', name })),
      ),
  );

/** The source folder behind an import path: `@borough-command/domain/eventsourcing` is `packages/domain/src/eventsourcing`. */
export const sourceFolderOf = (root: string, module: string): string => {
  const [name = '', ...subpath] = module.slice(SCOPE.length).split('/');
  return join(root, 'packages', name, 'src', ...subpath);
};

/** Tells whether a source text exports a name: declared with `export`, or listed in an `export { ... }`. */
export const exportsName = (source: string, name: string): boolean =>
  new RegExp(`export\\s+(?:declare\\s+)?(?:async\\s+)?(?:const|let|function|class|interface|type|enum)\\s+${name}\\b`).test(source) ||
  [...source.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)].some((list) =>
    (list[1] ?? '').split(',').some((entry) => entry.trim().replace(/^type\s+/, '').split(/\s+as\s+/).at(-1) === name),
  );

/** The imports of a page that no source file of their package exports, each as `module: name`. */
export const unknownImports = (imports: readonly DocImport[], sourcesOf: (module: string) => readonly string[]): string[] =>
  imports.filter((entry) => !sourcesOf(entry.module).some((source) => exportsName(source, entry.name))).map((entry) => `${entry.module}: ${entry.name}`);

/** The texts of the TypeScript files under the source folder of an import path. */
export const sourcesUnder = (root: string, module: string): string[] =>
  filesUnder(sourceFolderOf(root, module), (file) => file.endsWith('.ts')).map(textOf);
