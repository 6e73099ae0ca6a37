import * as E from 'fp-ts/lib/Either.js';
import { DeciderCommandHandler, getInMemoryEventStore, type InMemoryEventStore } from '@event-driven-io/emmett';
import { postingDecider, postingStream, type PostingCommand, type PostingEvent, type PostingState, type Policy } from '@borough-command/domain';

/** A posting command as Emmett takes commands: its type, and the command itself as data. */
export interface EmmettPostingCommand {
  readonly type: PostingCommand['type'];
  readonly data: PostingCommand;
}

/** The posting workload's side in Emmett: its in-memory event store and a command handler over the same posting decider. */
export interface EmmettPostings {
  readonly store: InMemoryEventStore;
  /** Handles one command on its unit's stream; a rejection or a store error is an error in words. */
  readonly handle: (command: PostingCommand) => Promise<E.Either<string, void>>;
  /** Reads one stream and folds it with the decider's `evolve`, through Emmett's `aggregateStream`. */
  readonly aggregate: (stream: string) => Promise<{ readonly state: PostingState; readonly events: number }>;
}

/**
 * Our posting decider under Emmett's `DeciderCommandHandler` and in-memory event store: the same
 * `decide` and `evolve`, a rejection thrown as Emmett expects. Emmett checks no event against a
 * schema; it stamps each event with a random message id and its positions.
 */
export const emmettPostings = (policy: Policy): EmmettPostings => {
  const decider = postingDecider(policy);
  const store = getInMemoryEventStore();
  const evolve = (state: PostingState, event: PostingEvent): PostingState => decider.evolve(state, event);
  const initialState = (): PostingState => decider.initialState;
  const handler = DeciderCommandHandler<PostingState, EmmettPostingCommand, PostingEvent>({
    decide: (command, state) => {
      const decided = decider.decide(command.data, state);
      if (E.isLeft(decided)) throw new Error(`${decided.left.rule}: ${decided.left._tag}`);
      return [...decided.right];
    },
    evolve,
    initialState,
  });
  return {
    store,
    handle: async (command) => {
      try {
        await handler(store, postingStream(command.unit), { type: command.type, data: command });
        return E.right(undefined);
      } catch (cause) {
        return E.left(`Emmett refused ${command.type} ${command.commandId}: ${String(cause)}`);
      }
    },
    aggregate: async (stream) => {
      const read = await store.aggregateStream<PostingState, PostingEvent>(stream, { evolve, initialState });
      return { state: read.state, events: Number(read.currentStreamVersion) };
    },
  };
};
