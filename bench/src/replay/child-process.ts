import { spawn } from 'node:child_process';
import * as E from 'fp-ts/lib/Either.js';
import { bundledScript } from '@borough-command/test-machinery';

/**
 * Runs a TypeScript file of the bench in a fresh Node process (`gc` exposed), with `env` added to
 * this process's environment, and answers the JSON its last line of output holds, or why it
 * failed. The file runs from one bundle of it and the sources it imports (`bundledScript`, made
 * once per bench run), as the `borough-command` executable runs: a child measures the work, not
 * a loader transforming modules as it starts (which also took 50 MiB of its peak RSS).
 */
export const runTypeScriptChild = (file: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<E.Either<string, unknown>> =>
  new Promise((resolve) => {
    let bundle: string;
    try {
      bundle = bundledScript(file);
    } catch (cause) {
      resolve(E.left(`${file} cannot be bundled: ${cause instanceof Error ? cause.message : String(cause)}`));
      return;
    }
    const child = spawn(process.execPath, ['--expose-gc', bundle, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
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
