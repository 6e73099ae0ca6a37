import * as E from 'fp-ts/lib/Either.js';
import { isIsoDate, isoDate, type IsoDate } from '@borough-command/domain';
import { usageError, type CliFailure } from './failure.js';

/** Reads a date option: a real calendar date written `YYYY-MM-DD`. */
export const parseDateOption = (option: string, value: string): E.Either<CliFailure, IsoDate> =>
  isIsoDate(value) ? E.right(value) : E.left(usageError(`${option}: '${value}' is not a calendar date written YYYY-MM-DD`));

/** Today's date in UTC, from a clock. */
export const todayOf = (now: Date): IsoDate => isoDate(now.toISOString().slice(0, 10));
