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

/** One test project per package: `npx vitest run --project <name>` runs one. */
export default [
  { ...sourceConditions, test: { name: 'domain', root: './packages/domain', include: ['test/**/*.test.ts'] } },
  { ...sourceConditions, test: { name: 'testing', root: './packages/testing', include: ['test/**/*.test.ts'] } },
  { ...sourceConditions, test: { name: 'test-machinery', root: './packages/test-machinery', include: ['test/**/*.test.ts'] } },
  { ...sourceConditions, test: { name: 'projections', root: './packages/projections', include: ['test/**/*.test.ts'] } },
  { ...sourceConditions, test: { name: 'eventstoredb', root: './packages/eventstoredb', include: ['test/**/*.test.ts'] } },
  // The same adapter through @kurrent/kurrentdb-client, in processes of its own (never both clients in one process).
  { ...sourceConditions, test: { name: 'eventstoredb-kurrentdb', root: './packages/eventstoredb', include: ['test/conformance.test.ts', 'test/faults.test.ts', 'test/append-methods.test.ts', 'test/end-to-end.test.ts', 'test/clients/**/*.test.ts', 'test/runner-faults.test.ts', 'test/reliability/fault-storm.test.ts', 'test/reliability/many-writers.test.ts', 'test/reliability/faults-during-reads.test.ts'], env: { BOROUGH_COMMAND_EVENTSTORE_CLIENT: '@kurrent/kurrentdb-client' } } },
  // One real PostgreSQL server for the run (or DATABASE_URL's), started before the tests.
  { ...sourceConditions, test: { name: 'postgres', root: './packages/postgres', include: ['test/**/*.test.ts'], globalSetup: ['./test/support/global-setup.ts'] } },
  // The cli tests run the real `borough-command` executable, which runs dist/: built once before them.
  { ...sourceConditions, test: { name: 'cli', root: './packages/cli', include: ['test/**/*.test.ts'], globalSetup: ['./test/support/build.ts'] } },
  { ...sourceConditions, test: { name: 'scripts', root: './scripts', include: ['*.test.ts'] } },
  { ...sourceConditions, test: { name: 'examples', root: './examples', include: ['**/*.test.ts'], exclude: ['**/node_modules/**', 'property-suite/**'] } },
  { ...sourceConditions, test: { name: 'property-suite', root: './examples/property-suite', include: ['test/**/*.test.ts'] } },
  { ...sourceConditions, test: { name: 'bench', root: './bench', include: ['test/**/*.test.ts'] } },
] satisfies TestProjectConfiguration[];
