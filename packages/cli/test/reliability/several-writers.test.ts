/**
 * Several processes on one journal: `borough-command apply` started four times at once on the
 * same new journal. The journal has one writer: each other process is refused with the journal
 * lock's error (exit 2) naming one of its siblings as the holder, or, started after the holder
 * closed, finds the work done so far and goes on. Whatever the interleaving, no event is there twice,
 * every command a process reported as acknowledged is there exactly once, and the journal verifies.
 */
import { spawn } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { journalLines, temporaryFolder } from '../support/files.js';
import { BIN, ROOT } from '../support/paths.js';
import { writeLondonCommands } from './support/london-commands.js';
import { eventIdsByCommand, progressOf } from './support/progress-lines.js';

const PROCESSES = 4;
const ROUNDS = 2;

let folder: { readonly path: string; readonly remove: () => Promise<void> };
let commands: string;
let commandCount: number;

beforeAll(async () => {
  folder = await temporaryFolder();
  commands = join(folder.path, 'london-commands.ndjson');
  commandCount = (await writeLondonCommands(commands)).size;
});
afterAll(async () => {
  await folder.remove();
});

interface Finished {
  readonly pid: number;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts `apply --progress` on the journal; resolves once it has exited. */
const startApply = (journal: string): Promise<Finished> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'apply', commands, '--journal', journal, '--policy', 'record', '--progress'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ pid: child.pid ?? 0, code, stdout, stderr });
    });
  });

describe('several processes on one journal', () => {
  it('apply started four times at once on one journal: one writer at a time, the others refused with JournalLocked naming it, nothing doubled', async () => {
    let refused = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const journal = join(folder.path, `journal-${String(round)}.ndjson`);
      const runs = await Promise.all(Array.from({ length: PROCESSES }, () => startApply(journal)));
      const pids = runs.map((run) => run.pid);
      for (const run of runs) {
        if (run.code === 0) continue;
        expect(run.code, run.stderr).toBe(2);
        // the lock's error: the journal, the holder (another of the four) and the rule of one writer
        const holder = /journal .+ is already open for writing by process (\d+) on (.+); only one writer at a time/.exec(run.stderr);
        expect(holder, run.stderr).not.toBeNull();
        expect(pids.filter((pid) => pid !== run.pid)).toContain(Number(holder?.[1]));
        expect(holder?.[2]).toBe(hostname());
        expect(progressOf(run.stdout)).toEqual([]);
        refused += 1;
      }
      expect(runs.some((run) => run.code === 0)).toBe(true);
      // every acknowledged command is in the journal exactly once, and no event twice
      const lines = await journalLines(journal);
      const byCommand = eventIdsByCommand(lines);
      const ids = lines.map((line) => (JSON.parse(line) as { metadata: { eventId: string } }).metadata.eventId);
      expect(new Set(ids).size).toBe(ids.length);
      for (const run of runs) {
        for (const line of progressOf(run.stdout)) {
          for (const handled of [line, ...line.reactions]) expect(byCommand.get(handled.commandId) ?? [], handled.commandId).toEqual(handled.eventIds);
        }
      }
      const verified = await runCli(['verify', journal]);
      expect(verified.code, verified.stdout).toBe(0);
      // a last run finds every command applied
      const again = await runCli(['apply', commands, '--journal', journal, '--policy', 'record']);
      expect(again.code, again.stderr).toBe(0);
      const count = commandCount.toLocaleString('en-GB');
      expect(again.stdout).toContain(`0 applied, ${count} already in the store, of ${count}`);
    }
    console.log(`several writers: ${String(ROUNDS)} rounds of ${String(PROCESSES)} apply processes at once on one journal, ${String(refused)} refused with JournalLocked`);
  });
});
