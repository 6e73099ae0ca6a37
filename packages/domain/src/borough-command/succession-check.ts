import * as E from 'fp-ts/lib/Either.js';
import type { CommandRejected } from '../eventsourcing/command-handler.js';
import type { Decider } from '../eventsourcing/decider.js';
import type { EventStore } from '../eventsourcing/event-store.js';
import type { StoreError } from '../eventsourcing/errors.js';
import type { PostingCommand } from '../posting/posting-commands.js';
import type { PostingEvent } from '../posting/posting-events.js';
import type { PostingRejection } from '../posting/posting-rejections.js';
import { substantiveCommander } from '../posting/posting-queries.js';
import type { PostingState } from '../posting/posting-state.js';
import type { RestructureCommand } from '../restructure/restructure-commands.js';
import { postingStream } from '../shared/streams.js';
import type { DomainEvent } from './domain-events.js';
import { isPostingEvent } from './membership.js';
import { bcuCommanderPosting } from './process-managers.js';

/**
 * RS-4, PO-3: a successor's appointment to a BCU is refused when the predecessor's departure it
 * records would be: the posting decider is asked first, over the BCU's postings, so the restructure
 * never names a commander whose posting the postings refuse to start. Nothing is written here.
 */
export const checkSuccession = async (
  store: EventStore<DomainEvent>,
  decider: Decider<PostingCommand, PostingState, PostingEvent, PostingRejection>,
  command: RestructureCommand,
): Promise<E.Either<CommandRejected<PostingRejection> | StoreError, void>> => {
  if (command.type !== 'AppointBcuCommander' || command.predecessorLeaves === undefined) return E.right(undefined);
  const unit = { kind: 'bcu', name: command.bcu } as const;
  const stream = postingStream(unit);
  const read = await store.readStream(stream)();
  if (E.isLeft(read)) return read.left._tag === 'StreamNotFound' ? E.right(undefined) : read;
  const state = read.right.reduce((folded, recorded) => (isPostingEvent(recorded.event) ? decider.evolve(folded, recorded.event) : folded), decider.initialState);
  const holder = substantiveCommander(state, 'bcu-commander');
  if (holder === undefined) return E.right(undefined);
  const { predecessorLeaves } = command;
  const trial = bcuCommanderPosting(
    {
      restructureId: command.restructureId,
      bcu: command.bcu,
      officer: command.officer,
      interim: command.interim,
      live: true,
      predecessor: holder.officer,
      predecessorLeaves: { reason: predecessorLeaves.reason, detail: predecessorLeaves.detail ?? null, approvedBy: predecessorLeaves.approvedBy ?? null },
      at: command.at,
    },
    `${command.commandId} (succession check)`,
  );
  const decided = decider.decide(trial, state);
  return E.isLeft(decided) ? E.left({ _tag: 'CommandRejected', stream, rejection: decided.left }) : E.right(undefined);
};
