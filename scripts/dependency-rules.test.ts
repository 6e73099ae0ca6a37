import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundaryFixtures, fixtureTree } from './fixture-tree.js';
import { repositoryRoot } from './source-scan.js';

/** The repository's own rules (.dependency-cruiser.mjs), built for a tree rooted elsewhere. */
interface DependencyRules {
  readonly default: IConfiguration;
  readonly boundaryConfig: (root: string) => IConfiguration;
}

const fixtures = join(boundaryFixtures, 'dependencies');
const trees: string[] = [];
let rules: DependencyRules;

beforeAll(async () => {
  rules = (await import(pathToFileURL(join(repositoryRoot, '.dependency-cruiser.mjs')).href)) as DependencyRules;
});
afterAll(() => {
  for (const tree of trees) rmSync(tree, { recursive: true, force: true });
});

interface Violation {
  readonly rule: string;
  readonly from: string;
  readonly to: string;
}

/** The rules' violations in the clean fixture tree with a planted case laid over it. */
const violationsWith = async (...cases: string[]): Promise<{ violations: Violation[]; modules: number }> => {
  const tree = fixtureTree(
    join(fixtures, 'clean'),
    cases.map((name) => join(fixtures, 'planted', name)),
    ['vitest', 'fast-check'],
  );
  trees.push(tree);
  const config = rules.boundaryConfig(tree);
  const { output } = await cruise(['packages'], { validate: true, ruleSet: config });
  const result = output as ICruiseResult;
  return {
    violations: result.summary.violations.map((violation) => ({ rule: violation.rule.name, from: violation.from, to: violation.to })),
    modules: result.summary.totalCruised,
  };
};

describe('.dependency-cruiser.mjs', () => {
  it('is the rules built for the repository root', () => {
    expect(rules.default).toEqual(rules.boundaryConfig(repositoryRoot));
  });

  it('passes the clean fixture tree, whose journal store reads files and whose test kit imports vitest and fast-check', async () => {
    const { violations, modules } = await violationsWith();
    expect(violations).toEqual([]);
    expect(modules).toBeGreaterThanOrEqual(12);
  });

  it('fails a package whose src/ imports a workspace its package.json does not declare', async () => {
    expect((await violationsWith('package-direction')).violations).toEqual([
      { rule: 'package-direction', from: 'packages/domain/src/tenure-rule.ts', to: 'packages/projections/src/index.ts' },
    ]);
  });

  it('fails an undeclared workspace imported for its types only', async () => {
    expect((await violationsWith('package-direction-type-only')).violations).toEqual([
      { rule: 'package-direction', from: 'packages/projections/src/store-name.ts', to: 'packages/eventstoredb/src/index.ts' },
    ]);
  });

  it('fails a domain file outside the journal store that imports node:fs', async () => {
    expect((await violationsWith('domain-io')).violations).toEqual([{ rule: 'domain-no-io', from: 'packages/domain/src/policy/policy-file.ts', to: 'fs' }]);
  });

  it("fails a test that reaches into another package's folder by a relative path", async () => {
    expect((await violationsWith('relative-across-packages')).violations).toEqual([
      { rule: 'no-relative-import-across-packages', from: 'packages/projections/test/shortcut.test.ts', to: 'packages/domain/src/index.ts' },
    ]);
  });

  it('fails a src/ file that imports from a test folder', async () => {
    expect((await violationsWith('src-imports-test')).violations).toEqual([
      { rule: 'src-not-to-test', from: 'packages/domain/src/rule-names.ts', to: 'packages/domain/test/support.ts' },
    ]);
  });

  it('fails a src/ file outside packages/testing that imports fast-check, or vitest from a /testing entry point', async () => {
    const fastCheck = (await violationsWith('src-imports-fast-check')).violations;
    expect(fastCheck.map(({ rule, from }) => ({ rule, from }))).toEqual([{ rule: 'src-not-to-test-only-packages', from: 'packages/projections/src/sample-views.ts' }]);
    expect(fastCheck[0]?.to).toMatch(/(^|\/)node_modules\/fast-check\//);
    const vitest = (await violationsWith('src-imports-vitest')).violations;
    expect(vitest.map(({ rule, from }) => ({ rule, from }))).toEqual([{ rule: 'src-not-to-test-only-packages', from: 'packages/eventstoredb/src/testing/server-check.ts' }]);
    expect(vitest[0]?.to).toMatch(/(^|\/)node_modules\/vitest\//);
  });

  it('fails two files that import each other, the way back a type-only import (the cycle is reported once, at its first edge)', async () => {
    expect((await violationsWith('circular')).violations).toEqual([
      { rule: 'no-circular', from: 'packages/domain/src/policy/policy.ts', to: 'packages/domain/src/policy/seeds.ts' },
    ]);
  });

  it('fails an import that resolves to no file', async () => {
    expect((await violationsWith('unresolvable')).violations).toEqual([{ rule: 'no-unresolvable', from: 'packages/domain/src/gone.ts', to: './missing.js' }]);
  });
});
