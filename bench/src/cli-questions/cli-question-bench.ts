/**
 * `cli_second_query_ratio`: the wall time of `borough-command accountability <borough> --as-at
 * <date>` on an unchanged journal, the second call over the first (the first replays the journal
 * and writes the views snapshot beside it; the second starts from the snapshot), and
 * `cli_after_append_query_ratio`: the same question after `appended` more events, over the first.
 * Each call runs the executable an auditor runs (`packages/cli/bin/borough-command.js`, which runs
 * the built and bundled `dist/borough-command.mjs`: `npm ci` builds it) in a process of its own, timed from its start to its
 * exit; each run works on a fresh copy of the journal.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import { spreadOf, type Spread } from '../report/spread.js';

const executable = fileURLToPath(new URL('../../../packages/cli/bin/borough-command.js', import.meta.url));
const built = fileURLToPath(new URL('../../../packages/cli/dist/borough-command.mjs', import.meta.url));

/** The figures of the question, over the runs. */
export interface CliQuestionFigures {
  readonly firstSeconds: Spread;
  readonly secondSeconds: Spread;
  readonly afterAppendSeconds: Spread;
  readonly secondRatio: Spread;
  readonly afterAppendRatio: Spread;
}

/** Runs `borough-command <args>` to its exit: the seconds it took, or why it failed. */
const ask = (args: readonly string[]): Promise<E.Either<string, number>> =>
  new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [executable, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (err += text));
    child.on('error', (cause) => {
      resolve(E.left(`borough-command ${args.join(' ')}: ${cause.message}`));
    });
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      resolve(code === 0 ? E.right(seconds) : E.left(`borough-command ${args.join(' ')} exited with ${String(code)}: ${err.trim()}`));
    });
  });

/** Commands opening `count` appointment processes: one event each, appended to the journal. */
const appendCommands = (count: number): string =>
  Array.from({ length: count }, (_, index) =>
    JSON.stringify({
      type: 'OpenAppointmentProcess',
      commandId: `bench-appended-${String(index)}`,
      at: '2030-01-01',
      processId: `bench-appended-${String(index)}`,
      unit: { kind: 'borough', name: 'Islington' },
      role: 'borough-commander',
      areaCommander: 'Bench area commander',
    }),
  ).join('\n');

/** Asks the question three times per run on a copy of `journal`: first, again, and after `appended` more events. */
export const cliQuestionBench = async (journal: string, appended: number, runs: number): Promise<E.Either<string, CliQuestionFigures>> => {
  if (!existsSync(built)) return E.left(`the command line is not built (${built} is missing): run npm run build`);
  const folder = await mkdtemp(join(tmpdir(), 'borough-command-cli-bench-'));
  try {
    const commands = join(folder, 'appended.ndjson');
    await writeFile(commands, `${appendCommands(appended)}\n`);
    const first: number[] = [];
    const second: number[] = [];
    const afterAppend: number[] = [];
    for (let run = 0; run < runs; run++) {
      const copy = join(folder, `journal-${String(run)}.ndjson`);
      await copyFile(journal, copy);
      const question = ['accountability', 'Camden', '--as-at', '2016-12-31', '--journal', copy, '--json'];
      for (const [times, before] of [
        [first, undefined],
        [second, undefined],
        [afterAppend, ['apply', commands, '--journal', copy]],
      ] as const) {
        if (before !== undefined) {
          const applied = await ask(before);
          if (E.isLeft(applied)) return applied;
        }
        const seconds = await ask(question);
        if (E.isLeft(seconds)) return seconds;
        times.push(seconds.right);
      }
      await rm(copy, { force: true });
      await rm(`${copy}.views`, { recursive: true, force: true });
    }
    return E.right({
      firstSeconds: spreadOf(first),
      secondSeconds: spreadOf(second),
      afterAppendSeconds: spreadOf(afterAppend),
      secondRatio: spreadOf(second.map((seconds, run) => seconds / (first[run] as number))),
      afterAppendRatio: spreadOf(afterAppend.map((seconds, run) => seconds / (first[run] as number))),
    });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
};
