import { describeStoreError, type StoreError } from '@borough-command/domain/eventsourcing';
import { inputError, type CliFailure } from './failure.js';

/** A store error as a failure of the command line: what went wrong, and for a corrupt journal, what to run next. */
export const storeFailure = (error: StoreError): CliFailure => {
  const described = describeStoreError(error);
  if (error._tag === 'JournalCorrupt') {
    return inputError(`the journal is corrupt: ${described}\n(run 'borough-command verify ${error.file}' for a full check)`);
  }
  return inputError(described);
};
