import { execFile } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { boundaryFixtures, fixtureTree } from './fixture-tree.js';
import { repositoryRoot } from './source-scan.js';

const run = promisify(execFile);
const fixtures = join(boundaryFixtures, 'knip');
const trees: string[] = [];
afterAll(() => {
  for (const tree of trees) rmSync(tree, { recursive: true, force: true });
});

/** One finding of knip's JSON report: the file, the issue type, the name. */
interface Finding {
  readonly file: string;
  readonly type: string;
  readonly name: string;
}

/** What knip, run with the repository's own knip.jsonc, finds in the clean fixture tree with a planted case laid over it, and its exit code. */
const knipWith = async (...cases: string[]): Promise<{ code: number; findings: Finding[] }> => {
  const tree = fixtureTree(
    join(fixtures, 'clean'),
    cases.map((name) => join(fixtures, 'planted', name)),
    ['fp-ts'],
  );
  trees.push(tree);
  copyFileSync(join(repositoryRoot, 'knip.jsonc'), join(tree, 'knip.jsonc'));
  const knip = join(repositoryRoot, 'node_modules', 'knip', 'bin', 'knip.js');
  // Without configuration hints: the repository's ignore lists name files and workspaces this tree lacks.
  const { code, stdout } = await run(process.execPath, [knip, '--no-progress', '--no-config-hints', '--reporter', 'json'], { cwd: tree }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: unknown) => ({ code: Number((error as { code?: unknown }).code), stdout: String((error as { stdout?: unknown }).stdout) }),
  );
  const report = JSON.parse(stdout) as { issues: Record<string, unknown>[] };
  const findings = report.issues.flatMap((issue) =>
    Object.entries(issue).flatMap(([type, value]) =>
      Array.isArray(value) ? value.map((entry) => ({ file: String(issue['file']), type, name: String((entry as { name?: unknown }).name) })) : [],
    ),
  );
  return { code, findings };
};

describe('knip.jsonc', () => {
  it('passes the clean fixture tree, whose one export used only in its own file is kept', async () => {
    expect(await knipWith()).toEqual({ code: 0, findings: [] });
  });

  it('fails an export nothing imports', async () => {
    expect(await knipWith('unused-export')).toEqual({ code: 1, findings: [{ file: 'packages/domain/src/rules.ts', type: 'exports', name: 'retiredRuleId' }] });
  });

  it('fails a file nothing imports', async () => {
    expect(await knipWith('unused-file')).toEqual({
      code: 1,
      findings: [{ file: 'packages/projections/src/orphan-view.ts', type: 'files', name: 'packages/projections/src/orphan-view.ts' }],
    });
  });

  it('fails a dependency a package declares and never imports', async () => {
    expect(await knipWith('unused-dependency')).toEqual({ code: 1, findings: [{ file: 'packages/projections/package.json', type: 'dependencies', name: 'pg' }] });
  });

  it('fails an import of a package the importing package does not declare', async () => {
    expect(await knipWith('unlisted-dependency')).toEqual({ code: 1, findings: [{ file: 'packages/projections/src/index.ts', type: 'unlisted', name: 'uuid' }] });
  });
});
