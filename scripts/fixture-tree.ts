import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repositoryRoot } from './source-scan.js';

/** The folder of the boundary checks' fixtures. */
export const boundaryFixtures = join(repositoryRoot, 'scripts', 'fixtures', 'boundaries');

const linkPackage = (tree: string, name: string, target: string): void => {
  const link = join(tree, 'node_modules', ...name.split('/'));
  mkdirSync(dirname(link), { recursive: true });
  symlinkSync(target, link, 'dir');
};

/**
 * A copy of a fixture tree in a fresh temporary folder, with `overlays` (fixture folders) copied over
 * it in order, and a node_modules as npm would link it: each workspace of the tree's package.json
 * under its name, and each of `installed` linked to the repository's own copy.
 */
export const fixtureTree = (base: string, overlays: readonly string[], installed: readonly string[]): string => {
  const tree = mkdtempSync(join(tmpdir(), 'borough-command-boundaries-'));
  for (const folder of [base, ...overlays]) cpSync(folder, tree, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(tree, 'package.json'), 'utf8')) as { workspaces?: string[] };
  for (const folder of manifest.workspaces ?? []) {
    const { name } = JSON.parse(readFileSync(join(tree, folder, 'package.json'), 'utf8')) as { name: string };
    linkPackage(tree, name, join(tree, folder));
  }
  for (const name of installed) {
    const target = join(repositoryRoot, 'node_modules', name);
    if (!existsSync(target)) throw new Error(`${name} is not installed in the repository`);
    linkPackage(tree, name, target);
  }
  return tree;
};
