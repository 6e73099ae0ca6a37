/** A subcommand as far as the docs need it: its name and the options it takes. */
export interface DocumentedSubcommand {
  readonly name: string;
  readonly options: Readonly<Record<string, { readonly hidden?: boolean }>>;
}

/** Every `borough-command` line (with or without `npx`) of a page's ```sh blocks. */
export const commandLines = (page: string): string[] =>
  [...page.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((block) =>
    (block[1] ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => /^(?:npx\s+)?borough-command\s/.test(line)),
  );

/**
 * What a command line names that the command line does not have, as sentences: an unknown
 * subcommand, or an option the subcommand does not take (an option left out of its help counts as
 * not taken). A line that starts with an option (`borough-command --help`) names no subcommand.
 */
export const commandLineProblems = (line: string, subcommands: readonly DocumentedSubcommand[]): string[] => {
  const name = line.replace(/^npx\s+/, '').split(/\s+/)[1] ?? '';
  if (name.startsWith('-')) return [];
  const subcommand = subcommands.find((candidate) => candidate.name === name);
  if (subcommand === undefined) return [`${line}: no subcommand '${name}'`];
  return [...line.matchAll(/\s--([a-z][a-z-]*)/g)]
    .map((match) => match[1] ?? '')
    .filter((option) => {
      const spec = subcommand.options[option];
      return option !== 'help' && (spec === undefined || spec.hidden === true);
    })
    .map((option) => `${line}: '${name}' takes no --${option}`);
};
