import * as E from 'fp-ts/lib/Either.js';
import type { CommandUnit, IsoDate, Officer, StartPostingCommand } from '@borough-command/domain';
import type { CareerView } from '@borough-command/projections';
import { SVC_1 } from './double-command.js';

/** SVC-1 refusal: the officer already commands another unit on the day the new posting would start. */
export interface OfficerAlreadyInCommand {
  readonly _tag: 'OfficerAlreadyInCommand';
  readonly rule: typeof SVC_1;
  readonly message: string;
  readonly officer: Officer;
  readonly unit: CommandUnit;
  readonly postingId: string;
  readonly on: IsoDate;
}

/** Builds the SVC-1 refusal, naming the officer, the unit they hold and the day. */
export const officerAlreadyInCommand = (officer: Officer, unit: CommandUnit, postingId: string, on: IsoDate): OfficerAlreadyInCommand => ({
  _tag: 'OfficerAlreadyInCommand',
  rule: SVC_1,
  message:
    `${officer.name} (${officer.id}) still commands ${unit.name} (posting ${postingId}) on ${on}; ` +
    'the service lets an officer command one unit at a time.',
  officer,
  unit,
  postingId,
  on,
});

/**
 * SVC-1, before the library sees the command: a `StartPosting` for an officer who holds a posting in
 * another unit on its date is refused. A posting in the same unit is left to the library (PO-1
 * ends an acting cover when its holder is appointed substantively).
 */
export const admitStartPosting = (careers: CareerView, command: StartPostingCommand): E.Either<OfficerAlreadyInCommand, StartPostingCommand> => {
  const held = (careers.careerOf(command.officer.id)?.postings ?? []).find(
    (posting) =>
      (posting.unit.kind !== command.unit.kind || posting.unit.name !== command.unit.name) &&
      posting.start <= command.at &&
      (posting.end === null || command.at < posting.end),
  );
  return held === undefined ? E.right(command) : E.left(officerAlreadyInCommand(command.officer, held.unit, held.postingId, command.at));
};
