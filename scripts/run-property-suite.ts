/**
 * Runs examples/property-suite as a project outside this repository would: a copy of the folder in
 * a temporary directory, its registry dependencies (vitest 4, fast-check, fp-ts) installed by
 * `npm ci` from its own package-lock.json, and the library's packages it uses (domain, projections,
 * testing) installed from the tarballs `npm pack` makes of them, as they would be published; then
 * its own `vitest run`. `npm run example:property-suite`, part of `.ci/run`; exits non-zero when any
 * step fails. Builds the packed packages first (`tsc -b`), as their tarballs carry dist/.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packPackages } from './packed-package.js';
import { repositoryRoot } from './source-scan.js';

/** The workspaces whose tarballs the suite installs: what it imports and what they depend on. */
const PACKED = ['packages/domain', 'packages/projections', 'packages/testing'];
/** What of the example is copied: its manifest, its lock, its code and its tests (not its in-repository tsconfig). */
const COPIED = ['package.json', 'package-lock.json', 'README.md', 'src', 'test'];

const example = join(repositoryRoot, 'examples', 'property-suite');
const run = (command: string, args: readonly string[], cwd: string): void => {
  process.stdout.write(`$ ${[command, ...args].join(' ')}\n`);
  execFileSync(command, args, { cwd, stdio: 'inherit' });
};

const work = mkdtempSync(join(tmpdir(), 'borough-command-property-suite-'));
try {
  run('npx', ['tsc', '-b', ...PACKED], repositoryRoot);
  const packs = join(work, 'packs');
  mkdirSync(packs);
  const tarballs = packPackages(repositoryRoot, packs, PACKED);
  const suite = join(work, 'property-suite');
  for (const entry of COPIED) cpSync(join(example, entry), join(suite, entry), { recursive: true });
  run('npm', ['ci', '--no-audit', '--no-fund'], suite);
  run('npm', ['install', '--no-save', '--no-audit', '--no-fund', ...tarballs.map((packed) => packed.tarball)], suite);
  for (const { name } of tarballs) {
    const installed = join(suite, 'node_modules', name);
    if (lstatSync(installed).isSymbolicLink()) throw new Error(`${name} is a link in the copy's node_modules, not the packed package`);
  }
  const vitest = JSON.parse(readFileSync(join(suite, 'node_modules', 'vitest', 'package.json'), 'utf8')) as { version: string };
  if (!vitest.version.startsWith('4.')) throw new Error(`the copy's lock installed vitest ${vitest.version}, not vitest 4`);
  process.stdout.write(`property suite: vitest ${vitest.version} from its own lock; ${tarballs.map((packed) => packed.name).join(', ')} from their tarballs\n`);
  run('npm', ['test'], suite);
} finally {
  rmSync(work, { recursive: true, force: true });
}
