import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import type { Decider } from './decider.js';
import type { EventShape, NewEvent, RecordedEvent } from './envelope.js';
import { describeStoreError, type AppendOutcomeUnknown, type StoreError } from './errors.js';
import { deriveEventId } from './event-id.js';
import type { EventStore } from './event-store.js';
import type { ExpectedRevision } from './expected-revision.js';
import { settleAppendByEventIds } from './settle-append.js';
import { traceCommand } from './tracing/command-span.js';
import { activeTraceparent } from './tracing/trace-context.js';

/** What every command carries: an id that makes it idempotent. */
export interface CommandShape {
  readonly commandId: string;
}

/** Who sends a command and in which flow. */
export interface CommandContext {
  /** Who takes the decision (a person or a service). */
  readonly actor: string;
  /** The flow the command belongs to; the command id when absent. */
  readonly correlationId?: string;
  /** What caused the command; the command id when absent. */
  readonly causationId?: string;
  /** The version of the rules the command is judged under, recorded in its events' metadata. */
  readonly policyVersion?: string;
  /**
   * The `traceparent` in the metadata of the event that caused the command, when it is a reaction:
   * the command's span links to the span that recorded the event (see docs/observability.md).
   */
  readonly causationTraceparent?: string;
}

/** A command the decider rejected; nothing was written. */
export interface CommandRejected<Rejection> {
  readonly _tag: 'CommandRejected';
  readonly stream: string;
  readonly rejection: Rejection;
}

/** The stream kept changing under the command: every retry met a newer revision. */
export interface TooManyConflicts {
  readonly _tag: 'TooManyConflicts';
  readonly stream: string;
  readonly attempts: number;
}

/** Why a command was not handled. */
export type CommandError<Rejection> = CommandRejected<Rejection> | TooManyConflicts | StoreError;

/** What a handled command did. */
export interface CommandResult<Event extends EventShape, State> {
  readonly stream: string;
  /** The events this command recorded (or had recorded, when it was already applied), with their metadata. */
  readonly events: readonly NewEvent<Event>[];
  /** The stream's state after the command. */
  readonly state: State;
  /** True when the command id was found in the stream: nothing new was written. */
  readonly alreadyApplied: boolean;
  /** The stream's revision after the command, or `no_stream` when nothing was ever written. */
  readonly revision: ExpectedRevision;
}

/** How a command handler reaches its stream and store. */
export interface CommandHandlerOptions<
  Command extends CommandShape,
  State,
  Event extends StoreEvent,
  Rejection,
  StoreEvent extends EventShape = Event,
> {
  /** The store; it may hold the events of other aggregates too (see `belongs`). */
  readonly store: EventStore<StoreEvent>;
  readonly decider: Decider<Command, State, Event, Rejection>;
  /**
   * Tells whether a stored event is one of the decider's; needed when the store holds other
   * aggregates' events. A foreign event found in the command's stream is an `UnknownEventType`.
   */
  readonly belongs?: (event: StoreEvent) => event is Event;
  /** The stream a command belongs to. */
  readonly streamOf: (command: Command) => string;
  /** Retries after a conflicting append: a whole number, 0 or more; 3 by default. */
  readonly maxRetries?: number;
  /** The clock that stamps `recordedAt`; the system clock by default. */
  readonly clock?: () => Date;
  /**
   * Streams whose folded state the handler keeps between commands (the most recently used), so a
   * command reads and folds only the events written since; 1000 by default, 0 to fold every
   * stream from its first event each time. Kept state assumes a stream only grows: give 0 where
   * streams are truncated or deleted (EventStoreDB `$maxCount`, `$maxAge`, `$tb`, a soft delete).
   */
  readonly cachedStreams?: number;
}

/** Handles one command: load, fold, decide, append with the expected revision. */
export type CommandHandler<Command, State, Event extends EventShape, Rejection> = (
  command: Command,
  context: CommandContext,
) => TE.TaskEither<CommandError<Rejection>, CommandResult<Event, State>>;

type CommandOutcome<Event extends EventShape, State, Rejection> = E.Either<CommandError<Rejection>, CommandResult<Event, State>>;

