/** Commands told through the domain service, as an auditor records history, in a given mode. */
import * as E from 'fp-ts/lib/Either.js';
import { createBoroughCommand, domainEventRegistry, type DomainCommand, type DomainEvent, type Policy } from '@borough-command/domain';
import { createInMemoryStore, type EventStore } from '@borough-command/domain/eventsourcing';

/** The store the commands went to, and the first refusal as `<commandId> <rule> <tag>` (undefined when none was refused). */
export interface CommandsRun {
  readonly store: EventStore<DomainEvent>;
  readonly refused: string | undefined;
}

/** Runs the commands in order through a fresh service over an in-memory store, under `policy`; the first refusal stops the run. */
export const runCommandsUnder = async (policy: Policy, commands: readonly DomainCommand[]): Promise<CommandsRun> => {
  const store: EventStore<DomainEvent> = createInMemoryStore(domainEventRegistry);
  const service = createBoroughCommand({ store, policy });
  for (const command of commands) {
    const outcome = await service.execute(command, { actor: 'auditor' })();
    if (E.isLeft(outcome)) {
      const why = outcome.left._tag === 'CommandRejected' ? `${outcome.left.rejection.rule} ${outcome.left.rejection._tag}` : outcome.left._tag;
      return { store, refused: `${command.commandId} ${why}` };
    }
  }
  return { store, refused: undefined };
};
