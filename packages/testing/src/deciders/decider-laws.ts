import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import type { Decider, EventLocation, StoredEventData } from '@borough-command/domain/eventsourcing';

// ---------------------------------------------------------------- the laws

/** The laws every decider must satisfy, by key, each with the sentence a failure reports. */
export const deciderLaws = {
  deterministic: 'a rejected command emits nothing and changes nothing: every decision is deterministic and a rejection names its rule',
  terminal: 'a terminal state rejects every command',
  evolveTotal: 'evolve is total over valid histories',
  replay: 'deciding from a replayed state equals deciding from the live state',
  eventsValid: 'accepted events are valid',
} as const;

/** The key of one decider law. */
export type DeciderLaw = keyof typeof deciderLaws;

// ---------------------------------------------------------------- inputs and outputs

/** A valid history: commands the decider accepted one after the other, and the events they recorded. */
export interface DeciderHistory<Command, Event> {
  readonly commands: readonly Command[];
  readonly events: readonly Event[];
}

/** A valid history as the laws take it: its events alone, or its commands with their events. */
export type DeciderLawHistory<Command, Event> = readonly Event[] | DeciderHistory<Command, Event>;

/** The part of a codec registry the laws use (a `CodecRegistry` fits): encode to the stored form and decode it back. */
export interface DeciderLawCodecs<Event> {
  /** Validates an event and returns its stored, JSON-compatible form. */
  readonly encode: (event: Event, where: EventLocation) => E.Either<unknown, StoredEventData>;
  /** Decodes a stored event. */
  readonly decode: (stored: StoredEventData, where: EventLocation) => E.Either<unknown, unknown>;
}

/** What `checkDeciderLaws` checks a decider with, and how many cases it tries. */
export interface DeciderLawsOptions<Command, State, Event, Rejection, History extends DeciderLawHistory<Command, Event>> {
  /** The decider under test. */
  readonly decider: Decider<Command, State, Event, Rejection>;
  /** Valid histories of the decider: event lists, or commands with the events they recorded (the live side of the replay law needs the commands). */
  readonly histories: fc.Arbitrary<History>;
  /** Further commands to decide after (and partway through) a history; a function receives the history, to draw commands that meet it. */
  readonly commands: fc.Arbitrary<Command> | ((history: History) => fc.Arbitrary<Command>);
  /** A codec registry: stored events are replayed through it, and every accepted event must encode and decode through it. */
  readonly codecs?: DeciderLawCodecs<Event>;
  /** The rule IDs a rejection's `rule` field may hold; any non-empty string when absent. */
  readonly ruleIds?: readonly string[];
  /** Cases tried per law; 100 by default. */
  readonly numRuns?: number;
  /** At most this many further commands per case; 3 by default. */
  readonly commandsPerCase?: number;
  /** The fast-check seed, to replay a reported failure. */
  readonly seed?: number;
}

/** What the laws saw while they held, so that a test can assert that each law was exercised. */
export interface DeciderLawsReport {
  /** The laws checked; `eventsValid` only when codecs are given. */
  readonly laws: readonly DeciderLaw[];
  /** Cases tried per law. */
  readonly numRuns: number;
  /** Histories whose folded state was terminal: zero means the terminal law held vacuously. */
  readonly terminalStates: number;
  /** Decisions of the determinism law that accepted the command. */
  readonly accepted: number;
  /** Decisions of the determinism law that rejected the command. */
  readonly rejected: number;
}

/** Thrown by `checkDeciderLaws` when laws fail: the message holds each law's fast-check report (counterexample and seed). */
export class DeciderLawViolation extends Error {
  /** The laws that failed. */
  readonly laws: readonly DeciderLaw[];

  constructor(failures: readonly { readonly law: DeciderLaw; readonly report: string }[]) {
    super(
      [
        `The decider breaks ${String(failures.length)} law(s):`,
        ...failures.map(({ law, report }) => `\n== law: ${deciderLaws[law]} (${law})\n${report}`),
      ].join('\n'),
    );
    this.name = 'DeciderLawViolation';
    this.laws = failures.map((failure) => failure.law);
  }
}

// ---------------------------------------------------------------- comparing values

const MAX_SHOWN = 300;

