import * as E from 'fp-ts/lib/Either.js';
import type { AppointmentCompliance } from '@borough-command/projections';
import { inputError } from '../cli/failure.js';
import { helpOption, storeOptions, stringValue, viewOutputOptions } from '../cli/options.js';
import type { Subcommand } from '../cli/subcommand.js';
import { complianceSummaryText, complianceText } from '../render/compliance-text.js';
import { runViewCommand } from './view-command.js';

/** `compliance [--appointment <id>]`: AC-2, each appointment against AP-2..AP-10, and the local-authority share. */
export const complianceCommand: Subcommand = {
  name: 'compliance',
  summary: 'each appointment checked against AP-2..AP-10, and local-authority involvement (AC-2)',
  usage: 'borough-command compliance (--journal <file> | --eventstore <cs> | --postgres <cs>) [--appointment <id>] [--json] [--explain]',
  description: [
    'AC-2: which of AP-2..AP-10 each appointment process followed, in order, with the events that',
    'prove it, and the London-wide share of decided appointments with a local authority involved.',
    '--appointment shows one process rule by rule. Departures from rules that `record` mode recorded',
    '(AP-2, AP-3, AP-7, AP-8, RS-2 to RS-5, RS-7, RS-8) are listed after the processes.',
  ],
  options: {
    ...storeOptions,
    appointment: { type: 'string', value: '<id>', description: 'one appointment process, by its process id' },
    ...viewOutputOptions,
    ...helpOption,
  },
  examples: [
    'borough-command compliance --journal out/london-2009-2019.ndjson',
    'borough-command compliance --journal out/london-2009-2019.ndjson --appointment camden-2015-3 --explain',
  ],
  run: (invocation, io) => {
    const processId = stringValue(invocation.values, 'appointment');
    return runViewCommand(invocation, io, ['compliance'], ({ views }) => {
      const { compliance } = views;
      if (processId === undefined) {
        const processes = compliance.processes().flatMap((id) => {
          const found = compliance.complianceOf(id);
          return found === undefined ? [] : [found];
        });
        const share = compliance.localAuthorityShare();
        const departures = compliance.departures();
        return E.right({
          json: { localAuthorityShare: share, appointments: processes, departures },
          text: () => complianceSummaryText(processes, share, departures, io.style),
        });
      }
      const found: AppointmentCompliance | undefined = compliance.complianceOf(processId);
      if (found === undefined) {
        return E.left(inputError(`no appointment process '${processId}' in this history; 'borough-command compliance' lists them`));
      }
      return E.right({ json: found, text: (explain) => complianceText(found, io.style, explain) });
    });
  },
};
