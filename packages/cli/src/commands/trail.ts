import * as E from 'fp-ts/lib/Either.js';
import { inputError } from '../cli/failure.js';
import { helpOption, storeOptions, viewOutputOptions } from '../cli/options.js';
import type { Subcommand } from '../cli/subcommand.js';
import { trailText } from '../render/trail-text.js';
import { runViewCommand } from './view-command.js';

/** `trail <appointment id>`: AU-1, every decision of an appointment in order, with who, when and why. */
export const trailCommand: Subcommand = {
  name: 'trail',
  summary: 'every decision of one appointment, in order, with who, when and why (AU-1)',
  usage: 'borough-command trail <appointment id> (--journal <file> | --eventstore <cs> | --postgres <cs>) [--json] [--explain]',
  description: [
    'AU-1: the audit trail of one appointment process, reconstructed from its events alone: each',
    'decision with its rule, the people it names, the date it took effect and the recorded reason;',
    '--explain adds the event, when it was recorded and by whom. Ids are listed by',
    "'borough-command compliance'.",
  ],
  options: { ...storeOptions, ...viewOutputOptions, ...helpOption },
  positional: { name: 'appointment id' },
  examples: ['borough-command trail camden-2015-3 --journal out/london-2009-2019.ndjson --explain'],
  run: (invocation, io) => {
    const processId = invocation.positionals[0] ?? '';
    return runViewCommand(invocation, io, ['audit'], ({ views }) => {
      const trail = views.audit.trailOf(processId);
      if (trail === undefined) {
        return E.left(inputError(`no appointment process '${processId}' in this history; 'borough-command compliance' lists them`));
      }
      return E.right({ json: trail, text: (explain) => trailText(trail, io.style, explain) });
    });
  },
};