const show = (value: unknown): string => {
  const text = fc.stringify(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
};

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/** The prototype of a value, with objects of no prototype (as `fc.record` may draw) counted as plain objects. */
const kindOf = (value: object): unknown => {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null ? Object.prototype : prototype;
};

const definedKeys = (value: object): string[] =>
  Object.keys(value).filter((key) => (value as Record<string, unknown>)[key] !== undefined);

/**
 * Where two values first differ, or undefined when they are equal. Structural, and strict about
 * kinds: a Date equals only a Date of the same time, a Map or Set only a Map or Set, an object only
 * an object of the same prototype (no prototype counting as a plain object). A property holding
 * `undefined` counts as absent (as in JSON), and NaN equals NaN.
 */
const differenceOf = (a: unknown, b: unknown, path: string, seen: Map<object, object>): string | undefined => {
  if (Object.is(a, b) || (typeof a === 'number' && a === b)) return undefined;
  const differs = (): string => `${path}: ${show(a)} versus ${show(b)}`;
  if (!isObject(a) || !isObject(b)) return differs();
  if (seen.get(a) === b) return undefined;
  seen.set(a, b);
  if (kindOf(a) !== kindOf(b)) return `${path}: different kinds of value, ${show(a)} versus ${show(b)}`;
  if (a instanceof Date && b instanceof Date) return Object.is(a.getTime(), b.getTime()) ? undefined : differs();
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: ${String(a.length)} items versus ${String(b.length)}`;
    for (let index = 0; index < a.length; index++) {
      const found = differenceOf(a[index], b[index], `${path}[${String(index)}]`, seen);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return `${path}: ${String(a.size)} entries versus ${String(b.size)}`;
    for (const [key, value] of a) {
      if (!b.has(key)) return `${path}: key ${show(key)} missing on one side`;
      const found = differenceOf(value, b.get(key), `${path}.get(${show(key)})`, seen);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (a instanceof Set && b instanceof Set) {
    if (a.size !== b.size) return `${path}: ${String(a.size)} members versus ${String(b.size)}`;
    for (const member of a) if (!b.has(member)) return `${path}: member ${show(member)} missing on one side`;
    return undefined;
  }
  const keysOfA = definedKeys(a);
  const keysOfB = new Set(definedKeys(b));
  if (keysOfA.length !== keysOfB.size || keysOfA.some((key) => !keysOfB.has(key))) {
    return `${path}: keys ${show(keysOfA)} versus ${show([...keysOfB])}`;
  }
  for (const key of keysOfA) {
    const found = differenceOf((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`, seen);
    if (found !== undefined) return found;
  }
  return undefined;
};

/** Throws with `what` and where the two values differ, when they do. */
const expectSame = (a: unknown, b: unknown, root: string, what: string): void => {
  const found = differenceOf(a, b, root, new Map());
  if (found !== undefined) throw new Error(`${what}; first difference at ${found}`);
};

// ---------------------------------------------------------------- running the decider

/** What threw, in words. */
const reasonOf = (cause: unknown): string => (cause instanceof Error ? `${cause.name}: ${cause.message}` : show(cause));

/** One case of a law: a history, further commands, and a position partway through the history. */
interface LawCase<Command, History> {
  readonly history: History;
  readonly further: readonly Command[];
  readonly cut: number;
}

const isEventList = <Command, Event>(history: DeciderLawHistory<Command, Event>): history is readonly Event[] => Array.isArray(history);

/** Guarded calls of a decider's functions, each failing with a sentence that names the call. */
const guarded = <Command, State, Event, Rejection>(decider: Decider<Command, State, Event, Rejection>) => {
  const evolve = (state: State, event: Event, where: string): State => {
    let next: State;
    try {
      next = decider.evolve(state, event);
    } catch (cause) {
      throw new Error(`evolve threw on ${where} ${show(event)}: ${reasonOf(cause)}`, { cause });
    }
    if (next === undefined) throw new Error(`evolve returned undefined for ${where} ${show(event)}`);
    return next;
  };
  const fold = (events: readonly Event[], where: string, from: State = decider.initialState): State =>
    events.reduce<State>((state, event, index) => evolve(state, event, `${where} event #${String(index)}`), from);
  const decide = (command: Command, state: State, where: string): E.Either<Rejection, readonly Event[]> => {
    let decision: E.Either<Rejection, readonly Event[]>;
    try {
      decision = decider.decide(command, state);
    } catch (cause) {
      throw new Error(`decide threw on ${where} for ${show(command)}: ${reasonOf(cause)}`, { cause });
    }
    if (E.isRight(decision) && !Array.isArray(decision.right)) {
      throw new Error(`decide accepted ${show(command)} on ${where} but returned ${show(decision.right)} instead of a list of events`);
    }
    return decision;
  };
  const isTerminal = (state: State, where: string): boolean => {
    try {
      return decider.isTerminal(state);
    } catch (cause) {
      throw new Error(`isTerminal threw on ${where}: ${reasonOf(cause)}`, { cause });
    }
  };
  return { evolve, fold, decide, isTerminal };
};

