import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { PostingCommand } from './posting-commands.js';
import { checkUnit } from './posting-checks.js';
import type { PostingEvent } from './posting-events.js';
import { commandBeforeDesignation, type PostingRejection } from './posting-rejections.js';
import { activePostings } from './posting-queries.js';
import type { PostingState } from './posting-state.js';
import type { StartPostingCommand } from './start-posting.js';

/** The `TakeUpCommand` command. */
export type TakeUpCommandCommand = Extract<PostingCommand, { type: 'TakeUpCommand' }>;

/** RS-4: the posting a unit's commander starts when no designate posting takes command: substantive, interim as the command says. */
const postingToStart = (command: TakeUpCommandCommand): StartPostingCommand => ({
  type: 'StartPosting',
  commandId: command.commandId,
  at: command.at,
  unit: command.unit,
  postingId: command.postingId,
  role: command.role,
  officer: command.officer,
  acting: false,
  interim: command.interim ?? false,
});

/**
 * RS-4: the unit went live on `at` and its commander takes command: the officer's designate posting
 * in the role takes command that day (`CommandTakenUp`); a posting the officer already commands
 * needs nothing; with no posting of the officer in the role (histories recorded before designate
 * postings), a posting starts as `start` decides it.
 */
export const takeUpCommand =
  (start: (command: StartPostingCommand, state: PostingState) => E.Either<PostingRejection, readonly PostingEvent[]>) =>
  (command: TakeUpCommandCommand, state: PostingState): E.Either<PostingRejection, readonly PostingEvent[]> =>
    pipe(
      checkUnit(state, command.unit),
      E.chain((): E.Either<PostingRejection, readonly PostingEvent[]> => {
        const held = activePostings(state).find((posting) => posting.role === command.role && posting.officer.id === command.officer.id);
        if (held === undefined) return start(postingToStart(command), state);
        if (!held.designate) return E.right([]);
        if (command.at < held.start) return E.left(commandBeforeDesignation(held.postingId, held.start, command.at));
        return E.right([
          {
            type: 'CommandTakenUp',
            data: { postingId: held.postingId, unit: held.unit, role: held.role, officer: held.officer, at: command.at },
          },
        ]);
      }),
    );
