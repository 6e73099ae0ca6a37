/**
 * The order test files start in: projects whose slowest file is slowest first, and within a
 * project its slowest files first. Vitest runs one project's files before the next project's (its
 * workers are kept for files of the same project), so a slow file started last holds the whole run
 * up; started first, it runs beside the many short ones.
 */

/** A test file to place: its project, its path from the repository root, and its size in bytes. */
export interface TestFileToOrder {
  readonly project: string;
  readonly path: string;
  readonly size: number;
}

/** What a file is expected to take, in seconds: the last run's time, or the committed estimate, if any. */
export type ExpectedSeconds = (file: TestFileToOrder) => number | undefined;

/** The names of the test projects that vitest.workspace.ts's source declares (`name: '...'`). */
export const projectNamesOf = (workspaceSource: string): Set<string> => new Set([...workspaceSource.matchAll(/name: '([^']+)'/g)].map((match) => match[1] as string));

/** The key of a file in `test-durations.json`: `<project>:<path from the repository root>`. */
export const durationKey = (file: Pick<TestFileToOrder, 'project' | 'path'>): string => `${file.project}:${file.path}`;

/** Slowest expected first; files of no expectation after, larger first, then by path. */
const byExpectedTime = (expected: ExpectedSeconds) => (a: TestFileToOrder, b: TestFileToOrder): number => {
  const timeA = expected(a);
  const timeB = expected(b);
  if (timeA !== undefined || timeB !== undefined) {
    if (timeA === undefined) return 1;
    if (timeB === undefined) return -1;
    if (timeA !== timeB) return timeB - timeA;
  }
  return b.size - a.size || a.path.localeCompare(b.path);
};

/** The files in the order to start them (a new array; the input is left as it is). */
export const orderTestFiles = <F extends TestFileToOrder>(files: readonly F[], expected: ExpectedSeconds): F[] => {
  const compare = byExpectedTime(expected);
  const projects = new Map<string, F[]>();
  for (const file of files) projects.set(file.project, [...(projects.get(file.project) ?? []), file]);
  const ordered = [...projects.values()].map((projectFiles) => [...projectFiles].sort(compare));
  // A project goes by its slowest file: ordered[i][0] after the sort above.
  ordered.sort((a, b) => compare(a[0] as F, b[0] as F) || (a[0] as F).project.localeCompare((b[0] as F).project));
  return ordered.flat();
};
