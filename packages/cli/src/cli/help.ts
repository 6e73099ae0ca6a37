import type { Style } from './style.js';
import type { Subcommand } from './subcommand.js';
import { visibleWidth } from './style.js';

/** The name of the executable. */
export const PROGRAM = 'borough-command';

/** The help of one subcommand: usage, what it does, its options and examples. */
export const subcommandHelp = (subcommand: Subcommand, style: Style): string[] => {
  const options = Object.entries(subcommand.options)
    .filter(([, spec]) => spec.hidden !== true)
    .map(([name, spec]) => {
      const short = spec.short === undefined ? '    ' : `-${spec.short}, `;
      return [`${short}--${name}${spec.value === undefined ? '' : ` ${spec.value}`}`, spec.description] as const;
    });
  const width = Math.max(...options.map(([left]) => visibleWidth(left)));
  return [
    `${style.bold('Usage:')} ${subcommand.usage}`,
    '',
    ...subcommand.description,
    '',
    style.bold('Options:'),
    ...options.map(([left, description]) => `  ${left.padEnd(width)}  ${description}`),
    '',
    style.bold(subcommand.examples.length === 1 ? 'Example:' : 'Examples:'),
    ...subcommand.examples.map((example) => `  ${example}`),
  ];
};

/** The help of the whole program: what it is, its subcommands, exit codes. */
export const programHelp = (subcommands: readonly Subcommand[], style: Style): string[] => {
  const width = Math.max(...subcommands.map((subcommand) => subcommand.name.length));
  return [
    `${style.bold('Usage:')} ${PROGRAM} <command> [options]`,
    '',
    "London's rules for appointing borough commanders, keeping them in post and merging boroughs into BCUs,",
    'over an event-sourced history: apply commands, verify a journal, and read the views an auditor asks for.',
    '',
    style.bold('Commands:'),
    ...subcommands.map((subcommand) => `  ${subcommand.name.padEnd(width)}  ${subcommand.summary}`),
    '',
    `Run '${PROGRAM} <command> --help' for a command's options and an example.`,
    '',
    style.bold('Exit codes:'),
    '  0  fine',
    '  1  findings (a problem in a journal) or a command a rule rejected',
    '  2  bad usage or bad input (unknown option, missing file, bad date, corrupt journal)',
    '  3  a bug in borough-command',
    '',
    style.bold('Example:'),
    `  ${PROGRAM} demo --journal out/london-2009-2019.ndjson`,
  ];
};
