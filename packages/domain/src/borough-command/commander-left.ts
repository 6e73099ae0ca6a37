import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from '../eventsourcing/decider.js';
import type { StoreError } from '../eventsourcing/errors.js';
import type { EventStore } from '../eventsourcing/event-store.js';
import type { PostingCommand } from '../posting/posting-commands.js';
import type { PostingEvent } from '../posting/posting-events.js';
import { activePostings, endedPostings } from '../posting/posting-queries.js';
import type { PostingRejection } from '../posting/posting-rejections.js';
import type { EndedPosting, PostingState } from '../posting/posting-state.js';
import type { RestructureCommand } from '../restructure/restructure-commands.js';
import { postingStream } from '../shared/streams.js';
import type { DomainEvent } from './domain-events.js';
import { isPostingEvent } from './membership.js';

type RecordBcuCommanderLeft = Extract<RestructureCommand, { type: 'RecordBcuCommanderLeft' }>;

/** The BCU commander's posting that ended last, when no BCU-commander posting of the BCU is active. */
const lastCommanderGone = (state: PostingState): EndedPosting | undefined => {
  if (activePostings(state).some((posting) => posting.role === 'bcu-commander')) return undefined;
  return endedPostings(state)
    .filter((posting) => posting.role === 'bcu-commander')
    .reduce<EndedPosting | undefined>((last, posting) => (last === undefined || posting.end >= last.end ? posting : last), undefined);
};

/**
 * RS-4: before a BCU's next commander is appointed, or the BCU goes live, the commander whose
 * posting on the BCU ended with no successor named (`EndPosting`) is recorded as having left the
 * BCU: the command that records it, when the BCU's postings show no BCU commander in post and one
 * who left on or before the command's day. The restructure records it only if that officer still
 * commands the BCU there, once.
 * Nothing is written here.
 */
export const commanderLeftCommand = async (
  store: EventStore<DomainEvent>,
  decider: Decider<PostingCommand, PostingState, PostingEvent, PostingRejection>,
  command: RestructureCommand,
): Promise<E.Either<StoreError, RecordBcuCommanderLeft | undefined>> => {
  if (command.type !== 'AppointBcuCommander' && command.type !== 'TakeBcuLive') return E.right(undefined);
  const read = await store.readStream(postingStream({ kind: 'bcu', name: command.bcu }))();
  if (E.isLeft(read)) return read.left._tag === 'StreamNotFound' ? E.right(undefined) : read;
  const state = read.right.reduce((folded, recorded) => (isPostingEvent(recorded.event) ? decider.evolve(folded, recorded.event) : folded), decider.initialState);
  const gone = lastCommanderGone(state);
  // A departure after the command's day is not the command's business (a command sent again, say).
  if (gone === undefined || gone.end > command.at) return E.right(undefined);
  return E.right({
    type: 'RecordBcuCommanderLeft',
    commandId: `RS-4 ${gone.officer.id} left ${command.bcu}: ${gone.postingId}`.slice(0, 200),
    at: gone.end,
    restructureId: command.restructureId,
    bcu: command.bcu,
    officer: gone.officer,
    postingId: gone.postingId,
  });
};
