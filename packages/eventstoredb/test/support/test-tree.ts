/** Reading the tests vitest registered in a file, to check what a suite ran. */
import type { RunnerTask, RunnerTestCase, RunnerTestFile } from 'vitest';

/** Every test under the top-level suite of this name in the file (in nested suites too). */
export const testsIn = (file: RunnerTestFile, suiteName: string): readonly RunnerTestCase[] => {
  const collect = (tasks: readonly RunnerTask[]): RunnerTestCase[] =>
    tasks.flatMap((task) => (task.type === 'test' ? [task] : task.type === 'suite' ? collect(task.tasks) : []));
  const suite = file.tasks.find((task) => task.type === 'suite' && task.name === suiteName);
  if (suite?.type !== 'suite') throw new Error(`the file has no suite named '${suiteName}'`);
  return collect(suite.tasks);
};
