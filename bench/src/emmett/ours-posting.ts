import * as E from 'fp-ts/lib/Either.js';
import {
  domainEventRegistry,
  isPostingEvent,
  postingDecider,
  postingStream,
  type DomainEvent,
  type PostingCommand,
  type PostingState,
  type Policy,
} from '@borough-command/domain';
import { createCommandHandler, createInMemoryStore, type EventStore } from '@borough-command/domain/eventsourcing';
import { fixedClock } from '../commands/fixed-clock.js';

/** The posting workload's side in this project: the in-memory store and the kernel's command handler over the posting decider. */
export interface OurPostings {
  readonly store: EventStore<DomainEvent>;
  /** Handles one command on its unit's stream; a rejection or a store error is an error in words. */
  readonly handle: (command: PostingCommand) => Promise<E.Either<string, void>>;
  /** Reads one stream and folds it with the decider's `evolve`. */
  readonly aggregate: (stream: string) => Promise<E.Either<string, { readonly state: PostingState; readonly events: number }>>;
}

/**
 * Our posting decider under the kernel's command handler on the in-memory store (keeping folded
 * streams as it does by default, or with `cachedStreams` given, e.g. 0 to fold every stream from
 * its start for every command): every event is
 * checked by its io-ts codec when appended (encoded, then decoded back), gets an id derived from
 * its command (uuid v5) and its metadata, and the stream is searched for the command id first.
 */
export const ourPostings = (policy: Policy, cachedStreams?: number): OurPostings => {
  const decider = postingDecider(policy);
  const store = createInMemoryStore(domainEventRegistry);
  const handler = createCommandHandler({
    store,
    decider,
    belongs: isPostingEvent,
    streamOf: (command) => postingStream(command.unit),
    clock: fixedClock,
    ...(cachedStreams === undefined ? {} : { cachedStreams }),
  });
  return {
    store,
    handle: async (command) => {
      const handled = await handler(command, { actor: 'bench' })();
      return E.isLeft(handled) ? E.left(`${command.type} ${command.commandId} failed: ${JSON.stringify(handled.left)}`) : E.right(undefined);
    },
    aggregate: async (stream) => {
      const read = await store.readStream(stream)();
      if (E.isLeft(read)) return E.left(`cannot read ${stream}: ${read.left._tag}`);
      let state = decider.initialState;
      for (const recorded of read.right) {
        if (!isPostingEvent(recorded.event)) return E.left(`${stream} holds a ${recorded.event.type}`);
        state = decider.evolve(state, recorded.event);
      }
      return E.right({ state, events: read.right.length });
    },
  };
};
