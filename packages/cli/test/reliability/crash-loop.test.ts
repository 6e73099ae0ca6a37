/**
 * The crash loop: the real command line, `borough-command apply <commands> --journal <file>
 * --progress`, runs London's history 2009-2019 (the demo's commands) in a child process and is killed
 * with SIGKILL at a random moment, again and again. After each kill:
 *
 * - `verify --json` finds no bad line (`problem: null`); the journal is intact (`ok`), or it ends
 *   with a torn tail: an append the kill cut short, reported with its first line and size, never
 *   part of the history. The next writer (the next `apply`) saves those bytes to
 *   `<file>.torn-line-<n>-<time>` and cuts them off; until one has, `verify` reports the same tail.
 * - Every command the killed process had reported as acknowledged (`--progress`) is in the
 *   journal, its events exactly once; no event is there twice; every stream holds the first events
 *   of the same stream of an uninterrupted run, at revisions 0, 1, 2, ...
 *
 * Re-running `apply` on the same file finishes the work: once a run gets to the end, its journal
 * holds the uninterrupted run's events, exactly, and a new journal is started. A SIGKILL seldom lands
 * inside a write, so every third kill also leaves what a kill inside a one-line append leaves: a
 * partial last line. The number of kills is `BOROUGH_COMMAND_CRASH_KILLS` (`npm run crash-loop`: 100).
 */
