import { isDeepStrictEqual } from 'node:util';
import * as E from 'fp-ts/lib/Either.js';
import {
  type BoroughCommand,
  type DomainCommand,
  type DomainCommandError,
  type DomainEvent,
  type DomainRejection,
  type FailedReaction,
  type IsoDate,
} from '@borough-command/domain';
import { describeStoreError, type EventStore, type RecordedEvent } from '@borough-command/domain/eventsourcing';
import type { BoroughCommandViews, ProjectionRunner } from '@borough-command/projections';

/** A runner following the store, and the views it feeds. */
export interface FollowingViews {
  readonly views: BoroughCommandViews;
  readonly runner: ProjectionRunner;
}

/** How often each kind of step was accepted and refused in a model check. */
export type StepTally = Map<string, { accepted: number; refused: number }>;

/** The system a model run drives: the domain service over a store, and the views. */
export interface SystemUnderTest {
  readonly store: EventStore<DomainEvent>;
  readonly service: BoroughCommand;
  /** The views a runner keeps up to date, when the run checks them. */
  readonly following: FollowingViews | undefined;
  /** Whether views rebuilt from the store are checked after every step. */
  readonly rebuild: boolean;
  /** The date commands are recorded on (the service's clock reads it). */
  today: IsoDate;
  /** The global position of the last event seen. */
  position: bigint | undefined;
  readonly tally: StepTally;
}

/** What executing one command did. */
export type Executed =
  | {
      readonly outcome: 'accepted';
      readonly events: readonly RecordedEvent<DomainEvent>[];
      readonly failedReactions: readonly FailedReaction[];
    }
  | { readonly outcome: 'refused'; readonly rejection: DomainRejection };

/** Throws a model violation unless the condition holds. */
export const ensure = (condition: boolean, what: () => string): void => {
  if (!condition) throw new Error(`the system breaks the model: ${what()}`);
};

/** Throws a model violation unless two values are deeply equal. */
export const ensureEqual = (actual: unknown, expected: unknown, what: string): void => {
  ensure(isDeepStrictEqual(actual, expected), () => `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
};

const describeError = (error: DomainCommandError): string =>
  error._tag === 'CommandRejected'
    ? `${error.rejection.rule} ${error.rejection._tag}: ${error.rejection.message}`
    : error._tag === 'TooManyConflicts'
      ? `too many conflicts on ${error.stream}`
      : describeStoreError(error);

/** The events appended since the last position seen, which then moves on. */
export const newEvents = async (real: SystemUnderTest): Promise<readonly RecordedEvent<DomainEvent>[]> => {
  const events: RecordedEvent<DomainEvent>[] = [];
  for await (const page of real.store.readAll(real.position === undefined ? {} : { after: real.position })) {
    if (E.isLeft(page)) throw new Error(`reading the store failed: ${describeStoreError(page.left)}`);
    events.push(...page.right);
  }
  const last = events.at(-1);
  if (last !== undefined) real.position = last.position;
  return events;
};

/**
 * Executes one command through the service with its process managers. A refusal must write nothing:
 * the store's log must not have moved. Any error other than a refusal breaks the model.
 */
export const execute = async (real: SystemUnderTest, command: DomainCommand): Promise<Executed> => {
  real.today = command.at;
  const result = await real.service.execute(command, { actor: 'model' })();
  const written = await newEvents(real);
  if (E.isLeft(result)) {
    const error = result.left;
    ensure(error._tag === 'CommandRejected', () => `${command.type} failed without a rejection: ${describeError(error)}`);
    ensure(written.length === 0, () => {
      const types = written.map((event) => event.event.type).join(', ');
      return `the refused ${command.type} wrote ${String(written.length)} event(s): ${types}`;
    });
    return { outcome: 'refused', rejection: (error as Extract<DomainCommandError, { _tag: 'CommandRejected' }>).rejection };
  }
  return { outcome: 'accepted', events: written, failedReactions: result.right.failedReactions };
};

/** Executes a command the model says is accepted, and returns what it wrote. */
export const accepted = async (real: SystemUnderTest, command: DomainCommand): Promise<Extract<Executed, { outcome: 'accepted' }>> => {
  const result = await execute(real, command);
  ensure(result.outcome === 'accepted', () =>
    result.outcome === 'refused' ? `${command.type} was refused where the model accepts it: ${result.rejection.rule} ${result.rejection.message}` : '',
  );
  return result as Extract<Executed, { outcome: 'accepted' }>;
};

/** Executes a command the model says is refused under a rule, and checks the rule. */
export const refused = async (real: SystemUnderTest, command: DomainCommand, rule: string): Promise<void> => {
  const result = await execute(real, command);
  ensure(result.outcome === 'refused', () => `${command.type} was accepted where the model refuses it under ${rule}`);
  if (result.outcome === 'refused') ensureEqual(result.rejection.rule, rule, `the rule refusing ${command.type}`);
};

/** Counts a step as accepted or refused. */
export const count = (real: SystemUnderTest, kind: string, outcome: 'accepted' | 'refused'): void => {
  const entry = real.tally.get(kind) ?? { accepted: 0, refused: 0 };
  entry[outcome] += 1;
  real.tally.set(kind, entry);
};
