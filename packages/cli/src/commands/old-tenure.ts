import * as E from 'fp-ts/lib/Either.js';
import { usageError, type CliFailure, type ExitCode } from '../cli/failure.js';
import type { Io } from '../cli/io.js';
import { flag, stringValue } from '../cli/options.js';
import type { Invocation, OptionSpec } from '../cli/subcommand.js';
import { continuityCommand } from './continuity.js';

// Until this release `tenure` printed continuity of command (TE-2), London-wide or with `--unit`
// and `--breaches`; that is `continuity` now. For this release `tenure` still answers a line of
// the old form as before, on stdout, with a note on stderr; the next release drops this file.

/** The options `tenure` took before it printed TE-1: parsed, not shown in its help. */
export const oldTenureOptions: Readonly<Record<string, OptionSpec>> = {
  unit: { type: 'string', value: '<command unit>', description: 'the older form of `continuity --unit`', hidden: true },
  breaches: { type: 'boolean', description: 'the older form of `continuity --breaches`', hidden: true },
};

/** The note on stderr when `tenure` is used the old way. */
export const OLD_TENURE_NOTE =
  "this is the old `tenure` (continuity of command, TE-2), kept for this release only: use `borough-command continuity` with the same options; `borough-command tenure <command unit>` now prints a unit's postings (TE-1)";

/** Whether a `tenure` line is of the old form: no command unit (London-wide), or `--unit` or `--breaches`. */
export const isOldTenure = (invocation: Invocation): boolean =>
  invocation.positionals.length === 0 || stringValue(invocation.values, 'unit') !== undefined || flag(invocation.values, 'breaches');

/**
 * Answers a `tenure` line of the old form: with no command unit, as `continuity` (its output
 * unchanged) after one note on stderr; a command unit together with `--unit` or `--breaches` mixes
 * the two forms and is a usage error that names both commands.
 */
export const runOldTenure = async (invocation: Invocation, io: Io): Promise<E.Either<CliFailure, ExitCode>> => {
  if (invocation.positionals.length > 0) {
    return E.left(
      usageError(
        '--unit and --breaches are options of `continuity` now: borough-command continuity --unit <command unit> [--breaches]; `tenure <command unit>` takes neither',
      ),
    );
  }
  io.err(`${io.errStyle.yellow('note:')} ${OLD_TENURE_NOTE}`);
  return continuityCommand.run(invocation, io);
};
