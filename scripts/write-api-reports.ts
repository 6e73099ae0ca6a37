/**
 * Writes docs/api/<package>.md for every entry point of every workspace package (`npm run docs:api`):
 * each exported name, its kind and the first line of its doc comment. scripts/api-report.test.ts
 * fails when a committed report differs from what this writes.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiReports } from './api-report.js';
import { repositoryRoot } from './source-scan.js';

const folder = join(repositoryRoot, 'docs', 'api');
mkdirSync(folder, { recursive: true });
const reports = apiReports(repositoryRoot);
for (const [file, { report }] of reports) writeFileSync(join(folder, file), report);
for (const stale of readdirSync(folder).filter((file) => file.endsWith('.md') && !reports.has(file))) rmSync(join(folder, stale));
console.log(`docs/api: ${[...reports.keys()].join(', ')}`);
