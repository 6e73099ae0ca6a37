import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { Policy } from '../policy/policy.js';
import { decideRecordingDepartures } from '../shared/record-departures.js';
import type { PostingCommand } from './posting-commands.js';
import { activePostingNamed, checkUnit } from './posting-checks.js';
import type { PostingEvent } from './posting-events.js';
import { assessmentBeforeStart, type PostingAlreadyEnded, type PostingRejection } from './posting-rejections.js';
import { findPosting } from './posting-queries.js';
import type { ActivePosting, EndedPosting, PostingState } from './posting-state.js';

/** The `AssessPerformance` command. */
export type AssessPerformanceCommand = Extract<PostingCommand, { type: 'AssessPerformance' }>;

const performanceAssessed = (command: AssessPerformanceCommand, posting: ActivePosting | EndedPosting): PostingEvent => ({
  type: 'PerformanceAssessed',
  data: {
    postingId: posting.postingId,
    unit: posting.unit,
    officer: posting.officer,
    assessedBy: command.assessedBy,
    partners: command.partners,
    // PO-4: an assessment no partner contributed to is accepted and flagged.
    noPartnerInvolved: command.partners.length === 0,
    at: command.at,
  },
});

/** The posting assessed: an active one, or (PO-5, waived in `record` mode) one that has ended. */
const postingAssessed = (state: PostingState, postingId: string, waived: ReadonlySet<string>): E.Either<PostingRejection, ActivePosting | EndedPosting> => {
  const posting = findPosting(state, postingId);
  return posting?.status === 'ended' && waived.has('PostingAlreadyEnded') ? E.right(posting) : activePostingNamed(state, postingId);
};

const isDepartable = (rejection: PostingRejection): rejection is PostingAlreadyEnded => rejection._tag === 'PostingAlreadyEnded';

/**
 * PO-4, PO-5: a performance assessment of an active posting records the partners who contributed.
 * In `record` mode an assessment recorded after the posting ended (a late PDR) is recorded after
 * `PostingRuleDeparted` (PO-5).
 */
export const assessPerformance =
  (policy: Policy) =>
  (command: AssessPerformanceCommand, state: PostingState): E.Either<PostingRejection, readonly PostingEvent[]> =>
    decideRecordingDepartures(
      policy.enforcement,
      isDepartable,
      (rejection): PostingEvent => ({
        type: 'PostingRuleDeparted',
        data: { postingId: command.postingId, unit: command.unit, rule: 'PO-5', departure: rejection._tag, message: rejection.message, at: command.at },
      }),
      (waived) =>
        pipe(
          checkUnit(state, command.unit),
          E.chain(() => postingAssessed(state, command.postingId, waived)),
          // PO-4: an assessment of the commander in post, so not before the posting started.
          E.chain((posting) =>
            command.at < posting.start ? E.left(assessmentBeforeStart(posting.postingId, posting.start, command.at)) : E.right(posting),
          ),
          E.map((posting) => [performanceAssessed(command, posting)]),
        ),
    );
