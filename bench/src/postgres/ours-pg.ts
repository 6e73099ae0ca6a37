import * as E from 'fp-ts/lib/Either.js';
import { domainEventRegistry, isPostingEvent, postingDecider, postingStream, type Policy, type PostingState } from '@borough-command/domain';
import { createCommandHandler } from '@borough-command/domain/eventsourcing';
import { createPostgresStore, migratePostgresSchema } from '@borough-command/postgres';
import { fixedClock } from '../commands/fixed-clock.js';
import type { PostgresSide } from './pg-side.js';

/**
 * Our side on PostgreSQL: `@borough-command/postgres` in a database of its own (schema migrated
 * before the clock starts), the kernel's command handler over the posting decider (keeping folded
 * streams as it does by default, or with `cachedStreams` given, e.g. 0 to read and fold every
 * stream from its start for every command, as Emmett's does; every event encoded and decoded back
 * by its io-ts codec on append), and catch-up through `readAll` (every
 * event decoded by its codec again), folded per stream with the decider's `evolve`.
 */
export const oursOnPostgres = async (policy: Policy, connectionString: string, cachedStreams?: number): Promise<E.Either<string, PostgresSide>> => {
  const migrated = await migratePostgresSchema({ connectionString })();
  if (E.isLeft(migrated)) return E.left(`cannot migrate our schema: ${migrated.left._tag}`);
  const opened = createPostgresStore(domainEventRegistry, { connectionString });
  if (E.isLeft(opened)) return E.left(`cannot open our store: ${opened.left._tag}`);
  const store = opened.right;
  const decider = postingDecider(policy);
  const handler = createCommandHandler({
    store,
    decider,
    belongs: isPostingEvent,
    streamOf: (command) => postingStream(command.unit),
    clock: fixedClock,
    ...(cachedStreams === undefined ? {} : { cachedStreams }),
  });
  return E.right({
    handle: async (command) => {
      const handled = await handler(command, { actor: 'bench' })();
      return E.isLeft(handled) ? E.left(`ours: ${command.type} ${command.commandId} failed: ${JSON.stringify(handled.left)}`) : E.right(undefined);
    },
    catchUp: async () => {
      const states = new Map<string, PostingState>();
      let events = 0;
      for await (const page of store.readAll({ pageSize: 500 })) {
        if (E.isLeft(page)) return E.left(`ours: catch-up failed: ${page.left._tag}`);
        for (const recorded of page.right) {
          if (!isPostingEvent(recorded.event)) return E.left(`ours: ${recorded.stream} holds a ${recorded.event.type}`);
          states.set(recorded.stream, decider.evolve(states.get(recorded.stream) ?? decider.initialState, recorded.event));
          events += 1;
        }
      }
      return E.right({ events, states });
    },
    close: () => store.close(),
  });
};
