/**
 * Starts one PostgreSQL server for the whole test run and hands its connection string to every
 * test file (`inject('postgresUrl')`). With `DATABASE_URL` set, that server is used instead and
 * nothing is started. Each file works in schemas of its own (`freshSchema`), so files run in parallel.
 */
import type { TestProject } from 'vitest/node';
import { startPostgresServer } from '@borough-command/postgres/testing';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The connection string of the server the tests use. */
    postgresUrl: string;
  }
}

/** Starts the server (or takes `DATABASE_URL`) and returns the teardown. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env['DATABASE_URL'];
  if (given !== undefined && given !== '') {
    project.provide('postgresUrl', given);
    return () => Promise.resolve();
  }
  const server = await startPostgresServer();
  project.provide('postgresUrl', server.connectionString);
  return () => server.remove();
}
