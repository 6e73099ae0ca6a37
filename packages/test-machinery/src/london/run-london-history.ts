import * as E from 'fp-ts/lib/Either.js';
import {
  createBoroughCommand,
  domainEventRegistry,
  type BoroughCommand,
  type DomainCommandError,
  type DomainEvent,
  type IsoDate,
} from '@borough-command/domain';
import { createInMemoryStore, describeStoreError, type EventStore, type RecordedEvent } from '@borough-command/domain/eventsourcing';
import { createViews, projectionsOf, type BoroughCommandViews } from '@borough-command/projections';
import type { LondonHistory } from '@borough-command/cli/london-history';

/** Where to run a history; each field has a default. */
export interface RunLondonHistoryOptions {
  /** The store to write to; a fresh in-memory store over `domainEventRegistry` by default. */
  readonly store?: EventStore<DomainEvent>;
  /** Who sends the commands; `london-history` by default. */
  readonly actor?: string;
}

/** A history run through the domain service: the store, every event it recorded, and the six views over them. */
export interface LondonHistoryRun {
  readonly store: EventStore<DomainEvent>;
  readonly service: BoroughCommand;
  /** Every event in the store, in global order. */
  readonly events: readonly RecordedEvent<DomainEvent>[];
  /** The six views (TE-1 to AU-1) under the history's policy, fed every event. */
  readonly views: BoroughCommandViews;
}

const describeCommandError = (error: DomainCommandError): string =>
  error._tag === 'CommandRejected'
    ? `${error.rejection.rule} ${error.rejection._tag}: ${error.rejection.message}`
    : error._tag === 'TooManyConflicts'
      ? `too many conflicts on ${error.stream}`
      : describeStoreError(error);

/** Reads every event of a store in global order. */
export const readAllEvents = async <E extends DomainEvent>(store: EventStore<E>): Promise<readonly RecordedEvent<E>[]> => {
  const events: RecordedEvent<E>[] = [];
  for await (const page of store.readAll()) {
    if (E.isLeft(page)) throw new Error(`reading the store failed: ${describeStoreError(page.left)}`);
    events.push(...page.right);
  }
  return events;
};

/**
 * Executes a generated history's commands in order through `createBoroughCommand` with every
 * process manager (AP-12, PO-6, RS-4), under the history's policy; each event is stamped as
 * recorded at noon on its command's date, so the same history always records the same events.
 * Throws if a command or a process manager's reaction is refused: a generated history is valid,
 * so a refusal is a bug in the generator or in the domain, and the message names the command.
 */
export const runLondonHistory = async (history: LondonHistory, options: RunLondonHistoryOptions = {}): Promise<LondonHistoryRun> => {
  const store = options.store ?? createInMemoryStore(domainEventRegistry);
  let today: IsoDate = history.from;
  const service = createBoroughCommand({ store, policy: history.policy, clock: () => new Date(`${today}T12:00:00.000Z`) });
  const actor = options.actor ?? 'london-history';
  for (const [index, command] of history.commands.entries()) {
    today = command.at;
    const executed = await service.execute(command, { actor })();
    if (E.isLeft(executed)) {
      throw new Error(`command #${String(index)} ${command.type} (${command.commandId}, ${command.at}) was refused: ${describeCommandError(executed.left)}`);
    }
    const [failed] = executed.right.failedReactions;
    if (failed !== undefined) {
      const reaction = `the reaction ${failed.command.type} (${failed.command.commandId})`;
      throw new Error(`${reaction} to command #${String(index)} ${command.type} (${command.commandId}) was refused: ${describeCommandError(failed.error)}`);
    }
  }
  const events = await readAllEvents(store);
  const views = createViews(history.policy);
  const projections = projectionsOf(views);
  for (const event of events) for (const projection of projections) projection.apply(event);
  return { store, service, events, views };
};
