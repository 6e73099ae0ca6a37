import { describe, expect, it } from 'vitest';
import { durationKey, orderTestFiles, projectNamesOf, type TestFileToOrder } from './test-order.js';
import durations from './test-durations.json' with { type: 'json' };

const file = (project: string, path: string, size = 100): TestFileToOrder => ({ project, path, size });
const seconds = (table: Readonly<Record<string, number>>) => (f: TestFileToOrder) => table[durationKey(f)];

describe('the order test files start in', () => {
  it('starts the project with the slowest file first, and its files slowest first; a project stays together', () => {
    const files = [file('a', 'a/one.test.ts'), file('a', 'a/two.test.ts'), file('b', 'b/one.test.ts'), file('b', 'b/two.test.ts')];
    const order = orderTestFiles(files, seconds({ 'a:a/one.test.ts': 3, 'a:a/two.test.ts': 5, 'b:b/one.test.ts': 1, 'b:b/two.test.ts': 20 }));
    expect(order.map(durationKey)).toEqual(['b:b/two.test.ts', 'b:b/one.test.ts', 'a:a/two.test.ts', 'a:a/one.test.ts']);
  });

  it('puts files of no expected time after those with one, larger first', () => {
    const files = [file('a', 'a/small.test.ts', 10), file('a', 'a/large.test.ts', 900), file('a', 'a/known.test.ts', 1)];
    const order = orderTestFiles(files, seconds({ 'a:a/known.test.ts': 0.5 }));
    expect(order.map((f) => f.path)).toEqual(['a/known.test.ts', 'a/large.test.ts', 'a/small.test.ts']);
  });

  it('leaves its input as it was', () => {
    const files = [file('a', 'a/one.test.ts'), file('b', 'b/one.test.ts')];
    orderTestFiles(files, seconds({ 'b:b/one.test.ts': 9 }));
    expect(files.map((f) => f.project)).toEqual(['a', 'b']);
  });

  it('test-durations.json names files that exist, by project and path, with a time in seconds', async () => {
    const { existsSync, readFileSync } = await import('node:fs');
    const workspace = readFileSync(new URL('../vitest.workspace.ts', import.meta.url), 'utf8');
    const names = projectNamesOf(workspace);
    expect([...names].sort()).toEqual(['cli', 'eventstoredb-kurrentdb', 'library', 'postgres']);
    for (const [key, value] of Object.entries(durations)) {
      const [project, path] = key.split(/:(.*)/s) as [string, string];
      expect(names.has(project), key).toBe(true);
      expect(existsSync(new URL(`../${path}`, import.meta.url)), key).toBe(true);
      expect(value).toBeGreaterThan(0);
    }
  });
});
