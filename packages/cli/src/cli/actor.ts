import { userInfo } from 'node:os';
import * as E from 'fp-ts/lib/Either.js';
import { MAX_METADATA_FIELD_LENGTH } from '@borough-command/domain/eventsourcing';
import { usageError, type CliFailure } from './failure.js';

/** Who runs the command line, for the events' `actor`: the login name, else `borough-command`. */
export const defaultActor = (): string => {
  try {
    const name = userInfo().username;
    return name === '' ? 'borough-command' : name;
  } catch {
    return 'borough-command';
  }
};

/** Checks an `--actor` before anything is opened: a name, at most as long as an event's metadata field may be. */
export const checkActor = (actor: string): E.Either<CliFailure, string> => {
  if (actor.trim() === '') return E.left(usageError('--actor needs a name'));
  if (actor.length > MAX_METADATA_FIELD_LENGTH) {
    return E.left(usageError(`--actor: at most ${String(MAX_METADATA_FIELD_LENGTH)} characters (it is recorded in every event), got ${String(actor.length)}`));
  }
  return E.right(actor);
};
