import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { boundaryFixtures, fixtureTree } from './fixture-tree.js';
import { packPackages, tarballFiles } from './packed-package.js';
import { publintFindings, typesFindings } from './package-checks.js';

const trees: string[] = [];
afterAll(() => {
  for (const tree of trees) rmSync(tree, { recursive: true, force: true });
});

/** The tarball `npm pack` makes of a fixture package (packed from a copy, so the fixture folder stays as committed). */
const packed = (name: string): Uint8Array => {
  const tree = fixtureTree(join(boundaryFixtures, 'packages', name), [], []);
  trees.push(tree);
  const [packed] = packPackages(tree, tree);
  return new Uint8Array(readFileSync(packed?.tarball ?? ''));
};

describe('packing', () => {
  it('packs what the package.json publishes and reads the tarball back file by file', () => {
    const files = tarballFiles(packed('clean'));
    expect([...files.keys()].sort()).toEqual(['package/lib/index.d.ts', 'package/lib/index.js', 'package/package.json']);
    expect(new TextDecoder().decode(files.get('package/lib/index.js'))).toContain("ruleId = 'AP-1'");
  });
});

describe('publint and attw on a packed package', () => {
  it('find nothing in a package whose exports name its files, types first', async () => {
    const tarball = packed('clean');
    expect(await publintFindings(tarball)).toEqual([]);
    expect(await typesFindings(tarball)).toEqual([]);
  });

  it('publint fails an exports entry whose files are not in the tarball, and attw fails its resolution', async () => {
    const tarball = packed('missing-entry');
    expect(await publintFindings(tarball)).toEqual([
      'publint error FILE_DOES_NOT_EXIST: pkg.exports["./testing"].types is ./lib/testing/index.d.ts but the file does not exist.',
      'publint error FILE_DOES_NOT_EXIST: pkg.exports["./testing"].default is ./lib/testing/index.js but the file does not exist.',
    ]);
    expect(await typesFindings(tarball)).toEqual(['attw NoResolution: Resolution failed, at ./testing (node16-esm)', 'attw NoResolution: Resolution failed, at ./testing (bundler)']);
  });

  it('attw fails types written as CommonJS (.d.cts) for an ES module', async () => {
    expect(await typesFindings(packed('types-as-commonjs'))).toEqual([
      'attw FalseCJS: Types are CJS, but implementation is ESM, at /node_modules/@borough-command/fixture-types-as-commonjs/lib/index.d.cts',
    ]);
  });
});
