import { helpOption, storeOptions, viewOutputOptions } from '../cli/options.js';
import type { Subcommand } from '../cli/subcommand.js';
import { printUnitTenure } from './tenure.js';

/** `timeline <command unit>`: another name of `tenure`, TE-1, a unit's postings and the periods between them. */
export const timelineCommand: Subcommand = {
  name: 'timeline',
  summary: "another name of tenure: a command unit's postings and the periods between them (TE-1)",
  usage: 'borough-command timeline <command unit> (--journal <file> | --eventstore <cs> | --postgres <cs>) [--json] [--explain]',
  description: [
    'Another name of borough-command tenure <command unit>, with the same options and the same output:',
    'TE-1, every posting of a borough or BCU and the vacancy, acting and merged periods between them.',
  ],
  options: { ...storeOptions, ...viewOutputOptions, ...helpOption },
  positional: { name: 'command unit', joinWords: true },
  examples: ['borough-command timeline Camden --journal out/london-2009-2019.ndjson'],
  run: printUnitTenure,
};
