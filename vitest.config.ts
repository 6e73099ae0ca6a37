import { defineConfig } from 'vitest/config';
import projects from './vitest.workspace.js';

/** vitest 4 no longer reads vitest.workspace.ts by itself: the list lives there and is used here. */
export default defineConfig({
  test: {
    projects,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
