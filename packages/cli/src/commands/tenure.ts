import * as E from 'fp-ts/lib/Either.js';
import type { CliFailure, ExitCode } from '../cli/failure.js';
import type { Io } from '../cli/io.js';
import { commandUnitNamed } from '../cli/names.js';
import { helpOption, storeOptions, viewOutputOptions } from '../cli/options.js';
import type { Invocation, Subcommand } from '../cli/subcommand.js';
import { tenureText } from '../render/tenure-text.js';
import { isOldTenure, oldTenureOptions, runOldTenure } from './old-tenure.js';
import { runViewCommand } from './view-command.js';

/** Prints TE-1 for the command unit named by the positional argument: its postings and the periods between them. */
export const printUnitTenure = (invocation: Invocation, io: Io): Promise<E.Either<CliFailure, ExitCode>> =>
  runViewCommand(invocation, io, ['tenure'], ({ views }) => {
    const unit = commandUnitNamed(invocation.positionals[0] ?? '', views.tenure.units());
    if (E.isLeft(unit)) return unit;
    const tenure = views.tenure.tenureOf(unit.right);
    return E.right({ json: tenure, text: (explain) => tenureText(tenure, io.style, explain) });
  });

/** `tenure <command unit>`: TE-1, a unit's postings and the vacancy, acting and merged periods between them. */
export const tenureCommand: Subcommand = {
  name: 'tenure',
  summary: "a command unit's postings and the periods between them (TE-1)",
  usage: 'borough-command tenure <command unit> (--journal <file> | --eventstore <cs> | --postgres <cs>) [--json] [--explain]',
  description: [
    'TE-1: every posting of a borough or BCU (officer, role, start, end, days served, whether it met',
    'the minimum term, why it ended) and the vacancy, acting and merged periods between substantive',
    'postings. A name with spaces may be quoted or not; case does not matter. Also called timeline.',
    'Continuity of command (TE-2: mean and median tenure, early departures) is borough-command continuity;',
    'for this release, tenure without a command unit still prints it, with a note on stderr.',
  ],
  options: { ...storeOptions, ...viewOutputOptions, ...helpOption, ...oldTenureOptions },
  positional: { name: 'command unit', joinWords: true, optional: true },
  examples: [
    'borough-command tenure Camden --journal out/london-2009-2019.ndjson',
    'borough-command tenure "Central North" --journal out/london-2009-2019.ndjson --json',
  ],
  run: (invocation, io) => (isOldTenure(invocation) ? runOldTenure(invocation, io) : printUnitTenure(invocation, io)),
};
