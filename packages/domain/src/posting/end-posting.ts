import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { valuesOn, type Policy } from '../policy/policy.js';
import type { PolicyValues } from '../policy/policy-values.js';
import { isExceptionalReason } from '../policy/policy-rules.js';
import { daysBetween, type IsoDate } from '../shared/iso-date.js';
import type { PostingCommand } from './posting-commands.js';
import { activePostingNamed, checkUnit } from './posting-checks.js';
import { postingEnded } from './posting-ended-event.js';
import type { PostingEvent } from './posting-events.js';
import {
  earlyEndWithoutExceptionalReason,
  endBeforeStart,
  type MissingForEarlyEnd,
  type PostingRejection,
} from './posting-rejections.js';
import type { ActivePosting, PostingState } from './posting-state.js';

/** The `EndPosting` command. */
export type EndPostingCommand = Extract<PostingCommand, { type: 'EndPosting' }>;

// PO-2: a posting cannot end before it started.
const checkEndNotBeforeStart = (posting: ActivePosting, end: IsoDate): E.Either<PostingRejection, ActivePosting> =>
  end < posting.start ? E.left(endBeforeStart(posting.postingId, posting.start, end)) : E.right(posting);

/**
 * PO-3: what an end on `command.at` lacks to be justified: nothing when the minimum term does not
 * apply or is reached; otherwise a reason the policy deems exceptional, and who approved it.
 */
export const missingForEarlyEnd = (
  values: PolicyValues,
  posting: ActivePosting,
  command: Pick<EndPostingCommand, 'at' | 'reason' | 'approvedBy'>,
): readonly MissingForEarlyEnd[] => {
  if (posting.minimumTermEnd === null || command.at >= posting.minimumTermEnd) return [];
  return [
    ...(isExceptionalReason(values, command.reason) ? [] : (['exceptional-reason'] as const)),
    ...(command.approvedBy === undefined ? (['approval'] as const) : []),
  ];
};

const decideEnd = (policy: Policy, command: EndPostingCommand, posting: ActivePosting): E.Either<PostingRejection, readonly PostingEvent[]> => {
  const values = valuesOn(policy, command.at);
  const missing = missingForEarlyEnd(values, posting, command);
  const [firstMissing] = missing;
  const ended = postingEnded(posting, {
    end: command.at,
    reason: command.reason,
    detail: command.detail ?? null,
    approvedBy: command.approvedBy ?? null,
    exceptional: firstMissing === undefined && isExceptionalReason(values, command.reason),
  });
  if (firstMissing === undefined || posting.minimumTermEnd === null) return E.right([ended]);
  const daysShort = daysBetween(command.at, posting.minimumTermEnd);
  // PO-3 `enforce`: an early end without an approved exceptional reason is refused.
  if (policy.enforcement === 'enforce') {
    return E.left(
      earlyEndWithoutExceptionalReason({
        postingId: posting.postingId,
        reason: command.reason,
        missing,
        end: command.at,
        minimumTermEnd: posting.minimumTermEnd,
        daysShort,
      }),
    );
  }
  // PO-3 `record`: history happened; the end is recorded, and so is the breach.
  return E.right([
    ended,
    {
      type: 'MinimumTermBreached',
      data: {
        postingId: posting.postingId,
        unit: posting.unit,
        officer: posting.officer,
        start: posting.start,
        end: command.at,
        minimumTermEnd: posting.minimumTermEnd,
        daysShort,
        reason: command.reason,
        missing: firstMissing,
      },
    },
  ]);
};

/**
 * PO-2, PO-3, PO-5: a posting ends on `at`. Before its minimum term it needs a reason the policy
 * deems exceptional and who approved it: refused in `enforce` mode, recorded as a breach in `record` mode.
 */
export const endPosting =
  (policy: Policy) =>
  (command: EndPostingCommand, state: PostingState): E.Either<PostingRejection, readonly PostingEvent[]> =>
    pipe(
      checkUnit(state, command.unit),
      E.chain(() => activePostingNamed(state, command.postingId)),
      E.chain((posting) => checkEndNotBeforeStart(posting, command.at)),
      E.chain((posting) => decideEnd(policy, command, posting)),
    );
