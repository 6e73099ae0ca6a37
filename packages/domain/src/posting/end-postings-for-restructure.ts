import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { IsoDate } from '../shared/iso-date.js';
import type { PostingCommand } from './posting-commands.js';
import { checkUnit } from './posting-checks.js';
import { postingEnded } from './posting-ended-event.js';
import type { PostingEvent } from './posting-events.js';
import { describeUnit, endBeforeStart, restructureDoesNotTouchUnit, type PostingRejection } from './posting-rejections.js';
import { activePostings } from './posting-queries.js';
import type { ActivePosting, PostingState } from './posting-state.js';
import { noRestructureKnown, type RestructureTouch, type RestructureTouches } from './restructure-touches.js';

/** The `EndPostingsForRestructure` command. */
export type EndPostingsForRestructureCommand = Extract<PostingCommand, { type: 'EndPostingsForRestructure' }>;

/** PO-6: what a restructure end says: the borough joined the BCU, or the BCU itself was restructured. */
export const restructureDetail = (command: EndPostingsForRestructureCommand): string =>
  command.unit.kind === 'borough' ? `${describeUnit(command.unit)} joined BCU ${command.bcu}` : `BCU ${command.bcu} restructured`;

// PO-2: no posting ends before it started, a restructure's included.
const checkNoneStartsLater = (
  postings: readonly ActivePosting[],
  end: IsoDate,
): E.Either<PostingRejection, readonly ActivePosting[]> => {
  const later = postings.find((posting) => end < posting.start);
  return later === undefined ? E.right(postings) : E.left(endBeforeStart(later.postingId, later.start, end));
};

/** PO-3, PO-6: the restructure the end names (when the command names one), as its stream records it touching the unit. */
const touchOf = (
  touches: RestructureTouches,
  command: EndPostingsForRestructureCommand,
): E.Either<PostingRejection, RestructureTouch | null> => {
  if (command.restructureId === undefined) return E.right(null);
  const named = {
    restructureId: command.restructureId,
    bcu: command.bcu,
    ...(command.causedBy === undefined ? {} : { eventId: command.causedBy }),
  };
  const touch = touches(named, command.unit, command.at);
  return touch === undefined ? E.left(restructureDoesNotTouchUnit(named, command.unit, command.at)) : E.right(touch);
};

/**
 * PO-6: the unit joined a BCU (or its BCU was dissolved or withdrawn): every active posting
 * (substantive, acting and designate, all roles) ends on `at` for organisational restructure, which
 * is exceptional and never a breach, whatever the policy's mode or the minimum term; the end names
 * the restructure and the event that caused it when the command does (PO-3). With no active posting
 * nothing happens, so running it twice changes nothing.
 */
export const endPostingsForRestructure =
  (touches: RestructureTouches = noRestructureKnown) =>
  (command: EndPostingsForRestructureCommand, state: PostingState): E.Either<PostingRejection, readonly PostingEvent[]> =>
  pipe(
    checkUnit(state, command.unit),
    E.chain(() => checkNoneStartsLater(activePostings(state), command.at)),
    E.chain((postings) => pipe(touchOf(touches, command), E.map((restructure) => ({ postings, restructure })))),
    E.map(({ postings, restructure }) =>
      postings.map((posting) =>
        postingEnded(posting, {
          end: command.at,
          reason: 'organisational-restructure',
          detail: restructureDetail(command),
          approvedBy: null,
          // PO-6: exceptional whatever the policy's list of reasons, so never a breach of PO-3.
          exceptional: true,
          restructure,
        }),
      ),
    ),
  );
