import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';

const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/**
 * Runs a TypeScript file of the bench in a fresh Node process (tsx, the source condition, `gc`
 * exposed), with `env` added to this process's environment, and answers the JSON its last line of
 * output holds, or why it failed.
 */
export const runTypeScriptChild = (file: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<E.Either<string, unknown>> =>
  new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--import', tsxLoader, '--conditions=@borough-command/source', file, ...args],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
    );
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (out += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (err += text));
    child.on('error', (cause) => {
      resolve(E.left(`${file}: ${cause.message}`));
    });
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) {
        resolve(E.left(`${file} exited with ${String(code)}: ${err.trim() || last}`));
        return;
      }
      try {
        resolve(E.right(JSON.parse(last) as unknown));
      } catch {
        resolve(E.left(`${file} printed no JSON on its last line: ${last}`));
      }
    });
  });
