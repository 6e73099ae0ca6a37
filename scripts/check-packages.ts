/**
 * Packs every package under packages/ as npm would publish it and checks each tarball with publint
 * and attw (`esm-only` profile). Run after `tsc -b` (the tarballs carry dist/):
 * `tsx scripts/check-packages.ts`, part of `npm run check:boundaries`. Exits 1 on any finding.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packPackages } from './packed-package.js';
import { publintFindings, typesFindings } from './package-checks.js';
import { repositoryRoot } from './source-scan.js';
import { workspacePackages } from './workspace-docs.js';

const destination = mkdtempSync(join(tmpdir(), 'borough-command-packs-'));
let findings = 0;
try {
  const folders = workspacePackages(repositoryRoot).map((pkg) => pkg.folder);
  for (const { name, tarball: path } of packPackages(repositoryRoot, destination, folders)) {
    const tarball = new Uint8Array(readFileSync(path));
    const found = [...(await publintFindings(tarball)), ...(await typesFindings(tarball))];
    findings += found.length;
    process.stdout.write(found.length === 0 ? `${name}: publint and attw find nothing\n` : `${name}:\n${found.map((line) => `  ${line}\n`).join('')}`);
  }
} finally {
  rmSync(destination, { recursive: true, force: true });
}
if (findings > 0) {
  process.stderr.write(`${String(findings)} finding(s) in the packed packages\n`);
  process.exitCode = 1;
}
