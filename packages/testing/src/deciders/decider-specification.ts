import * as E from 'fp-ts/lib/Either.js';
import { expect } from 'vitest';
import type { Decider } from '@borough-command/domain/eventsourcing';

/** What a decider specification expects: the events emitted, or a rejection matching these fields. */
export type DeciderExpectation<Event, Rejection> = readonly Event[] | Partial<Rejection>;

/** The `then` step of a decider specification. */
export interface DeciderThen<Event, Rejection> {
  /** The decision itself, for assertions of your own. */
  readonly result: E.Either<Rejection, readonly Event[]>;
  /** Asserts the emitted events (an array) or a rejection whose fields include the given ones. */
  readonly then: (expected: DeciderExpectation<Event, Rejection>) => void;
}

/** The `when` step of a decider specification. */
export interface DeciderWhen<Command, Event, Rejection> {
  readonly when: (command: Command) => DeciderThen<Event, Rejection>;
}

/**
 * Given/when/then for a decider: `given(events).when(command).then(events | rejection)`. The state
 * is the fold of the given events; `then` with an array expects exactly those events, with an
 * object expects a rejection containing those fields (e.g. `{ rule: 'AP-3' }`).
 */
export const deciderSpecification =
  <Command, State, Event, Rejection>(decider: Decider<Command, State, Event, Rejection>) =>
  (given: readonly Event[]): DeciderWhen<Command, Event, Rejection> => ({
    when: (command) => {
      const state = given.reduce(decider.evolve, decider.initialState);
      const result = decider.decide(command, state);
      return {
        result,
        then: (expected) => {
          if (Array.isArray(expected)) {
            if (E.isLeft(result)) {
              expect.fail(`expected events but the command was rejected: ${JSON.stringify(result.left)}`);
            } else {
              expect(result.right).toEqual(expected);
            }
          } else if (E.isRight(result)) {
            expect.fail(`expected a rejection ${JSON.stringify(expected)} but got events: ${JSON.stringify(result.right)}`);
          } else {
            expect(result.left).toMatchObject(expected);
          }
        },
      };
    },
  });
