import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('examples/kernel-quickstart.ts', () => {
  it('runs: a command is written, its retry writes nothing, a closed board refuses, the journal reopens with its lines', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--conditions=@borough-command/source', join(import.meta.dirname, 'kernel-quickstart.ts')], {
      cwd: join(import.meta.dirname, '..'),
    });
    expect(stdout).toContain('post a notice: 1 event written');
    expect(stdout).toContain('retry the same command: already applied: true');
    expect(stdout).toContain('post on a closed board: rejected: the board is closed');
    expect(stdout).toMatch(/reopened .*journal\.ndjson: 2 lines, chain head [0-9a-f]{12}…/);
  });
});
