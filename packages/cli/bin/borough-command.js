#!/usr/bin/env node
// borough-command: runs the built command line, bundled into dist/borough-command.mjs, which `npm ci` builds through the root `prepare` script.
import process from 'node:process';

const quietPipe = (stream) =>
  stream.on('error', (error) => {
    // A reader that stops early (`| head`) closes the pipe: the output is no longer wanted.
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
quietPipe(process.stdout);
quietPipe(process.stderr);

let main;
try {
  ({ main } = await import('../dist/borough-command.mjs'));
} catch (error) {
  if (error.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('borough-command.mjs')) throw error;
  process.stderr.write('borough-command is not built yet: run `npm run build` (or `npm ci`) at the root of the workspace.\n');
  process.exit(2);
}
process.exitCode = await main(process.argv.slice(2));