/** What reading a stream back tells of an append of unknown outcome. */
type SettledAppend =
  /** Every event of the append is in the stream; the last is at `revision`. */
  | { readonly _tag: 'Written'; readonly revision: bigint }
  /** None is there (yet): `error` says so, in case it is not appended again. */
  | { readonly _tag: 'Absent'; readonly error: AppendOutcomeUnknown }
  /** The stream could not be read, or holds only some of them: still unknown. */
  | { readonly _tag: 'Unknown'; readonly error: AppendOutcomeUnknown };

/** Settles an append of unknown outcome by its event ids (see `settleAppendByEventIds`). */
const settleUnknownAppend = async <StoreEvent extends EventShape>(store: EventStore<StoreEvent>, unknown: AppendOutcomeUnknown): Promise<SettledAppend> => {
  const settled = await settleAppendByEventIds(store, unknown.stream, unknown.expected, unknown.eventIds);
  switch (settled._tag) {
    case 'Written':
      return { _tag: 'Written', revision: settled.revision };
    case 'Absent':
      return { _tag: 'Absent', error: { ...unknown, reason: `${unknown.reason}; not in the stream when read back, but it may still arrive` } };
    case 'Partial':
      return { _tag: 'Unknown', error: { ...unknown, reason: `${unknown.reason}; only ${String(settled.found)} of its ${String(unknown.eventIds.length)} events are in the stream` } };
    case 'Unreadable':
      return { _tag: 'Unknown', error: { ...unknown, reason: `${unknown.reason}; reading the stream back failed: ${describeStoreError(settled.error)}` } };
  }
};

interface LoadedStream<State, Event extends EventShape> {
  readonly state: State;
  readonly revision: ExpectedRevision;
  readonly applied: readonly RecordedEvent<Event>[];
}

/** The revisions a command's events span in a stream: the first and the last. */
interface CommandSpan {
  readonly first: bigint;
  last: bigint;
}

/**
 * A stream folded up to a revision: its state then, and where each command's events are (for
 * idempotency; the events themselves are read again when a command comes back, which is rare).
 */
interface FoldedStream<State> {
  state: State;
  revision: bigint;
  readonly byCommand: Map<string, CommandSpan>;
}

/**
 * Builds a command handler. It reads the command's stream, folds it, and if the command id is
 * already in the stream returns what it wrote then (a retried command writes nothing new);
 * otherwise it decides and appends with the revision it read, and on a conflict reloads and
 * decides again, up to `maxRetries` times. A rejected command appends nothing.
 *
 * An append of unknown outcome (`AppendOutcomeUnknown`: no answer came after its request may have
 * left) is settled before answering, by reading the stream back and looking for the command's
 * event ids: all there, the command succeeded; none there, it is appended once more at the same
 * revision (which cannot write it twice); the stream unreadable, or the events still missing after
 * that, the answer is the `AppendOutcomeUnknown`, which says to run the same command again.
 */
export const createCommandHandler = <
  Command extends CommandShape,
  State,
  Event extends StoreEvent,
  Rejection,
  StoreEvent extends EventShape = Event,
