import type { CommanderRole } from '../shared/vocabulary.js';
import type { ActivePosting, EndedPosting, PostingRecord, PostingState } from './posting-state.js';

/** The posting with this id in the unit, active or ended, if any. */
export const findPosting = (state: PostingState, postingId: string): PostingRecord | undefined =>
  state.postings.find((posting) => posting.postingId === postingId);

/** The postings of the unit whose holders are in post, in the order they started. */
export const activePostings = (state: PostingState): readonly ActivePosting[] =>
  state.postings.filter((posting): posting is ActivePosting => posting.status === 'active');

/** The postings of the unit that have ended, in the order they started. */
export const endedPostings = (state: PostingState): readonly EndedPosting[] =>
  state.postings.filter((posting): posting is EndedPosting => posting.status === 'ended');

/** PO-1: the substantive holder of a role in the unit, if the role has one. */
export const substantiveCommander = (state: PostingState, role: CommanderRole): ActivePosting | undefined =>
  activePostings(state).find((posting) => posting.role === role && !posting.acting);

/** PO-1: the acting commander covering a vacancy in a role, if any. */
export const actingCommander = (state: PostingState, role: CommanderRole): ActivePosting | undefined =>
  activePostings(state).find((posting) => posting.role === role && posting.acting);

/** PO-1: every acting commander of a role (one, unless `record` mode recorded another beside it), in the order they started. */
export const actingCommanders = (state: PostingState, role: CommanderRole): readonly ActivePosting[] =>
  activePostings(state).filter((posting) => posting.role === role && posting.acting);

/** PO-1: whoever holds a role in the unit now, substantive or acting. */
export const currentCommander = (state: PostingState, role: CommanderRole): ActivePosting | undefined =>
  substantiveCommander(state, role) ?? actingCommander(state, role);
