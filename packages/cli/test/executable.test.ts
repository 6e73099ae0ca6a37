/**
 * The real executable (`node bin/borough-command.js`, as `npm ci` links it) answers as the
 * command line run in the test process does: the same exit code, standard output and standard
 * error for a success, a finding, a rule's rejection and bad usage. Most cli tests run the command
 * line in the test process (`runCli`); this file holds them to the executable, and what only a
 * process shows: the exit code it leaves and a reader that stops early.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { camdenJournal } from './support/camden-journal.js';
import { runCli, runExecutable, STACK_LINE } from './support/cli.js';
import { BIN, CAMDEN_STORY, ROOT } from './support/paths.js';

const camden = camdenJournal();

describe('the borough-command executable', () => {
  it('gives the same exit code, stdout and stderr as the command line run in the test process', async () => {
    const cases: readonly (readonly [readonly string[], number])[] = [
      [['--version'], 0],
      [['continuity', '--journal', camden.journal()], 0],
      [['accountability', 'Camden', '--as-at', '2016-12-31', '--journal', camden.journal(), '--json'], 0],
      [['apply', CAMDEN_STORY, '--journal', join(camden.folder(), 'enforced.ndjson')], 1],
      [['frobnicate'], 2],
      [['tenure', 'Camden', '--journal', 'no-such-journal.ndjson'], 2],
    ];
    for (const [args, code] of cases) {
      const executable = await runExecutable(args);
      const inProcess = await runCli(args.map((arg) => arg.replace('enforced', 'enforced-again')));
      expect(executable.code, args.join(' ')).toBe(code);
      expect(executable.stderr, args.join(' ')).not.toMatch(STACK_LINE);
      expect({ ...inProcess, stdout: inProcess.stdout.replaceAll('enforced-again', 'enforced'), stderr: inProcess.stderr.replaceAll('enforced-again', 'enforced') }).toEqual(executable);
    }
  });

  it('stops quietly when its reader stops early (`| head`): exit 0, nothing on stderr', async () => {
    const child = spawn(process.execPath, [BIN, 'continuity', '--journal', camden.journal()], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    // The reading end is closed before the executable writes a line: its first write meets a closed pipe.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