>(
  options: CommandHandlerOptions<Command, State, Event, Rejection, StoreEvent>,
): CommandHandler<Command, State, Event, Rejection> => {
  const { store, decider, streamOf } = options;
  const belongs = options.belongs ?? ((_event: StoreEvent): _event is Event => true);
  const maxRetries = options.maxRetries ?? 3;
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new Error(`maxRetries must be a whole number, 0 or more; got ${String(maxRetries)}`);
  }
  const clock = options.clock ?? (() => new Date());
  const cachedStreams = options.cachedStreams ?? 1000;
  if (!Number.isInteger(cachedStreams) || cachedStreams < 0) {
    throw new Error(`cachedStreams must be a whole number, 0 or more; got ${String(cachedStreams)}`);
  }
  // Most recently used last: a Map keeps insertion order, so the first key is the one to drop.
  const folded = new Map<string, FoldedStream<State>>();
  const remember = (stream: string, entry: FoldedStream<State>): void => {
    folded.delete(stream);
    if (cachedStreams === 0) return;
    folded.set(stream, entry);
    if (folded.size > cachedStreams) folded.delete(folded.keys().next().value as string);
  };

  /**
   * Reads a stream and folds it: from where the last command on it left off when the handler keeps
   * it (only the events written since are read), else from its first event. A stream that is no
   * longer there, or does not go on from the revision kept, is folded again from its start.
   */
  const load = async (stream: string, commandId: string): Promise<E.Either<StoreError, LoadedStream<State, Event>>> => {
    const known = folded.get(stream);
    const from = known === undefined ? undefined : known.revision + 1n;
    const read = await store.readStream(stream, from === undefined ? undefined : { fromRevision: from })();
    if (E.isLeft(read)) {
      if (folded.get(stream) === known) folded.delete(stream);
      if (read.left._tag !== 'StreamNotFound') return read;
      return known === undefined ? E.right({ state: decider.initialState, revision: 'no_stream', applied: [] }) : load(stream, commandId);
    }
    const [first] = read.right;
    if (known !== undefined && first !== undefined && first.revision !== from) {
      if (folded.get(stream) === known) folded.delete(stream);
      return load(stream, commandId);
    }
    if (read.right.length === 0 && known === undefined) return E.right({ state: decider.initialState, revision: 'no_stream', applied: [] });
    // Another command's load may have folded some of these events into the kept entry meanwhile: each is folded once.
    const entry: FoldedStream<State> = known ?? { state: decider.initialState, revision: -1n, byCommand: new Map() };
    // this command's events among those read: all of them when the stream is read from its start
    const found: RecordedEvent<Event>[] = [];
    for (const recorded of read.right) {
      if (recorded.revision <= entry.revision) continue;
      const event = recorded.event;
      if (!belongs(event)) {
        folded.delete(stream);
        return E.left({ _tag: 'UnknownEventType', stream, revision: recorded.revision, type: event.type });
      }
      entry.state = decider.evolve(entry.state, event);
      entry.revision = recorded.revision;
      const id = recorded.metadata.commandId;
      if (id === commandId) found.push(recorded as RecordedEvent<Event>);
      if (cachedStreams === 0) continue;
      const span = entry.byCommand.get(id);
      if (span === undefined) entry.byCommand.set(id, { first: recorded.revision, last: recorded.revision });
      else span.last = recorded.revision;
    }
    remember(stream, entry);
    const { state, revision } = entry;
    if (known === undefined) return E.right({ state, revision, applied: found });
    const span = entry.byCommand.get(commandId);
    if (span === undefined) return E.right({ state, revision, applied: [] });
    // The command was applied before: its events, read back from where they are.
    const again = await store.readStream(stream, { fromRevision: span.first, maxCount: Number(span.last - span.first) + 1 })();
    if (E.isLeft(again)) return again;
    const applied = again.right.filter((recorded) => recorded.metadata.commandId === commandId) as RecordedEvent<Event>[];
    return E.right({ state, revision, applied });
  };

  /**
   * Keeps the state a command's own append made, when the kept state was the one it was decided
   * on (or there was none and the stream was new): the next command on the stream need not read it.
   */
  const advance = (stream: string, from: ExpectedRevision, state: State, revision: bigint, commandId: string): void => {
    if (cachedStreams === 0) return;
    const entry = folded.get(stream);
    const first = from === 'no_stream' ? 0n : typeof from === 'bigint' ? from + 1n : undefined;
    if (first === undefined) return;
    if (entry === undefined) {
      if (from === 'no_stream') remember(stream, { state, revision, byCommand: new Map([[commandId, { first, last: revision }]]) });
      return;
    }
    if (entry.revision !== from) return;
    entry.state = state;
    entry.revision = revision;
    entry.byCommand.set(commandId, { first, last: revision });
    remember(stream, entry);
  };

  /**
   * The state the handler keeps for a stream, when it has one and the command is not among the
   * stream's commands: a command decided on it appends at the kept revision without reading first.
   * The store refuses that append when the stream moved on meanwhile, and the command is then read
   * and decided again; a rejection is never given on kept state alone.
   */
  const kept = (stream: string, commandId: string): LoadedStream<State, Event> | undefined => {
    const entry = folded.get(stream);
    if (entry === undefined || entry.revision < 0n || entry.byCommand.has(commandId)) return undefined;
    return { state: entry.state, revision: entry.revision, applied: [] };
  };

  return (command, context): TE.TaskEither<CommandError<Rejection>, CommandResult<Event, State>> => async () => {
    const stream = streamOf(command);
    const correlationId = context.correlationId ?? command.commandId;
    const causationId = context.causationId ?? command.commandId;
    return traceCommand({ command, stream, correlationId, causationId, causationTraceparent: context.causationTraceparent }, async (progress): Promise<CommandOutcome<Event, State, Rejection>> => {
      // The command's span, active now: its events carry its trace context, for the spans of their reactions.
      const traceparent = activeTraceparent();
      let unknownRetried = false;
      // The state kept from the last command on the stream, trusted for one optimistic append.
      let trusted = kept(stream, command.commandId);
      for (let attempt = 1; attempt <= maxRetries + 1; attempt++) {
        progress.retries = attempt - 1;
        const optimistic = trusted;
        trusted = undefined;
        const loaded = optimistic === undefined ? await load(stream, command.commandId) : E.right(optimistic);
        if (E.isLeft(loaded)) return loaded;
        const { state, revision, applied } = loaded.right;
        if (applied.length > 0) return E.right({ stream, events: applied, state, alreadyApplied: true, revision });
        const decided = decider.decide(command, state);
        // A decision that writes nothing is only given on the stream as it is now: read, then decide again.
        if (optimistic !== undefined && (E.isLeft(decided) || decided.right.length === 0)) {
          attempt -= 1;
          continue;
        }
        if (E.isLeft(decided)) return E.left({ _tag: 'CommandRejected', stream, rejection: decided.left });
        if (decided.right.length === 0) return E.right({ stream, events: [], state, alreadyApplied: false, revision });
        const recordedAt = clock().toISOString();
        const toAppend: NewEvent<Event>[] = decided.right.map((event, index) => ({
          event,
          metadata: {
            eventId: deriveEventId(command.commandId, index),
            commandId: command.commandId,
            correlationId,
            causationId,
            actor: context.actor,
            recordedAt,
            ...(context.policyVersion === undefined ? {} : { policyVersion: context.policyVersion }),
            ...(traceparent === undefined ? {} : { traceparent }),
          },
        }));
        const appended = await store.appendToStream(stream, toAppend, revision)();
        const written = (nextRevision: bigint, alreadyApplied: boolean): CommandOutcome<Event, State, Rejection> =>
          E.right({ stream, events: toAppend, state: decided.right.reduce(decider.evolve, state), alreadyApplied, revision: nextRevision });
        if (E.isRight(appended)) {
          const result = written(appended.right.nextExpectedRevision, appended.right.written === 0);
          if (appended.right.written === toAppend.length && E.isRight(result)) advance(stream, revision, result.right.state, appended.right.nextExpectedRevision, command.commandId);
          return result;
        }
        if (appended.left._tag === 'AppendOutcomeUnknown') {
          const settled = await settleUnknownAppend(store, appended.left);
          if (settled._tag === 'Written') return written(settled.revision, false);
          // Not there when read back: appended again once at the same revision, which cannot write it twice.
          if (settled._tag === 'Absent' && !unknownRetried && attempt <= maxRetries) {
            unknownRetried = true;
            continue;
          }
          return E.left(settled.error);
        }
        if (appended.left._tag !== 'WrongExpectedRevision') return appended;
        // The kept state was behind the stream: read what was written since and decide again, not counted as a retry.
        if (optimistic !== undefined) attempt -= 1;
      }
      progress.retries = maxRetries;
      return E.left({ _tag: 'TooManyConflicts', stream, attempts: maxRetries + 1 });
    });
  };
};
