import type * as E from 'fp-ts/lib/Either.js';

/**
 * An aggregate as pure functions: `decide` turns a command and the current state into events or a
 * rejection, `evolve` folds one event into the state. No I/O, no clock, no randomness.
 */
export interface Decider<Command, State, Event, Rejection> {
  /** Decides what a command leads to in a state: the events to record, or why not. */
  readonly decide: (command: Command, state: State) => E.Either<Rejection, readonly Event[]>;
  /** The state after one more event. */
  readonly evolve: (state: State, event: Event) => State;
  /** The state of a stream with no events. */
  readonly initialState: State;
  /** Tells whether the state accepts no further command. */
  readonly isTerminal: (state: State) => boolean;
}

/** Folds a list of events into a state, from the decider's initial state. */
export const foldEvents = <Command, State, Event, Rejection>(
  decider: Decider<Command, State, Event, Rejection>,
  events: Iterable<Event>,
  from: State = decider.initialState,
): State => {
  let state = from;
  for (const event of events) state = decider.evolve(state, event);
  return state;
};
