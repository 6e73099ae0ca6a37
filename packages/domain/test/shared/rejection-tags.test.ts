import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

interface SourceFile {
  readonly path: string;
  readonly text: string;
}

const sourceRoot = fileURLToPath(new URL('../../src/', import.meta.url));

const sourceFiles = (directory: string): readonly SourceFile[] =>
  readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [{ path: relative(sourceRoot, path), text: readFileSync(path, 'utf8') }] : [];
  });

const matches = (text: string, pattern: RegExp): readonly string[] => [...text.matchAll(pattern)].map((match) => match[1] ?? '');

interface TagPlaces {
  /** The file of each `RuleViolation<'Tag'>`, once per occurrence. */
  readonly declaredIn: readonly string[];
  /** The files that write `_tag: 'Tag'`, in a constructor or a literal. */
  readonly builtIn: readonly string[];
}

/** Each rejection tag (declared as `RuleViolation<'Tag'>`) with where it is declared and where it is built. */
const rejectionTagPlaces = (files: readonly SourceFile[]): ReadonlyMap<string, TagPlaces> => {
  const declared = new Map<string, string[]>();
  for (const file of files) {
    for (const tag of matches(file.text, /RuleViolation<\s*'([A-Za-z0-9]+)'/g)) declared.set(tag, [...(declared.get(tag) ?? []), file.path]);
  }
  return new Map(
    [...declared].map(([tag, declaredIn]) => [
      tag,
      { declaredIn, builtIn: files.filter((file) => new RegExp(`_tag:\\s*'${tag}'`).test(file.text)).map((file) => file.path) },
    ]),
  );
};

/** The tags declared more than once, or built outside the one file that declares them. */
const tagsInSeveralPlaces = (files: readonly SourceFile[]): Readonly<Record<string, TagPlaces>> =>
  Object.fromEntries(
    [...rejectionTagPlaces(files)].filter(
      ([, places]) => places.declaredIn.length > 1 || places.builtIn.some((path) => path !== places.declaredIn[0]),
    ),
  );

describe('rejection tags', () => {
  it('finds a tag declared in two files, and one built as a literal outside the file that declares it', () => {
    const planted: readonly SourceFile[] = [
      { path: 'a.ts', text: "export interface Gone extends RuleViolation<'Gone'> {}\nconst gone = { _tag: 'Gone' };\nexport interface Here extends RuleViolation<'Here'> {}" },
      { path: 'b.ts', text: "export interface Gone extends RuleViolation<'Gone'> {}" },
      { path: 'c.ts', text: "export interface Once extends RuleViolation<'Once'> {}\nconst once = { _tag: 'Once' };" },
      { path: 'd.ts', text: "const here = { _tag: 'Here', rule: 'AP-1' };" },
    ];
    expect(Object.keys(tagsInSeveralPlaces(planted)).sort()).toEqual(['Gone', 'Here']);
  });

  it('declares each rejection tag of the domain in one file, which alone builds it', () => {
    const files = sourceFiles(sourceRoot);
    const tags = [...rejectionTagPlaces(files).keys()];
    expect(tags).toContain('NotALondonBorough');
    expect(tags).toContain('RoleDoesNotFitUnit');
    expect(tagsInSeveralPlaces(files)).toEqual({});
  });
});