import { spawn } from 'node:child_process';
import { appendFile, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { temporaryFolder } from '../support/files.js';
import { BIN, ROOT } from '../support/paths.js';
import { writeLondonCommands } from './support/london-commands.js';
import { compareWithReference, eventIdsByStream, journalEntries, type JournalEntry } from './support/journal-ledger.js';
import { progressOf, type ProgressCommand } from './support/progress-lines.js';

/** Kills of the loop; `npm run crash-loop` sets 100. */
const KILLS = Number(process.env['BOROUGH_COMMAND_CRASH_KILLS'] ?? '16');

let folder: { readonly path: string; readonly remove: () => Promise<void> };
let commands: string;
let commandIds: ReadonlySet<string>;

beforeAll(async () => {
  folder = await temporaryFolder();
  commands = join(folder.path, 'london-commands.ndjson');
  commandIds = await writeLondonCommands(commands);
});
afterAll(async () => {
  await folder.remove();
});

/** What `verify --json` answers. */
interface Verified {
  readonly ok: boolean;
  readonly lines: number | null;
  readonly tornTail: { readonly line: number; readonly bytes: number; readonly batchLines: number; readonly partialBytes: number } | null;
  readonly problem: { readonly line: number | null; readonly reason: string } | null;
}

/** A torn tail left in the journal and not cut off yet: where it starts and its bytes. */
interface PendingTail {
  readonly line: number;
  readonly bytes: Buffer;
}

const applyArgs = (journal: string): string[] => [BIN, 'apply', commands, '--journal', journal, '--policy', 'record', '--progress'];

/** Runs `apply` and kills it after `killAfterMs` unless it ends first. */
const applyKilledAfter = (
  journal: string,
  killAfterMs: number,
): Promise<{ readonly code: number | null; readonly signal: NodeJS.Signals | null; readonly stdout: string; readonly stderr: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, applyArgs(journal), { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });

const verify = async (journal: string): Promise<Verified> => {
  const run = await runCli(['verify', journal, '--json']);
  expect(run.code, run.stderr).toBeLessThan(2);
  return JSON.parse(run.stdout) as Verified;
};

/** The bytes of the torn-tail files saved beside a journal. */
const savedTails = async (journal: string): Promise<readonly Buffer[]> => {
  const directory = join(journal, '..');
  const prefix = `${journal.slice(directory.length + 1)}.torn-line-`;
  const names = (await readdir(directory)).filter((name) => name.startsWith(prefix));
  return Promise.all(names.map((name) => readFile(join(directory, name))));
};

describe('crash loop', () => {
  it(
    'crash loop: apply killed with SIGKILL at random moments loses no acknowledged command and doubles no event; verify passes after each kill, torn tails reported then recovered',
    async () => {
      expect(Number.isInteger(KILLS) && KILLS > 0).toBe(true);
      // The uninterrupted run: the events every journal must grow into.
      const reference = join(folder.path, 'reference.ndjson');
      const startedAt = Date.now();
      const uninterrupted = await runCli(applyArgs(reference).slice(1));
      const runMs = Date.now() - startedAt;
      expect(uninterrupted.code, uninterrupted.stderr).toBe(0);
      // the start-up of a run that has nothing to do, so kills land in the work that is left
      const idleStart = Date.now();
      expect((await runCli(['apply', '/dev/null', '--journal', join(folder.path, 'idle.ndjson')])).code).toBe(0);
      const startMs = Math.min(Date.now() - idleStart, runMs);
      const total = commandIds.size;
      const referenceEntries = await journalEntries(reference);
      const expected = eventIdsByStream(referenceEntries);

      const figures = { kills: 0, killedMidRun: 0, runsFinished: 0, tornTailsFromKills: 0, tornTailsLeft: 0, tornTailsRecovered: 0, commandsAcknowledged: 0, commandChecks: 0, eventsChecked: 0, lost: 0, doubled: 0 };
      let cycle = 0;
      let journal = join(folder.path, `journal-${String(cycle)}.ndjson`);
      /** Every command reported as acknowledged on this journal, reactions included, with its events. */
      let acknowledged = new Map<string, readonly string[]>();
      let pending: PendingTail | undefined;

      for (let kill = 0; kill < KILLS; kill++) {
        const left = 1 - [...acknowledged.keys()].filter((id) => commandIds.has(id)).length / total;
        const killAfterMs = Math.floor(Math.random() * (startMs + (runMs - startMs) * Math.max(left, 0.3)));
        const where = `kill ${String(kill)} after ${String(killAfterMs)} ms (journal ${String(cycle)})`;
        const run = await applyKilledAfter(journal, killAfterMs);
        figures.kills += 1;
        const finished = run.code === 0;
        expect(finished || run.signal === 'SIGKILL', `${where}: ${run.stderr}`).toBe(true);
        if (!finished) figures.killedMidRun += 1;
        for (const line of progressOf(run.stdout)) {
          for (const handled of [line, ...line.reactions] as ProgressCommand[]) {
            // a command found already applied reports the events it wrote before, the same ones
            const before = acknowledged.get(handled.commandId);
            if (before !== undefined) expect(handled.eventIds, where).toEqual(before);
            acknowledged.set(handled.commandId, handled.eventIds);
          }
        }
        const recoveredMessage = /recovered: the journal ended with a torn tail \((\d+) bytes from line (\d+)/.exec(run.stderr);
        if (recoveredMessage !== null) {
          expect(pending, `${where}: recovered a torn tail nobody left`).toBeDefined();
          expect([Number(recoveredMessage[1]), Number(recoveredMessage[2])], where).toEqual([pending?.bytes.length, pending?.line]);
        }

        // verify: no bad line; the journal is intact, or ends with a torn tail
        const raw = await readFile(journal).catch(() => Buffer.alloc(0));
        const verified = raw.length === 0 ? undefined : await verify(journal);
        expect(verified?.problem ?? null, where).toBeNull();
        const torn = verified?.tornTail ?? null;
        const tornBytes = torn === null ? undefined : raw.subarray(raw.length - torn.bytes);
        if (pending !== undefined && !(torn?.line === pending.line && tornBytes?.equals(pending.bytes) === true)) {
          // a writer cut the pending tail off, after saving its bytes beside the journal
          expect((await savedTails(journal)).some((bytes) => bytes.equals(pending!.bytes)), `${where}: the torn bytes were saved`).toBe(true);
          figures.tornTailsRecovered += 1;
          pending = undefined;
        }
        if (torn !== null && tornBytes !== undefined && pending === undefined) {
          // a torn tail this kill left: a writer was killed inside an append
          figures.tornTailsFromKills += 1;
          pending = { line: torn.line, bytes: tornBytes };
        }
        expect(verified === undefined || verified.ok === (torn === null), where).toBe(true);

        // every acknowledged command's events exactly once; every stream a prefix of the uninterrupted run's
        const entries: readonly JournalEntry[] = verified === undefined ? [] : await journalEntries(journal, verified.lines ?? 0);
        const byCommand = new Map<string, string[]>();
        for (const entry of entries) byCommand.set(entry.commandId, [...(byCommand.get(entry.commandId) ?? []), entry.eventId]);
        for (const [commandId, eventIds] of acknowledged) {
          const found = byCommand.get(commandId) ?? [];
          figures.lost += eventIds.filter((id) => !found.includes(id)).length;
          figures.doubled += found.length - new Set(found).size;
          expect(found, `${where}: ${commandId}`).toEqual(eventIds);
        }
        const comparison = compareWithReference(entries, expected);
        figures.doubled += comparison.doubled.length;
        expect(comparison, where).toEqual({ doubled: [], gaps: [], diverging: [] });
        figures.commandChecks += acknowledged.size;
        figures.eventsChecked += entries.length;

        if (finished) {
          // the work is done: exactly the uninterrupted run's events; start again on a new journal
          expect(entries.map((entry) => entry.eventId), where).toEqual(referenceEntries.map((entry) => entry.eventId));
          figures.runsFinished += 1;
          figures.commandsAcknowledged += acknowledged.size;
          cycle += 1;
          journal = join(folder.path, `journal-${String(cycle)}.ndjson`);
          acknowledged = new Map();
          pending = undefined;
        } else if (kill % 3 === 2 && pending === undefined && entries.length > 0) {
          // what a kill inside a one-line append leaves: the start of a line, without its newline
          const lines = raw.toString('utf8').split('\n');
          const last = Buffer.from(lines[lines.length - 2] ?? '', 'utf8');
          const partial = last.subarray(0, 1 + Math.floor(Math.random() * (last.length - 1)));
          await appendFile(journal, partial);
          pending = { line: entries.length + 1, bytes: partial };
          figures.tornTailsLeft += 1;
        }
        await sleep(0);
      }

      // a last run finishes the work on the current journal, without doubling anything
      const last = await runCli(applyArgs(journal).slice(1));
      expect(last.code, last.stderr).toBe(0);
      if (pending !== undefined) {
        expect((await savedTails(journal)).some((bytes) => bytes.equals(pending.bytes)), 'the last torn bytes were saved').toBe(true);
        figures.tornTailsRecovered += 1;
      }
      const finalVerified = await verify(journal);
      expect(finalVerified).toMatchObject({ ok: true, problem: null, tornTail: null });
      const finalEntries = await journalEntries(journal);
      expect(finalEntries.map((entry) => entry.eventId)).toEqual(referenceEntries.map((entry) => entry.eventId));
      figures.commandsAcknowledged += acknowledged.size;
      for (const line of progressOf(last.stdout)) {
        for (const handled of [line, ...line.reactions]) {
          const before = acknowledged.get(handled.commandId);
          if (before !== undefined) expect(handled.status === 'already-applied' && handled.eventIds.join() === before.join()).toBe(true);
        }
      }

      console.log(
        `crash loop: ${String(figures.kills)} kills (${String(figures.killedMidRun)} mid-run, ${String(figures.runsFinished)} runs reached the end first), ` +
          `${String(figures.tornTailsFromKills)} torn tails from kills, ${String(figures.tornTailsLeft)} left as a kill inside a write would, ${String(figures.tornTailsRecovered)} recovered by the next writer, ` +
          `${String(figures.commandsAcknowledged)} commands reported acknowledged by killed runs (reactions included), checked after every kill (${String(figures.commandChecks)} checks), ` +
          `${String(figures.eventsChecked)} journal events checked, lost ${String(figures.lost)}, doubled ${String(figures.doubled)}; ` +
          `an uninterrupted run took ${String(runMs)} ms`,
      );
      expect(figures.lost).toBe(0);
      expect(figures.doubled).toBe(0);
      expect(figures.killedMidRun).toBeGreaterThan(0);
    },
    120_000 + KILLS * 6_000,
  );
});