/** The decider's states as the commands were decided: at each boundary, how many events were recorded and the state then. */
interface Timeline<State, Event> {
  /** `counts[i]` events were recorded before boundary `i`; boundary 0 is the empty stream. */
  readonly counts: readonly number[];
  /** `states[i]` is the live state at boundary `i`. */
  readonly states: readonly State[];
  /** Every event the accepted commands emitted, in order. */
  readonly emitted: readonly Event[];
}

/**
 * The live side: each command of the history decided in turn, its events (if accepted) folded
 * onto the state it was decided in. For an event list, each event is a boundary of its own.
 */
const liveTimeline = <Command, State, Event, Rejection>(
  run: ReturnType<typeof guarded<Command, State, Event, Rejection>>,
  initialState: State,
  history: DeciderLawHistory<Command, Event>,
  onDecision?: (state: State, index: number, decision: E.Either<Rejection, readonly Event[]>) => void,
): Timeline<State, Event> => {
  const counts = [0];
  const states = [initialState];
  const emitted: Event[] = [];
  let state = initialState;
  if (isEventList(history)) {
    history.forEach((event, index) => {
      state = run.evolve(state, event, `history event #${String(index)}`);
      emitted.push(event);
      counts.push(emitted.length);
      states.push(state);
    });
  } else {
    history.commands.forEach((command, index) => {
      const decision = run.decide(command, state, `the live state before history command #${String(index)}`);
      onDecision?.(state, index, decision);
      if (E.isRight(decision)) {
        decision.right.forEach((event, position) => {
          state = run.evolve(state, event, `event #${String(position)} of history command #${String(index)}`);
        });
        emitted.push(...decision.right);
      }
      counts.push(emitted.length);
      states.push(state);
    });
  }
  return { counts, states, emitted };
};

const eventsOfHistory = <Command, Event>(history: DeciderLawHistory<Command, Event>): readonly Event[] =>
  isEventList(history) ? history : history.events;

const commandsOfHistory = <Command, Event>(history: DeciderLawHistory<Command, Event>): readonly Command[] =>
  isEventList(history) ? [] : history.commands;

/** The name of boundary `index` of a history's timeline. */
const boundaryName = <Command, Event>(history: DeciderLawHistory<Command, Event>, index: number): string => {
  if (index === 0) return 'the initial state';
  return isEventList(history) ? `the state after history event #${String(index - 1)}` : `the live state after history command #${String(index - 1)}`;
};

const locationOf = (index: number): EventLocation => ({ stream: 'decider-laws', revision: BigInt(index) });

/** Parses the JSON text of a value, failing with a sentence when the value cannot be written as JSON. */
const throughJson = (value: unknown, what: string): unknown => {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (cause) {
    throw new Error(`${what} cannot be written as JSON: ${reasonOf(cause)}`, { cause });
  }
  if (text === undefined) throw new Error(`${what} cannot be written as JSON: ${show(value)}`);
  return JSON.parse(text);
};

/** An event as a store gives it back: through the codecs' stored form and JSON, or through JSON alone. */
const storedAndRead = <Event>(event: Event, index: number, what: string, codecs: DeciderLawCodecs<Event> | undefined): Event => {
  if (codecs === undefined) return throughJson(event, `${what} ${show(event)}`) as Event;
  const where = locationOf(index);
  let encoded: E.Either<unknown, StoredEventData>;
  try {
    encoded = codecs.encode(event, where);
  } catch (cause) {
    throw new Error(`encoding ${what} threw: ${reasonOf(cause)}; the event: ${show(event)}`, { cause });
  }
  if (E.isLeft(encoded)) throw new Error(`${what} does not encode: ${show(encoded.left)}; the event: ${show(event)}`);
  const stored = throughJson(encoded.right, `the stored form of ${what}`) as StoredEventData;
  let decoded: E.Either<unknown, unknown>;
  try {
    decoded = codecs.decode(stored, where);
  } catch (cause) {
    throw new Error(`decoding ${what} threw: ${reasonOf(cause)}; stored as ${show(stored)}`, { cause });
  }
  if (E.isLeft(decoded)) throw new Error(`${what} does not decode: ${show(decoded.left)}; stored as ${show(stored)}`);
  return decoded.right as Event;
};

