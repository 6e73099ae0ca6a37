import { mkdir, rm } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { isoDate, type IsoDate } from '@borough-command/domain';
import type { Accountability } from '@borough-command/projections';
import { EXIT_OK, exitCodeOf, type ExitCode } from '../cli/failure.js';
import type { Io } from '../cli/io.js';
import { replayViews } from '../cli/replay-views.js';
import { counted, formatCount } from '../cli/table.js';
import { writeReport } from '../commands/report.js';
import { main } from '../main.js';
import { continuityText } from '../render/continuity-text.js';
import { accountabilityTable } from './accountability-table.js';
import { showcaseQuestions } from './showcase-dates.js';

/** The folder `npm start` writes to when `BOROUGH_COMMAND_OUT` does not name one. */
export const DEFAULT_OUT = 'out';
/** The journal `npm start` writes. */
export const SHOWCASE_JOURNAL = 'london-2009-2019.ndjson';
/** The report `npm start` writes. */
export const SHOWCASE_REPORT = 'london-report.html';
/** The date the report gives accountability for: the last day of the history. */
const REPORT_AS_AT: IsoDate = isoDate('2019-12-31');

/** A path as the user may type it: relative to the working folder when inside it. */
const shown = (path: string): string => {
  const inside = relative(process.cwd(), path);
  return inside === '' || inside.startsWith('..') || isAbsolute(inside) ? path : inside;
};

const fail = (io: Io, message: string, code: ExitCode): ExitCode => {
  io.err(io.errStyle.red(`npm start: ${message}`));
  return code;
};

/**
 * What `npm start` does: writes London's history 2009-2019 into a fresh journal (replacing an
 * earlier one), prints London's continuity figures (TE-2) and accountability (AC-1) for a few
 * boroughs the day before and the day their BCU went live, writes the HTML report, and says where
 * both files are. The folder is `BOROUGH_COMMAND_OUT`, else `out`.
 */
export const londonShowcase = async (io: Io): Promise<ExitCode> => {
  const started = io.now().getTime();
  const folder = resolve(io.env['BOROUGH_COMMAND_OUT'] ?? DEFAULT_OUT);
  const journal = join(folder, SHOWCASE_JOURNAL);
  const report = join(folder, SHOWCASE_REPORT);
  await mkdir(folder, { recursive: true });
  await rm(journal, { force: true });

  const written = await main(['demo', '--journal', shown(journal)], io);
  if (written !== EXIT_OK) return fail(io, 'the demo history could not be written', written);
  io.out('');

  const replayed = await replayViews({ kind: 'journal', file: journal }, io, { explain: false, progress: true, cache: false });
  if (E.isLeft(replayed)) return fail(io, replayed.left.message, exitCodeOf(replayed.left));
  const { views } = replayed.right;
  for (const line of continuityText(views.continuity.londonWide(), io.style, undefined)) io.out(line);
  io.out('');

  const answers: Accountability[] = [];
  for (const question of showcaseQuestions()) {
    for (const date of [question.before, question.after]) {
      const answer = views.accountability.accountabilityOn(question.borough, date);
      if (E.isRight(answer)) answers.push(answer.right);
    }
  }
  io.out(io.style.bold('Accountability the day before and the day each BCU went live (AC-1)'));
  for (const line of accountabilityTable(answers, io.style)) io.out(line);
  io.out('');

  const reported = await writeReport(
    views,
    {
      out: report,
      asAt: REPORT_AS_AT,
      title: "London's borough commands 2009-2019: tenure, accountability and appointment compliance",
      notes: [
        'The boroughs, BCUs and go-live days are real, as sourced; where a source gives only a month, the first day of the month is used, and where it gives none the day is assumed (see the go-live table of the demo).',
        'Every officer, candidate and partner is synthetic: invented from a seed and marked "(synthetic)".',
      ],
    },
    io,
  );
  if (E.isLeft(reported)) return fail(io, reported.left.message, exitCodeOf(reported.left));

  io.out(io.style.bold('Files'));
  io.out(`journal  ${shown(journal)} (${counted(replayed.right.events, 'event')}; check it with: npx borough-command verify ${shown(journal)})`);
  io.out(`report   ${shown(report)} (${formatCount(reported.right)} bytes, accountability as at ${REPORT_AS_AT}; open it in a browser)`);
  io.out(`Try: npx borough-command tenure Camden --journal ${shown(journal)}`);
  io.out(`     npx borough-command continuity --journal ${shown(journal)} --unit Camden`);
  io.out(`Done in ${((io.now().getTime() - started) / 1000).toFixed(1)} s.`);
  return EXIT_OK;
};
