import * as E from 'fp-ts/lib/Either.js';
import { parseDateOption } from '../cli/dates.js';
import { inputError, usageError } from '../cli/failure.js';
import { boroughNamed } from '../cli/names.js';
import { helpOption, storeOptions, stringValue, viewOutputOptions } from '../cli/options.js';
import type { Subcommand } from '../cli/subcommand.js';
import { accountabilityText } from '../render/accountability-text.js';
import { runViewCommand } from './view-command.js';

/** `accountability <borough> --as-at <date>`: AC-1, who answered for a borough on a date, and to whom. */
export const accountabilityCommand: Subcommand = {
  name: 'accountability',
  summary: 'who answered for a borough on a date, and to whom (AC-1)',
  usage: 'borough-command accountability <borough> --as-at <YYYY-MM-DD> (--journal <file> | --eventstore <cs> | --postgres <cs>) [--json] [--explain]',
  description: [
    'AC-1: for one of the 32 boroughs on a date, its command unit (the borough, or the BCU it had',
    'joined), the commander and whether acting, the dedicated superintendent in a BCU, the line',
    'manager, the oversight body in force (MPA until 2012-01-15, MOPAC from 2012-01-16), and the',
    "partners involved in the commander's appointment and assessments. Only events dated on or",
    'before the date count.',
  ],
  options: {
    'as-at': { type: 'string', value: '<YYYY-MM-DD>', description: 'the date to answer for (required)' },
    ...storeOptions,
    ...viewOutputOptions,
    ...helpOption,
  },
  positional: { name: 'borough', joinWords: true },
  examples: [
    'borough-command accountability Camden --as-at 2016-12-31 --journal out/london-2009-2019.ndjson',
    'borough-command accountability "Barking and Dagenham" --as-at 2017-01-01 --journal out/london-2009-2019.ndjson --explain',
  ],
  run: async (invocation, io) => {
    const asAt = stringValue(invocation.values, 'as-at');
    if (asAt === undefined) return E.left(usageError('missing --as-at <YYYY-MM-DD>'));
    const date = parseDateOption('--as-at', asAt);
    if (E.isLeft(date)) return date;
    const borough = boroughNamed(invocation.positionals[0] ?? '');
    if (E.isLeft(borough)) return borough;
    return runViewCommand(invocation, io, ['accountability'], ({ views }) => {
      const answer = views.accountability.accountabilityOn(borough.right, date.right);
      if (E.isLeft(answer)) return E.left(inputError(answer.left.message));
      return E.right({ json: answer.right, text: (explain) => accountabilityText(answer.right, io.style, explain) });
    });
  },
};
