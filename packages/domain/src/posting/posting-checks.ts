import * as E from 'fp-ts/lib/Either.js';
import type { CommandUnit } from '../shared/vocabulary.js';
import { postingAlreadyEnded, postingUnitMismatch, unknownPosting, type PostingRejection } from './posting-rejections.js';
import { findPosting } from './posting-queries.js';
import type { ActivePosting, PostingState } from './posting-state.js';

/** Tells whether two command units are the same unit. */
export const sameUnit = (a: CommandUnit, b: CommandUnit): boolean => a.kind === b.kind && a.name === b.name;

/** PO-1: every command of a stream names the unit of its first posting; any unit suits an empty stream. */
export const checkUnit = (state: PostingState, unit: CommandUnit): E.Either<PostingRejection, CommandUnit> =>
  state.unit === null || sameUnit(state.unit, unit) ? E.right(unit) : E.left(postingUnitMismatch(state.unit, unit));

/** PO-5: the active posting a command names; an unknown or ended posting is refused. */
export const activePostingNamed = (state: PostingState, postingId: string): E.Either<PostingRejection, ActivePosting> => {
  const posting = findPosting(state, postingId);
  if (posting === undefined) return E.left(unknownPosting(postingId));
  // PO-5: an ended posting accepts no further command.
  if (posting.status === 'ended') return E.left(postingAlreadyEnded(postingId, posting.end));
  return E.right(posting);
};
