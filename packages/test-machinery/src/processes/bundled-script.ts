/**
 * A TypeScript script of this repository made runnable by plain `node`: bundled once per process
 * with the workspace sources it imports (by their source condition, as the tests import them) into
 * one JavaScript file, as tsx would transform them one module at a time. A child started from the
 * bundle loads in a fraction of the time tsx takes, which tests that start many children pay.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

/** Where bundles go: under the repository's node_modules, so the packages left outside resolve from there. */
const cacheRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'node_modules', '.cache', 'borough-command-scripts');

/**
 * Left outside the bundle, loaded from node_modules at run time: the EventStoreDB clients (the
 * adapter loads the one it is given by name, so a script and the adapter must share one copy) and
 * pg's optional native binding.
 */
const OUTSIDE = ['@eventstore/db-client', '@kurrent/kurrentdb-client', 'pg-native'];

let folder: string | undefined;
const bundles = new Map<string, string>();

/** The path of `script` (absolute) bundled for `node`, made on the first call in this process. */
export const bundledScript = (script: string): string => {
  const made = bundles.get(script);
  if (made !== undefined) return made;
  if (folder === undefined) {
    const own = join(cacheRoot, String(process.pid));
    mkdirSync(own, { recursive: true });
    process.once('exit', () => {
      rmSync(own, { recursive: true, force: true });
    });
    folder = own;
  }
  const outfile = join(folder, `${String(bundles.size)}-${basename(script).replace(/\.ts$/, '')}.mjs`);
  buildSync({
    entryPoints: [script],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    conditions: ['@borough-command/source'],
    external: OUTSIDE,
    // CommonJS modules in the bundle (fp-ts, io-ts, grpc-js) may require Node's own modules or those outside.
    banner: { js: "import { createRequire as createRequireOfBundle } from 'node:module';\nconst require = createRequireOfBundle(import.meta.url);" },
    logLevel: 'error',
  });
  bundles.set(script, outfile);
  return outfile;
};
