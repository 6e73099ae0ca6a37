import * as E from 'fp-ts/lib/Either.js';
import { valuesOn, type Policy } from '../policy/policy.js';
import type { EndReason, PolicyValues } from '../policy/policy-values.js';
import { isExceptionalReason } from '../policy/policy-rules.js';
import { daysBetween, type IsoDate } from '../shared/iso-date.js';
import type { CommandUnit } from '../shared/vocabulary.js';
import { postingEnded } from './posting-ended-event.js';
import type { PostingEvent } from './posting-events.js';
import {
  earlyEndWithoutExceptionalReason,
  restructureDoesNotTouchUnit,
  restructureNamedForAnotherReason,
  type MissingForEarlyEnd,
  type PostingRejection,
} from './posting-rejections.js';
import type { ActivePosting } from './posting-state.js';
import type { RestructureNamed, RestructureTouch, RestructureTouches } from './restructure-touches.js';

/** Why and how a posting ends on `at`: the reason, its circumstances, who approved it, the restructure it names. */
export interface Departure {
  readonly at: IsoDate;
  readonly reason: EndReason;
  readonly detail?: string | undefined;
  readonly approvedBy?: string | undefined;
  readonly restructure?: RestructureTouch | undefined;
}

/**
 * PO-3: the restructure an end names, as its stream records it: only an end for organisational
 * restructure names one, and it must touch the unit on or before the end; none named is null.
 */
export const restructureOfEnd = (
  touches: RestructureTouches,
  unit: CommandUnit,
  end: { readonly at: IsoDate; readonly reason: EndReason; readonly restructure?: RestructureNamed | undefined },
): E.Either<PostingRejection, RestructureTouch | undefined> => {
  const named = end.restructure;
  if (named === undefined) return E.right(undefined);
  if (end.reason !== 'organisational-restructure') return E.left(restructureNamedForAnotherReason(end.reason, named));
  const touch = touches(named, unit, end.at);
  return touch === undefined ? E.left(restructureDoesNotTouchUnit(named, unit, end.at)) : E.right(touch);
};

/**
 * PO-3: what an end on `departure.at` lacks to be justified, first thing first: nothing when the
 * minimum term does not apply or is reached; otherwise a reason the policy deems exceptional; what
 * the reason must show (the restructure that touches the unit for organisational restructure, the
 * circumstances in `detail` for any other); and who approved it.
 */
export const missingForEarlyEnd = (
  values: PolicyValues,
  posting: Pick<ActivePosting, 'minimumTermEnd'>,
  departure: Pick<Departure, 'at' | 'reason' | 'detail' | 'approvedBy' | 'restructure'>,
): readonly MissingForEarlyEnd[] => {
  if (posting.minimumTermEnd === null || departure.at >= posting.minimumTermEnd) return [];
  const exceptional = isExceptionalReason(values, departure.reason);
  const shown: readonly MissingForEarlyEnd[] = !exceptional
    ? ['exceptional-reason']
    : departure.reason === 'organisational-restructure'
      ? departure.restructure === undefined
        ? ['restructure']
        : []
      : departure.detail === undefined
        ? ['circumstances']
        : [];
  return [...shown, ...(departure.approvedBy === undefined ? (['approval'] as const) : [])];
};

/**
 * PO-2, PO-3: the events of a posting ending: the end itself when it is justified or the minimum
 * term does not apply; an early end without an approved exceptional reason, shown as PO-3 asks, is
 * refused in `enforce` mode and recorded with a `MinimumTermBreached` in `record` mode, naming the
 * first thing missing.
 */
export const judgeEnd = (
  policy: Policy,
  posting: ActivePosting,
  departure: Departure,
): E.Either<PostingRejection, readonly PostingEvent[]> => {
  const values = valuesOn(policy, departure.at);
  const missing = missingForEarlyEnd(values, posting, departure);
  const [firstMissing] = missing;
  const ended = postingEnded(posting, {
    end: departure.at,
    reason: departure.reason,
    detail: departure.detail ?? null,
    approvedBy: departure.approvedBy ?? null,
    exceptional: firstMissing === undefined && isExceptionalReason(values, departure.reason),
    restructure: departure.restructure ?? null,
  });
  if (firstMissing === undefined || posting.minimumTermEnd === null) return E.right([ended]);
  const daysShort = daysBetween(departure.at, posting.minimumTermEnd);
  // PO-3 `enforce`: an early end without an approved exceptional reason is refused.
  if (policy.enforcement === 'enforce') {
    return E.left(
      earlyEndWithoutExceptionalReason({
        postingId: posting.postingId,
        reason: departure.reason,
        missing,
        end: departure.at,
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
        end: departure.at,
        minimumTermEnd: posting.minimumTermEnd,
        daysShort,
        reason: departure.reason,
        missing: firstMissing,
      },
    },
  ]);
};
