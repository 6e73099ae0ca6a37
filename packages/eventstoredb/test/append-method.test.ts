/**
 * Why the adapter appends with `Streams.Append` by default. `@eventstore/db-client` 6.2.1 keeps
 * the pending batch appends of every client in one table: a connection dropped by one node
 * rejects the appends held by another, healthy node, and that node's answer then ends the process
 * with a `TypeError`. Each case runs in a child process (`fixtures/drop-beside-pending-append.ts`):
 * two nodes, two stores, node A drops its connections while node B holds an append.
 */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledScript } from '@borough-command/test-machinery';
import { describe, expect, it } from 'vitest';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

interface Outcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the fixture with the append method given and tells how it ended. */
const dropBesidePendingAppend = (method: string): Promise<Outcome> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      [bundledScript(join(packageRoot, 'test', 'fixtures', 'drop-beside-pending-append.ts')), method],
      { cwd: packageRoot, timeout: 50_000 },
      (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr });
      },
    );
  });

describe('the append method', () => {
  it('eventstoredb: by default (Streams.Append) a connection dropped by one node leaves an append held by another node alone, and the process lives on', async () => {
    const outcome = await dropBesidePendingAppend('append');
    expect(outcome.stderr).not.toContain('TypeError');
    expect(outcome.code).toBe(0);
    expect(JSON.parse(outcome.stdout.trim())).toEqual({ ok: true });
  });

  it("eventstoredb: with batch-append, the client's shared table of pending batch appends fails the other node's append and then ends the process", async () => {
    const outcome = await dropBesidePendingAppend('batch-append');
    // node B was never at fault, yet its append was refused as unavailable
    expect(outcome.stdout).toContain('{"ok":false,"tag":"StoreUnavailable"}');
    // and its answer, arriving after, is the client's TypeError, which ends the process
    expect(outcome.stderr).toContain('TypeError: undefined is not iterable');
    expect(outcome.code).not.toBe(0);
  });
});
