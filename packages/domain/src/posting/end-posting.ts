import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { Policy } from '../policy/policy.js';
import type { IsoDate } from '../shared/iso-date.js';
import { judgeEnd, restructureOfEnd } from './early-end.js';
import type { PostingCommand } from './posting-commands.js';
import { activePostingNamed, checkUnit } from './posting-checks.js';
import type { PostingEvent } from './posting-events.js';
import { endBeforeStart, type PostingRejection } from './posting-rejections.js';
import type { ActivePosting, PostingState } from './posting-state.js';
import { noRestructureKnown, type RestructureTouches } from './restructure-touches.js';

/** The `EndPosting` command. */
export type EndPostingCommand = Extract<PostingCommand, { type: 'EndPosting' }>;

/** PO-2: a posting cannot end before it started. */
export const checkEndNotBeforeStart = (posting: ActivePosting, end: IsoDate): E.Either<PostingRejection, ActivePosting> =>
  end < posting.start ? E.left(endBeforeStart(posting.postingId, posting.start, end)) : E.right(posting);

/**
 * PO-2, PO-3, PO-5: a posting ends on `at`. Before its minimum term it needs a reason the policy
 * deems exceptional, shown (the circumstances in `detail`, or the restructure that touches the unit
 * for organisational restructure), and who approved it: refused in `enforce` mode, recorded as a
 * breach in `record` mode. A restructure that does not touch the unit is refused in either mode.
 */
export const endPosting =
  (policy: Policy, touches: RestructureTouches = noRestructureKnown) =>
  (command: EndPostingCommand, state: PostingState): E.Either<PostingRejection, readonly PostingEvent[]> =>
    pipe(
      checkUnit(state, command.unit),
      E.chain(() => activePostingNamed(state, command.postingId)),
      E.chain((posting) => checkEndNotBeforeStart(posting, command.at)),
      E.chain((posting) =>
        pipe(
          restructureOfEnd(touches, command.unit, command),
          E.chain((restructure) =>
            judgeEnd(policy, posting, {
              at: command.at,
              reason: command.reason,
              detail: command.detail,
              approvedBy: command.approvedBy,
              restructure,
            }),
          ),
        ),
      ),
    );
