import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { SlowestFirstSequencer } from './scripts/vitest-sequencer.js';
import projects from './vitest.workspace.js';

/** vitest 4 no longer reads vitest.workspace.ts by itself: the list lives there and is used here. */
export default defineConfig({
  test: {
    projects,
    // Test files share a worker's loaded modules: the code under test keeps no state between them
    // (no test mocks a module or changes the environment), and loading every package once per
    // worker instead of once per file saves more than half of the suite's time.
    isolate: false,
    // One file per core at a time (without it, files that share their workers run one at a time).
    maxWorkers: availableParallelism(),
    // Vitest runs one project's files before the next one's: its slowest files first, and the
    // projects with the slowest files first, so no slow file is left for the end of the run.
    sequence: { sequencer: SlowestFirstSequencer },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
