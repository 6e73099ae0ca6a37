import * as E from 'fp-ts/lib/Either.js';
import { redactedConnection } from './eventstore.js';
import { usageError, type CliFailure } from './failure.js';
import { stringValue } from './options.js';
import { redactedPostgres } from './postgres.js';

/** Where the events are: a journal file (the embedded store), an EventStoreDB server or a PostgreSQL database. */
export type StoreChoice =
  | { readonly kind: 'journal'; readonly file: string }
  | { readonly kind: 'eventstore'; readonly connectionString: string }
  | { readonly kind: 'postgres'; readonly connectionString: string };

/** The store the options name: exactly one of `--journal <file>`, `--eventstore <connection string>` and `--postgres <connection string>`. */
export const storeChoiceOf = (values: Readonly<Record<string, string | boolean | undefined>>): E.Either<CliFailure, StoreChoice> => {
  const given = (['journal', 'eventstore', 'postgres'] as const).filter((name) => stringValue(values, name) !== undefined);
  const [first, second] = given;
  if (second !== undefined) return E.left(usageError(`give either --${first ?? ''} or --${second}, not both`));
  if (first === undefined) {
    return E.left(usageError('say where the events are: --journal <file> or --eventstore <connection string> (EventStoreDB) or --postgres <connection string> (PostgreSQL)'));
  }
  const value = stringValue(values, first) ?? '';
  if (first === 'journal') return value === '' ? E.left(usageError('--journal needs a file name')) : E.right({ kind: 'journal', file: value });
  return value === '' ? E.left(usageError(`--${first} needs a connection string`)) : E.right({ kind: first, connectionString: value });
};

/** The store in words, for messages; credentials in a connection string are masked. */
export const describeChoice = (choice: StoreChoice): string => {
  switch (choice.kind) {
    case 'journal':
      return `journal ${choice.file}`;
    case 'eventstore':
      return `EventStoreDB ${redactedConnection(choice.connectionString)}`;
    case 'postgres':
      return `PostgreSQL ${redactedPostgres(choice.connectionString)}`;
  }
};

/** A store on a server: EventStoreDB or PostgreSQL, what `import` writes and `export` reads. */
export type ServerChoice = Extract<StoreChoice, { readonly kind: 'eventstore' | 'postgres' }>;

/** The server the options name: exactly one of `--eventstore <connection string>` and `--postgres <connection string>`. */
export const serverChoiceOf = (values: Readonly<Record<string, string | boolean | undefined>>): E.Either<CliFailure, ServerChoice> => {
  const given = (['eventstore', 'postgres'] as const).filter((name) => stringValue(values, name) !== undefined);
  const [first, second] = given;
  if (second !== undefined) return E.left(usageError(`give either --${first ?? ''} or --${second}, not both`));
  if (first === undefined) return E.left(usageError('missing --eventstore <connection string> (EventStoreDB) or --postgres <connection string> (PostgreSQL)'));
  const connectionString = stringValue(values, first) ?? '';
  return connectionString === '' ? E.left(usageError(`--${first} needs a connection string`)) : E.right({ kind: first, connectionString });
};