/** Throws unless a rejection with a `rule` field names a rule (one of `ruleIds` when given). */
const expectRuleId = (rejection: unknown, ruleIds: ReadonlySet<string> | undefined, what: string): void => {
  if (!isObject(rejection) || !('rule' in rejection)) return;
  const { rule } = rejection;
  if (typeof rule !== 'string' || rule.length === 0) throw new Error(`${what} was rejected with no rule ID: ${show(rejection)}`);
  if (ruleIds !== undefined && !ruleIds.has(rule)) throw new Error(`${what} was rejected under an unknown rule ${show(rule)}: ${show(rejection)}`);
};

// ---------------------------------------------------------------- the check

/**
 * Checks a decider against the decider laws with fast-check and returns what the laws saw; throws
 * a `DeciderLawViolation` naming every law that fails, with fast-check's counterexample and seed.
 * Runner-agnostic: call it inside any test. The laws, each over valid histories and further commands:
 * - `deterministic`: deciding twice on the same state gives equal decisions, and a rejection with a
 *   `rule` field names a rule (a rejected command emits nothing and, decide being pure, changes nothing);
 * - `terminal`: a terminal state rejects every command (the further ones and the history's own);
 *   `terminalStates` in the report tells whether this was exercised;
 * - `evolveTotal`: every prefix of a history folds without throwing, as do the events of further
 *   commands accepted after it;
 * - `replay`: the live state (each accepted command's events folded as it is decided) equals the
 *   state replayed from the stored events after a round trip through the codecs (or JSON), at every
 *   command, and further commands are decided alike on both;
 * - `eventsValid` (with codecs): every accepted event encodes, decodes, and comes back equal.
 */
