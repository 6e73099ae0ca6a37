import type { OptionSpec } from './subcommand.js';

/** `--help`: every subcommand has it. */
export const helpOption: Readonly<Record<string, OptionSpec>> = {
  help: { type: 'boolean', short: 'h', description: 'show this help and exit' },
};

/** `--journal`, `--eventstore` and `--postgres`: where the events are. */
export const storeOptions: Readonly<Record<string, OptionSpec>> = {
  journal: { type: 'string', value: '<file>', description: 'the journal file (the embedded store), e.g. out/london-2009-2019.ndjson' },
  eventstore: {
    type: 'string',
    value: '<connection string>',
    description: 'an EventStoreDB connection string, e.g. esdb://localhost:2113?tls=false',
  },
  postgres: {
    type: 'string',
    value: '<connection string>',
    description: 'a PostgreSQL connection string, e.g. postgres://borough@localhost:5432/borough',
  },
};

/** `--no-cache`: replay a whole journal rather than start from its views snapshot. */
export const snapshotOption: Readonly<Record<string, OptionSpec>> = {
  'no-cache': {
    type: 'boolean',
    description: 'replay the whole journal, not from the views snapshot beside it (<journal>.views/)',
  },
};

/** `--json`, `--explain` and `--no-cache`: how a view is printed, and whether from the snapshot. */
export const viewOutputOptions: Readonly<Record<string, OptionSpec>> = {
  json: { type: 'boolean', description: 'print one JSON document instead of text tables' },
  explain: { type: 'boolean', description: 'name the events behind each figure (type, stream, revision, position); replays the whole journal' },
  ...snapshotOption,
};

/** The string value of an option, if given. */
export const stringValue = (values: Readonly<Record<string, string | boolean | undefined>>, name: string): string | undefined => {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
};

/** Whether a boolean option was given. */
export const flag = (values: Readonly<Record<string, string | boolean | undefined>>, name: string): boolean => values[name] === true;
