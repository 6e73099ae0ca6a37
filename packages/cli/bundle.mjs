/**
 * Bundles the built command line, `dist/main.js` and everything it imports (the workspace
 * packages, fp-ts, io-ts, uuid, @opentelemetry/api), into one file, `dist/borough-command.mjs`, the
 * file `borough-command` runs: Node.js loads one file much faster than the hundreds of modules
 * behind it. The EventStoreDB clients and pg stay outside, loaded from node_modules when a command
 * uses them. Run after `tsc -b packages/cli` (the root `prepare` and `build` scripts do both).
 */
import { join } from 'node:path';
import { build } from 'esbuild';

const here = (path) => join(import.meta.dirname, path);

await build({
  entryPoints: [here('./dist/main.js')],
  outfile: here('./dist/borough-command.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  // Loaded by name at run time (the adapter takes the client the service names) or left to their packages.
  external: ['@eventstore/db-client', '@kurrent/kurrentdb-client', 'pg', 'pg-native'],
  // CommonJS modules inside the bundle (fp-ts, io-ts) may require the packages left outside.
  banner: { js: "import { createRequire as createRequireOfBundle } from 'node:module';\nconst require = createRequireOfBundle(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