export const checkDeciderLaws = <Command, State, Event, Rejection, History extends DeciderLawHistory<Command, Event>>(
  options: DeciderLawsOptions<Command, State, Event, Rejection, History>,
): DeciderLawsReport => {
  const { decider, histories, commands, codecs } = options;
  const numRuns = options.numRuns ?? 100;
  const maxLength = Math.max(1, options.commandsPerCase ?? 3);
  const ruleIds = options.ruleIds === undefined ? undefined : new Set(options.ruleIds);
  const run = guarded(decider);

  const cases: fc.Arbitrary<LawCase<Command, History>> =
    typeof commands === 'function'
      ? histories.chain((history) =>
          fc.record({ history: fc.constant(history), further: fc.array(commands(history), { minLength: 1, maxLength }), cut: fc.nat() }),
        )
      : fc.record({ history: histories, further: fc.array(commands, { minLength: 1, maxLength }), cut: fc.nat() });

  /** The stored events folded, the state at the cut (a command boundary), and the live timeline. */
  const statesOf = (history: History) => {
    const timeline = liveTimeline(run, decider.initialState, history);
    const events = eventsOfHistory(history);
    const final = run.fold(events, 'history');
    return { timeline, events, final };
  };
  const cutOf = <T>(values: readonly T[], cut: number): { readonly value: T; readonly index: number } => {
    const index = cut % values.length;
    const value = values[index];
    if (value === undefined) throw new Error('a timeline has no boundary');
    return { value, index };
  };

  let terminalStates = 0;
  let accepted = 0;
  let rejected = 0;

  const laws: Record<DeciderLaw, ((lawCase: LawCase<Command, History>) => void) | undefined> = {
    deterministic: ({ history, further, cut }) => {
      const { timeline, final } = statesOf(history);
      const cutState = cutOf(timeline.states, cut);
      const places = [
        { state: final, where: 'the state folded from the history' },
        { state: cutState.value, where: boundaryName(history, cutState.index) },
      ];
      for (const { state, where } of places) {
        for (const command of [...further, ...commandsOfHistory(history)]) {
          const first = run.decide(command, state, where);
          const second = run.decide(command, state, where);
          expectSame(first, second, 'decision', `deciding ${show(command)} twice on ${where} gave different decisions`);
          if (E.isLeft(first)) {
            rejected += 1;
            expectRuleId(first.left, ruleIds, `${show(command)} on ${where}`);
          } else {
            accepted += 1;
          }
        }
      }
    },

    terminal: ({ history, further }) => {
      if (!isEventList(history)) {
        // A valid history never goes on past a terminal state.
        liveTimeline(run, decider.initialState, history, (state, index, decision) => {
          if (E.isRight(decision) && run.isTerminal(state, `the live state before history command #${String(index)}`)) {
            throw new Error(`history command #${String(index)} ${show(history.commands[index])} was accepted in a terminal state: ${show(decision.right)}`);
          }
        });
      }
      const final = run.fold(eventsOfHistory(history), 'history');
      if (!run.isTerminal(final, 'the state folded from the history')) return;
      terminalStates += 1;
      for (const command of [...further, ...commandsOfHistory(history)]) {
        const decision = run.decide(command, final, 'a terminal state');
        if (E.isRight(decision)) {
          throw new Error(`the terminal state ${show(final)} accepted ${show(command)}, emitting ${show(decision.right)}`);
        }
      }
    },

    evolveTotal: ({ history, further }) => {
      const events = eventsOfHistory(history);
      // Each prefix folds: folding step by step reaches every one.
      const final = run.fold(events, 'history');
      if (!isEventList(history)) liveTimeline(run, decider.initialState, history);
      for (const command of further) {
        const decision = run.decide(command, final, 'the state folded from the history');
        if (E.isRight(decision)) run.fold(decision.right, `the events of ${show(command)}, after the history,`, final);
      }
    },

    replay: ({ history, further, cut }) => {
      const { timeline, events } = statesOf(history);
      if (!isEventList(history)) {
        expectSame(timeline.emitted, events, 'events', "the history's commands, decided again, emit other events than the history's");
      }
      const replayedEvents = events.map((event, index) => storedAndRead(event, index, `stored event #${String(index)}`, codecs));
      const replayed = [decider.initialState];
      let state = decider.initialState;
      replayedEvents.forEach((event, index) => {
        state = run.evolve(state, event, `replayed event #${String(index)}`);
        replayed.push(state);
      });
      timeline.counts.forEach((count, boundary) => {
        const live = timeline.states[boundary];
        const fromStore = replayed[Math.min(count, replayed.length - 1)];
        expectSame(live, fromStore, 'state', `after ${String(count)} event(s), the live state and the replayed state differ`);
      });
      const cutBoundary = cutOf(timeline.counts, cut);
      const places = [
        { live: timeline.states.at(-1), fromStore: replayed.at(-1), where: 'the state at the end of the history' },
        {
          live: timeline.states[cutBoundary.index],
          fromStore: replayed[Math.min(cutBoundary.value, replayed.length - 1)],
          where: `${boundaryName(history, cutBoundary.index)} (${String(cutBoundary.value)} events)`,
        },
      ];
      for (const { live, fromStore, where } of places) {
        if (live === undefined || fromStore === undefined) continue;
        for (const command of [...further, ...commandsOfHistory(history)]) {
          const onLive = run.decide(command, live, `${where} (live)`);
          const onReplayed = run.decide(command, fromStore, `${where} (replayed)`);
          expectSame(onLive, onReplayed, 'decision', `${show(command)} is decided differently on the live and the replayed state: ${where}`);
        }
      }
    },

    eventsValid:
      codecs === undefined
        ? undefined
        : ({ history, further, cut }) => {
            const { timeline, events, final } = statesOf(history);
            const cutState = cutOf(timeline.states, cut);
            const acceptedEvents: { readonly event: Event; readonly what: string }[] = [
              ...events.map((event, index) => ({ event, what: `history event #${String(index)}` })),
              ...timeline.emitted.map((event, index) => ({ event, what: `event #${String(index)} emitted by the history's commands` })),
            ];
            for (const [state, where] of [
              [final, 'the state at the end of the history'],
              [cutState.value, boundaryName(history, cutState.index)],
            ] as const) {
              for (const command of further) {
                const decision = run.decide(command, state, where);
                if (E.isRight(decision)) {
                  acceptedEvents.push(...decision.right.map((event, index) => ({ event, what: `event #${String(index)} of ${show(command)} at ${where}` })));
                }
              }
            }
            acceptedEvents.forEach(({ event, what }, index) => {
              const read = storedAndRead(event, index, what, codecs);
              expectSame(event, read, 'event', `${what} does not come back equal from its codec`);
            });
          },
  };

  const failures: { law: DeciderLaw; report: string }[] = [];
  const checked: DeciderLaw[] = [];
  for (const law of Object.keys(deciderLaws) as DeciderLaw[]) {
    const check = laws[law];
    if (check === undefined) continue;
    checked.push(law);
    try {
      fc.assert(
        fc.property(cases, (lawCase) => {
          check(lawCase);
        }),
        { numRuns, includeErrorInReport: true, ...(options.seed === undefined ? {} : { seed: options.seed }) },
      );
    } catch (error) {
      failures.push({ law, report: error instanceof Error ? error.message : String(error) });
    }
  }
  if (failures.length > 0) throw new DeciderLawViolation(failures);
  return { laws: checked, numRuns, terminalStates, accepted, rejected };
};
