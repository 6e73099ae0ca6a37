import type { TestProjectConfiguration } from 'vitest/config';

/**
 * Every project inherits the root config (`extends: true`: timeouts) and resolves workspace
 * packages to their TypeScript sources, so tests need no build.
 */
const sourceConditions = {
  extends: true,
  resolve: { conditions: ['@borough-command/source', 'module', 'node', 'development|production'] },
  ssr: { resolve: { conditions: ['@borough-command/source', 'node', 'development|production'] } },
};

/**
 * The test projects. Packages whose tests need nothing of their own share one project, `library`,
 * so one worker process loads them once (a project's files never share a worker with another
 * project's); run one package's tests by path: `npx vitest run packages/domain`. The others have
 * their own: `eventstoredb-kurrentdb` for its client, `postgres` and `cli` for their setup.
 */
export default [
  {
    ...sourceConditions,
    test: {
      name: 'library',
      root: '.',
      include: [
        'packages/domain/test/**/*.test.ts',
        'packages/testing/test/**/*.test.ts',
        'packages/test-machinery/test/**/*.test.ts',
        'packages/projections/test/**/*.test.ts',
        'packages/eventstoredb/test/**/*.test.ts',
        'examples/**/*.test.ts',
        'bench/test/**/*.test.ts',
        'scripts/*.test.ts',
      ],
      exclude: ['**/node_modules/**'],
    },
  },
  // The same adapter through @kurrent/kurrentdb-client, in processes of its own (never both clients in one process).
  { ...sourceConditions, test: { name: 'eventstoredb-kurrentdb', root: './packages/eventstoredb', include: ['test/conformance.test.ts', 'test/faults.test.ts', 'test/append-methods.test.ts', 'test/end-to-end.test.ts', 'test/clients/**/*.test.ts', 'test/runner-faults.test.ts', 'test/reliability/fault-storm.test.ts', 'test/reliability/many-writers.test.ts', 'test/reliability/faults-during-reads.test.ts'], env: { BOROUGH_COMMAND_EVENTSTORE_CLIENT: '@kurrent/kurrentdb-client' } } },
  // One real PostgreSQL server for the run (or DATABASE_URL's), started before the tests.
  { ...sourceConditions, test: { name: 'postgres', root: './packages/postgres', include: ['test/**/*.test.ts'], globalSetup: ['./test/support/global-setup.ts'] } },
  // The cli tests run the real `borough-command` executable, which runs dist/: built once before them.
  { ...sourceConditions, test: { name: 'cli', root: './packages/cli', include: ['test/**/*.test.ts'], globalSetup: ['./test/support/build.ts'] } },
] satisfies TestProjectConfiguration[];
