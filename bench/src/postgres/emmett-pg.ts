import * as E from 'fp-ts/lib/Either.js';
import { DeciderCommandHandler } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore, postgreSQLEventStoreConsumer } from '@event-driven-io/emmett-postgresql';
import { isPostingEvent, postingDecider, postingStream, type Policy, type PostingEvent, type PostingState } from '@borough-command/domain';
import type { EmmettPostingCommand } from '../emmett/emmett-posting.js';
import type { PostgresSide } from './pg-side.js';

/** Events a catch-up pulls per batch, on both sides. */
const CATCH_UP_BATCH = 500;

/**
 * Emmett's side on PostgreSQL: `getPostgreSQLEventStore` in a database of its own (schema
 * migrated before the clock starts), `DeciderCommandHandler` over the same posting decider (a
 * rejection thrown as Emmett expects; Emmett checks no event against a schema), and catch-up
 * through a consumer with one reactor from the beginning, stopping when no message is left (each
 * catch-up a new processor id, so each reads from the first event; no pause between batches),
 * folded per stream. Emmett's PostgreSQL reactor stores its checkpoint after every message.
 */
export const emmettOnPostgres = async (policy: Policy, connectionString: string): Promise<E.Either<string, PostgresSide>> => {
  const store = getPostgreSQLEventStore(connectionString);
  await store.schema.migrate();
  const decider = postingDecider(policy);
  const evolve = (state: PostingState, event: PostingEvent): PostingState => decider.evolve(state, event);
  const handler = DeciderCommandHandler<PostingState, EmmettPostingCommand, PostingEvent>({
    decide: (command, state) => {
      const decided = decider.decide(command.data, state);
      if (E.isLeft(decided)) throw new Error(`${decided.left.rule}: ${decided.left._tag}`);
      return [...decided.right];
    },
    evolve,
    initialState: () => decider.initialState,
  });
  let catchUps = 0;
  return E.right({
    handle: async (command) => {
      try {
        await handler(store, postingStream(command.unit), { type: command.type, data: command });
        return E.right(undefined);
      } catch (cause) {
        return E.left(`Emmett refused ${command.type} ${command.commandId}: ${String(cause)}`);
      }
    },
    catchUp: async () => {
      catchUps += 1;
      const states = new Map<string, PostingState>();
      let events = 0;
      let problem: string | undefined;
      const consumer = postgreSQLEventStoreConsumer<PostingEvent>({ connectionString, stopWhen: { noMessagesLeft: true }, pulling: { batchSize: CATCH_UP_BATCH, pullingFrequencyInMs: 0 } });
      consumer.reactor({
        processorId: `bench-catch-up-${String(catchUps)}`,
        startFrom: 'BEGINNING',
        eachMessage: (message) => {
          const event = { type: message.type, data: message.data } as PostingEvent;
          const stream = message.metadata.streamName;
          if (!isPostingEvent(event)) problem ??= `Emmett: ${stream} holds a ${message.type}`;
          else states.set(stream, evolve(states.get(stream) ?? decider.initialState, event));
          events += 1;
        },
      });
      try {
        await consumer.start();
      } finally {
        await consumer.close();
      }
      return problem === undefined ? E.right({ events, states }) : E.left(problem);
    },
    close: () => store.close(),
  });
};
