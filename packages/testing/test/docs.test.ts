import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const source = join(import.meta.dirname, '..', 'src');
const machinery = join(import.meta.dirname, '..', '..', 'test-machinery');
const page = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'testing.md'), 'utf8');

/** Every name a module exports, following `export *` and `export { ... } from` to the modules they name. */
const exportedNames = (file: string): readonly string[] => {
  const text = readFileSync(file, 'utf8');
  const local = (specifier: string): string => join(dirname(file), specifier.replace(/\.js$/, '.ts'));
  return [
    ...[...text.matchAll(/^export \* from '([^']+)';/gm)].flatMap((match) => exportedNames(local(match[1] ?? ''))),
    ...[...text.matchAll(/^export (?:type )?\{([^}]*)\} from '[^']+';/gm)].flatMap((match) =>
      (match[1] ?? '')
        .split(',')
        .map((name) => name.replace(/^\s*type\s+/, '').trim().split(/\s+as\s+/).at(-1) ?? '')
        .filter((name) => name !== ''),
    ),
    ...[...text.matchAll(/^export (?:const|let|function|class|interface|type|enum) ([A-Za-z0-9_$]+)/gm)].map((match) => match[1] ?? ''),
  ];
};

const normalise = (text: string): string =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');

describe('docs/testing.md', () => {
  it('names every export of @borough-command/testing, of its /vitest and /arbitraries entry points, and of the machinery', () => {
    const entries = [join(source, 'index.ts'), join(source, 'vitest.ts'), join(source, 'arbitraries', 'index.ts'), join(machinery, 'src', 'index.ts')];
    const names = [...new Set(entries.flatMap(exportedNames))];
    expect(names.length).toBeGreaterThan(150);
    const words = new Set(page.match(/[A-Za-z0-9_$]+/g) ?? []);
    expect(names.filter((name) => !words.has(name))).toEqual([]);
  });

  it("every TypeScript block of the page is in the kit's or the machinery's docs-examples.test.ts, which compile and run it", () => {
    const examples = [join(import.meta.dirname, 'docs-examples.test.ts'), join(machinery, 'test', 'docs-examples.test.ts')].map((file) => normalise(readFileSync(file, 'utf8')));
    const blocks = [...page.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => normalise(match[1] ?? ''));
    expect(blocks.length).toBeGreaterThan(8);
    expect(blocks.filter((block) => !examples.some((file) => file.includes(block)))).toEqual([]);
  });
});
