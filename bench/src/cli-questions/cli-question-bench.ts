/**
 * `cli_second_query_ratio`: the wall time of `borough-command accountability <borough> --as-at
 * <date>` on an unchanged journal, the second call over the first (the first replays the journal
 * and writes the views snapshot beside it; the second starts from the snapshot), and
 * `cli_after_append_query_ratio`: the same question after `appended` more events, over the first.
 * Each call is a process of its own; each run works on a fresh copy of the journal.
 */
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import { runTypeScriptChild } from '../replay/child-process.js';
import { spreadOf, type Spread } from '../report/spread.js';

const childFile = fileURLToPath(new URL('./question-child.ts', import.meta.url));

/** The figures of the question, over the runs. */
export interface CliQuestionFigures {
  readonly firstSeconds: Spread;
  readonly secondSeconds: Spread;
  readonly afterAppendSeconds: Spread;
  readonly secondRatio: Spread;
  readonly afterAppendRatio: Spread;
}

const ask = async (args: readonly string[]): Promise<E.Either<string, number>> => {
  const ran = await runTypeScriptChild(childFile, args);
  if (E.isLeft(ran)) return ran;
  const answer = ran.right as { readonly code: number; readonly seconds: number };
  return answer.code === 0 ? E.right(answer.seconds) : E.left(`borough-command ${args.join(' ')} exited with ${String(answer.code)}`);
};

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
