import * as E from 'fp-ts/lib/Either.js';
import { commandUnitNamed } from '../cli/names.js';
import { helpOption, storeOptions, viewOutputOptions } from '../cli/options.js';
import type { Subcommand } from '../cli/subcommand.js';
import { tenureText } from '../render/tenure-text.js';
import { runViewCommand } from './view-command.js';

/** `timeline <command unit>`: TE-1, a unit's postings and the vacancy, acting and merged periods between them. */
export const timelineCommand: Subcommand = {
  name: 'timeline',
  summary: "a command unit's postings and the periods between them (TE-1)",
  usage: 'borough-command timeline <command unit> (--journal <file> | --eventstore <cs>) [--json] [--explain]',
  description: [
    'TE-1: every posting of a borough or BCU (officer, role, start, end, days served, whether it met',
    'the minimum term, why it ended) and the vacancy, acting and merged periods between substantive',
    'postings. A name with spaces may be quoted or not; case does not matter.',
  ],
  options: { ...storeOptions, ...viewOutputOptions, ...helpOption },
  positional: { name: 'command unit', joinWords: true },
  examples: [
    'borough-command timeline Camden --journal out/london-2009-2019.ndjson',
    'borough-command timeline "Central North" --journal out/london-2009-2019.ndjson --json',
  ],
  run: (invocation, io) =>
    runViewCommand(invocation, io, ({ views }) => {
      const unit = commandUnitNamed(invocation.positionals[0] ?? '', views.tenure.units());
      if (E.isLeft(unit)) return unit;
      const tenure = views.tenure.tenureOf(unit.right);
      return E.right({ json: tenure, text: (explain) => tenureText(tenure, io.style, explain) });
    }),
};
