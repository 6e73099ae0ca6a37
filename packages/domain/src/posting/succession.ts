import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { Policy } from '../policy/policy.js';
import { judgeEnd, restructureOfEnd } from './early-end.js';
import { checkEndNotBeforeStart } from './end-posting.js';
import type { PostingCommand } from './posting-commands.js';
import type { PostingEvent } from './posting-events.js';
import { officerAlreadyPosted, type PostingRejection } from './posting-rejections.js';
import { substantiveCommander } from './posting-queries.js';
import type { PostingState } from './posting-state.js';
import type { RestructureTouches } from './restructure-touches.js';

/**
 * RS-4, PO-3: the events of a succession: with `succeeds`, the substantive holder of the role (in
 * command, interim or designate) leaves on the successor's first day, for the reason, circumstances
 * and approval given, judged by PO-3 like any end. Nothing when the command succeeds no one or the
 * role has no holder; the successor cannot be the holder.
 */
export const endingsForSuccession = (
  policy: Policy,
  touches: RestructureTouches,
  command: Extract<PostingCommand, { type: 'StartPosting' }>,
  state: PostingState,
): E.Either<PostingRejection, readonly PostingEvent[]> => {
  const { succeeds } = command;
  if (succeeds === undefined) return E.right([]);
  const holder = substantiveCommander(state, command.role);
  if (holder === undefined) return E.right([]);
  // PO-1: a successor is someone else.
  if (holder.officer.id === command.officer.id) return E.left(officerAlreadyPosted(command.officer, holder.postingId, holder.role));
  const departure = { at: command.at, reason: succeeds.reason, restructure: succeeds.restructure };
  return pipe(
    checkEndNotBeforeStart(holder, command.at),
    E.chain(() => restructureOfEnd(touches, command.unit, departure)),
    E.chain((restructure) =>
      judgeEnd(policy, holder, {
        at: command.at,
        reason: succeeds.reason,
        detail: succeeds.detail,
        approvedBy: succeeds.approvedBy,
        restructure,
      }),
    ),
  );
};
