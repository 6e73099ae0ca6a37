import * as E from 'fp-ts/lib/Either.js';
import type { IsoDate } from '@borough-command/domain';
import type { BoroughCommandViews } from '@borough-command/projections';
import { parseDateOption, todayOf } from '../cli/dates.js';
import { EXIT_OK, usageError, type CliFailure } from '../cli/failure.js';
import type { Io } from '../cli/io.js';
import { flag, helpOption, snapshotOption, storeOptions, stringValue } from '../cli/options.js';
import { writeTextFile } from '../cli/output-file.js';
import { answerFromViews, warnTornTail } from '../cli/replay-views.js';
import { describeChoice, storeChoiceOf } from '../cli/store-choice.js';
import type { Subcommand } from '../cli/subcommand.js';
import { counted, formatCount } from '../cli/table.js';
import { renderReport } from '../report/index.js';

/** What a report needs besides the views. */
export interface ReportRequest {
  readonly out: string;
  readonly asAt: IsoDate;
  readonly title: string | undefined;
  readonly notes: readonly string[];
}

/** Renders the HTML report of the views and writes it; returns the bytes written. */
export const writeReport = async (views: BoroughCommandViews, request: ReportRequest, io: Io): Promise<E.Either<CliFailure, number>> => {
  const html = renderReport(views, {
    asAt: request.asAt,
    generatedAt: io.now().toISOString(),
    notes: request.notes,
    ...(request.title === undefined ? {} : { title: request.title }),
  });
  return writeTextFile(request.out, html);
};

/** `report --out <file.html>`: rebuilds the views and writes the HTML report, accountability as at a date. */
export const reportCommand: Subcommand = {
  name: 'report',
  summary: 'write the HTML report of the views (tenure, continuity, accountability, compliance)',
  usage: 'borough-command report --out <file.html> (--journal <file> | --eventstore <cs> | --postgres <cs>) [--as-at <YYYY-MM-DD>] [--title <text>]',
  description: [
    'Rebuilds the views read-only and writes one self-contained HTML page: tenure timelines (TE-1),',
    'continuity (TE-2), accountability of every borough as at a date (AC-1) and appointment',
    "compliance (AC-2). --as-at defaults to today's date (UTC).",
  ],
  options: {
    out: { type: 'string', value: '<file.html>', description: 'the HTML file to write (required)' },
    'as-at': { type: 'string', value: '<YYYY-MM-DD>', description: 'the date accountability is given for (default: today)' },
    title: { type: 'string', value: '<text>', description: "the page's title" },
    ...storeOptions,
    ...snapshotOption,
    ...helpOption,
  },
  examples: ['borough-command report --journal out/london-2009-2019.ndjson --out out/london-report.html --as-at 2019-12-31'],
  run: async (invocation, io) => {
    const out = stringValue(invocation.values, 'out');
    if (out === undefined || out === '') return E.left(usageError('missing --out <file.html>'));
    const asAtText = stringValue(invocation.values, 'as-at');
    const asAt = asAtText === undefined ? E.right(todayOf(io.now())) : parseDateOption('--as-at', asAtText);
    if (E.isLeft(asAt)) return asAt;
    const choice = storeChoiceOf(invocation.values);
    if (E.isLeft(choice)) return choice;
    const options = { explain: false, progress: true, cache: !flag(invocation.values, 'no-cache'), groups: ['tenure', 'continuity', 'accountability', 'compliance'] } as const;
    const asked = await answerFromViews(choice.right, io, options, (replayed) => {
      const notes = [`Rebuilt from ${counted(replayed.events, 'event')} of ${describeChoice(choice.right)}.`];
      return writeReport(replayed.views, { out, asAt: asAt.right, title: stringValue(invocation.values, 'title'), notes }, io);
    });
    if (E.isLeft(asked)) return asked;
    const { replayed, answer: written } = asked.right;
    warnTornTail(io, choice.right, replayed.tornTail);
    if (E.isLeft(written)) return written;
    io.out(`Wrote ${out} (${formatCount(written.right)} bytes), accountability as at ${asAt.right}, from ${counted(replayed.events, 'event')}.`);
    return E.right(EXIT_OK);
  },
};
