/**
 * Writes scripts/test-durations.json from vitest's record of the last run of each file
 * (node_modules/.vite/vitest/<hash>/results.json): the files that took a second or more, in
 * seconds, of those that still exist, in projects vitest.workspace.ts still has. The sequencer (vitest.sequencer.ts) starts them first on a clone that has no record yet.
 * Run after a whole `npm test`: `npm run test:durations`.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectNamesOf } from './test-order.js';

const cacheRoot = new URL('../node_modules/.vite/vitest/', import.meta.url);
const folders = readdirSync(cacheRoot);
if (folders.length !== 1) throw new Error(`expected one vitest cache folder in ${cacheRoot.pathname}, found ${String(folders.length)}`);
const recorded = JSON.parse(readFileSync(join(cacheRoot.pathname, folders[0] as string, 'results.json'), 'utf8')) as {
  readonly results: readonly (readonly [string, { readonly duration: number }])[];
};
const projectNames = projectNamesOf(readFileSync(new URL('../vitest.workspace.ts', import.meta.url), 'utf8'));
const slow = recorded.results
  .filter(([key, result]) => result.duration >= 1000 && projectNames.has(key.slice(0, key.indexOf(':'))) && existsSync(new URL(`../${key.slice(key.indexOf(':') + 1)}`, import.meta.url)))
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([key, result]) => [key, Math.round(result.duration / 100) / 10] as const);
const target = new URL('test-durations.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(Object.fromEntries(slow), null, 2)}\n`);
console.log(`${target.pathname}: ${String(slow.length)} files of a second or more`);
