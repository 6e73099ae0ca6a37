import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { PostingCommand } from './posting-commands.js';
import { activePostingNamed, checkUnit } from './posting-checks.js';
import type { PostingEvent } from './posting-events.js';
import { assessmentBeforeStart, type PostingRejection } from './posting-rejections.js';
import type { ActivePosting, PostingState } from './posting-state.js';

/** The `AssessPerformance` command. */
export type AssessPerformanceCommand = Extract<PostingCommand, { type: 'AssessPerformance' }>;

const performanceAssessed = (command: AssessPerformanceCommand, posting: ActivePosting): PostingEvent => ({
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

/** PO-4, PO-5: a performance assessment of an active posting records the partners who contributed. */
export const assessPerformance = (command: AssessPerformanceCommand, state: PostingState): E.Either<PostingRejection, readonly PostingEvent[]> =>
  pipe(
    checkUnit(state, command.unit),
    E.chain(() => activePostingNamed(state, command.postingId)),
    // PO-4: an assessment of the commander in post, so not before the posting started.
    E.chain((posting) =>
      command.at < posting.start ? E.left(assessmentBeforeStart(posting.postingId, posting.start, command.at)) : E.right(posting),
    ),
    E.map((posting) => [performanceAssessed(command, posting)]),
  );
