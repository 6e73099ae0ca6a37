import * as E from 'fp-ts/lib/Either.js';
import { redactedConnection } from './eventstore.js';
import { usageError, type CliFailure } from './failure.js';
import { stringValue } from './options.js';

/** Where the events are: a journal file (the embedded store) or an EventStoreDB server. */
export type StoreChoice =
  | { readonly kind: 'journal'; readonly file: string }
  | { readonly kind: 'eventstore'; readonly connectionString: string };

/** The store the options name: exactly one of `--journal <file>` and `--eventstore <connection string>`. */
export const storeChoiceOf = (values: Readonly<Record<string, string | boolean | undefined>>): E.Either<CliFailure, StoreChoice> => {
  const file = stringValue(values, 'journal');
  const connectionString = stringValue(values, 'eventstore');
  if (file !== undefined && connectionString !== undefined) return E.left(usageError('give either --journal or --eventstore, not both'));
  if (file !== undefined) return file === '' ? E.left(usageError('--journal needs a file name')) : E.right({ kind: 'journal', file });
  if (connectionString !== undefined) {
    return connectionString === '' ? E.left(usageError('--eventstore needs a connection string')) : E.right({ kind: 'eventstore', connectionString });
  }
  return E.left(usageError('say where the events are: --journal <file> or --eventstore <connection string>'));
};

/** The store in words, for messages; credentials in a connection string are masked. */
export const describeChoice = (choice: StoreChoice): string =>
  choice.kind === 'journal' ? `journal ${choice.file}` : `EventStoreDB ${redactedConnection(choice.connectionString)}`;
