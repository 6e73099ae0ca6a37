import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import { appointmentDecider } from '../appointment/appointment-decider.js';
import type { AppointmentRejection } from '../appointment/appointment-rejections.js';
import {
  createCommandHandler,
  type CommandContext,
  type CommandError,
  type CommandResult,
} from '../eventsourcing/command-handler.js';
import type { Decider } from '../eventsourcing/decider.js';
import type { EventStore } from '../eventsourcing/event-store.js';
import { defaultPolicy, policyOn, type Policy } from '../policy/policy.js';
import type { PolicyVersion } from '../policy/policy-version.js';
import type { PolicyCommand } from '../policy/policy-commands.js';
import { seedsPolicyHistory } from '../policy/seeds-policy-history.js';
import { adoptedVersion, policyHistoryDecider, policyWithAdopted } from '../policy/policy-decider.js';
import type { PolicyEvent } from '../policy/policy-events.js';
import type { PolicyRejection } from '../policy/policy-rejections.js';
import type { StoreError } from '../eventsourcing/errors.js';
import { policyStream, restructureStream } from '../shared/streams.js';
import { postingDecider } from '../posting/posting-decider.js';
import type { PostingRejection } from '../posting/posting-rejections.js';
import { restructureDecider } from '../restructure/restructure-decider.js';
import type { RestructureRejection } from '../restructure/restructure-rejections.js';
import { decodeCommand, streamOfCommand, type DomainCommand, type InvalidCommand } from './domain-commands.js';
import type { DomainEvent } from './domain-events.js';
import {
  isAppointmentCommand,
  isAppointmentEvent,
  isPolicyCommand,
  isPolicyEvent,
  isPostingCommand,
  isRestructureCommand,
  isPostingEvent,
  isRestructureEvent,
} from './membership.js';
import { processManagers as allProcessManagers, reactionsTo, type ProcessManager } from './process-managers.js';
import { findTouch, restructuresNamedBy, touchingEventsOf, type TouchingEvent } from './restructure-touches.js';
import { checkSuccession } from './succession-check.js';
import { commanderLeftCommand } from './commander-left.js';
import type { RestructureTouches } from '../posting/restructure-touches.js';

/** Any rejection of a domain command, tagged with the rule it enforces. */
export type DomainRejection = AppointmentRejection | PostingRejection | RestructureRejection | PolicyRejection;

/** Why a domain command was not handled. */
export type DomainCommandError = CommandError<DomainRejection>;

/** One command handled, and what it did. */
export interface HandledCommand {
  readonly command: DomainCommand;
  readonly result: CommandResult<DomainEvent, unknown>;
}

/** A command a process manager sent that did not succeed; re-running it later is safe. */
export interface FailedReaction {
  readonly command: DomainCommand;
  readonly error: DomainCommandError;
}

/**
 * What executing a command did: the departure of a BCU commander it recorded first (RS-4:
 * `RecordBcuCommanderLeft`, when the BCU's postings show them gone), the command itself, then
 * every reaction of the process managers.
 */
export interface Execution {
  readonly handled: readonly HandledCommand[];
  readonly failedReactions: readonly FailedReaction[];
}

/** How the domain reaches its store, and the policy it applies. */
export interface BoroughCommandOptions {
  readonly store: EventStore<DomainEvent>;
  /**
   * The versions the service starts from, before the adoptions recorded in the store (PH-1, PH-2);
   * the seeds' history (`defaultPolicy`) when absent.
   */
  readonly policy?: Policy;
  /** The policy whose history the store records: stream `policy-<policyId>`; `london` when absent. */
  readonly policyId?: string;
  /** Stamps `recordedAt`; the system clock when absent. */
  readonly clock?: () => Date;
  /** Retries after a conflicting append; 3 by default. */
  readonly maxRetries?: number;
  /** The process managers run after each command; all of them by default, none with `[]`. */
  readonly processManagers?: readonly ProcessManager[];
}

/** The domain as a service: commands in, events out, with the process managers run after each command. */
export interface BoroughCommand {
  /** Handles one command, then the commands its events lead to (AP-12, PO-6, RS-4); before a BCU's appointment or go-live, records a commander whose posting ended as gone (RS-4). */
  readonly execute: (command: DomainCommand, context: CommandContext) => TE.TaskEither<DomainCommandError, Execution>;
  /** Decodes a JSON command, then executes it. */
  readonly executeJson: (json: unknown, context: CommandContext) => TE.TaskEither<InvalidCommand | DomainCommandError, Execution>;
  /** Handles one command without running the process managers. */
  readonly handle: (command: DomainCommand, context: CommandContext) => TE.TaskEither<DomainCommandError, HandledCommand>;
  /** The versions the service started from, before any adoption recorded in the store. */
  readonly policy: Policy;
  /** PH-1: the policy in force: the starting versions with the adoptions the store records. */
  readonly policyInForce: () => TE.TaskEither<StoreError, Policy>;
}

const MAX_REACTION_DEPTH = 4;

/** PH-2: the command recording a version the service was given, decided by the actor of the first decision judged under it. */
const adoptionOf = (policyId: string, version: PolicyVersion, at: PolicyCommand['at'], actor: string): PolicyCommand => ({
  type: 'AdoptPolicyVersion',
  commandId: `policy version ${version.id}`.slice(0, 200),
  at,
  policyId,
  versionId: version.id,
  effectiveFrom: version.effectiveFrom,
  source: version.source,
  changes: version.values,
  decidedBy: actor,
});

/** Builds the domain service over a store. */
export const createBoroughCommand = (options: BoroughCommandOptions): BoroughCommand => {
  const policy = options.policy ?? defaultPolicy;
  const policyId = options.policyId ?? 'london';
  const history = policyStream(policyId);
  const managers = options.processManagers ?? allProcessManagers;
  const common = {
    store: options.store,
    streamOf: streamOfCommand,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
  };
  // PH-1: the policy in force, kept up to date with the adoptions the store records.
  let inForce: Policy = policy;
  let historyRevision = -1n;
  const recordedIds = new Set<string>();
  const refreshPolicy = async (): Promise<E.Either<StoreError, Policy>> => {
    const read = await options.store.readStream(history, { fromRevision: historyRevision + 1n })();
    if (E.isLeft(read)) return read.left._tag === 'StreamNotFound' ? E.right(inForce) : read;
    const adopted = read.right.filter((recorded) => recorded.revision > historyRevision && isPolicyEvent(recorded.event));
    if (adopted.length > 0) {
      const versions = adopted.map((recorded) => adoptedVersion(recorded.event as PolicyEvent));
      inForce = policyWithAdopted(inForce, versions);
      for (const version of versions) recordedIds.add(version.id);
    }
    const last = read.right.at(-1);
    if (last !== undefined && last.revision > historyRevision) historyRevision = last.revision;
    return E.right(inForce);
  };
  const inForceDecider = <C, S, Ev, R>(build: (current: Policy) => Decider<C, S, Ev, R>): Decider<C, S, Ev, R> => {
    const initial = build(policy);
    return { ...initial, decide: (command, state) => build(inForce).decide(command, state) };
  };
  // PO-3: the events of each restructure a posting command named that touch units, read from its
  // stream before the decision (one read from the last revision seen; the stream only grows).
  const restructureLogs = new Map<string, { revision: bigint; readonly events: TouchingEvent[] }>();
  const refreshRestructure = async (restructureId: string): Promise<E.Either<StoreError, void>> => {
    const log = restructureLogs.get(restructureId) ?? { revision: -1n, events: [] };
    const read = await options.store.readStream(restructureStream(restructureId), { fromRevision: log.revision + 1n })();
    if (E.isLeft(read)) return read.left._tag === 'StreamNotFound' ? E.right(undefined) : read;
    for (const recorded of read.right) {
      if (recorded.revision <= log.revision || !isRestructureEvent(recorded.event)) continue;
      log.events.push(...touchingEventsOf(recorded));
      log.revision = recorded.revision;
    }
    restructureLogs.set(restructureId, log);
    return E.right(undefined);
  };
  const touches: RestructureTouches = (named, unit, at) => findTouch(restructureLogs.get(named.restructureId)?.events ?? [], named, unit, at);
  const appointments = createCommandHandler({ ...common, decider: inForceDecider(appointmentDecider), belongs: isAppointmentEvent });
  const postings = createCommandHandler({
    ...common,
    decider: inForceDecider((current) => postingDecider(current, touches)),
    belongs: isPostingEvent,
  });
  const restructures = createCommandHandler({ ...common, decider: inForceDecider(restructureDecider), belongs: isRestructureEvent });
  const adoptions = createCommandHandler({ ...common, decider: policyHistoryDecider(policy), belongs: isPolicyEvent });

  const handle =
    (command: DomainCommand, context: CommandContext): TE.TaskEither<DomainCommandError, HandledCommand> =>
    async () => {
      if (isPolicyCommand(command)) {
        const adopted = await adoptions(command, context)();
        return E.isLeft(adopted) ? adopted : E.right({ command, result: adopted.right });
      }
      const current = await refreshPolicy();
      if (E.isLeft(current)) return current;
      if (isPostingCommand(command)) {
        for (const restructureId of restructuresNamedBy(command)) {
          const read = await refreshRestructure(restructureId);
          if (E.isLeft(read)) return read;
        }
      }
      const version = policyOn(current.right, command.at);
      // PH-2: a version the service was given that is not the seeds' and not in the history yet is recorded first.
      if (!seedsPolicyHistory.includes(version) && !recordedIds.has(version.id)) {
        const recorded = await adoptions(adoptionOf(policyId, version, command.at, context.actor), {
          actor: context.actor,
          correlationId: context.correlationId ?? command.commandId,
          causationId: command.commandId,
        })();
        if (E.isLeft(recorded)) return recorded;
        recordedIds.add(version.id);
      }
      // RS-4, PO-3: a successor's appointment is refused when the predecessor's departure would be.
      if (isRestructureCommand(command)) {
        const leaves = command.type === 'AppointBcuCommander' ? command.predecessorLeaves : undefined;
        if (leaves?.reason === 'organisational-restructure') {
          const read = await refreshRestructure(command.restructureId);
          if (E.isLeft(read)) return read;
        }
        const succession = await checkSuccession(options.store, postingDecider(current.right, touches), command);
        if (E.isLeft(succession)) return succession;
      }
      // PH-1: the decision is judged by the version in force on its date, and its events say which.
      const judged: CommandContext = { ...context, policyVersion: version.id };
      const result: E.Either<DomainCommandError, CommandResult<DomainEvent, unknown>> = isAppointmentCommand(command)
        ? await appointments(command, judged)()
        : isPostingCommand(command)
          ? await postings(command, judged)()
          : await restructures(command, judged)();
      return E.isLeft(result) ? result : E.right({ command, result: result.right });
    };

  const execute =
    (command: DomainCommand, context: CommandContext): TE.TaskEither<DomainCommandError, Execution> =>
    async () => {
      // RS-4: a BCU commander whose posting ended with no successor named is recorded as gone first.
      const before: HandledCommand[] = [];
      if (isRestructureCommand(command)) {
        const left = await commanderLeftCommand(options.store, postingDecider(policy, touches), command);
        if (E.isLeft(left)) return left;
        if (left.right !== undefined) {
          const recorded = await handle(left.right, { actor: context.actor, correlationId: context.correlationId ?? command.commandId, causationId: command.commandId })();
          // Refused (the BCU is not open), it leaves the command to be refused for its own reason.
          if (E.isLeft(recorded) && recorded.left._tag !== 'CommandRejected') return recorded;
          if (E.isRight(recorded) && recorded.right.result.events.length > 0) before.push(recorded.right);
        }
      }
      const first = await handle(command, context)();
      if (E.isLeft(first)) return first;
      const handled: HandledCommand[] = [...before, first.right];
      const failedReactions: FailedReaction[] = [];
      let frontier: readonly HandledCommand[] = [first.right];
      for (let depth = 0; depth < MAX_REACTION_DEPTH && frontier.length > 0; depth++) {
        const next: HandledCommand[] = [];
        for (const done of frontier) {
          for (const recorded of done.result.events) {
            for (const reaction of reactionsTo(recorded, managers)) {
              const reactionContext: CommandContext = {
                actor: context.actor,
                correlationId: recorded.metadata.correlationId,
                causationId: recorded.metadata.eventId,
                // The reaction's span links to the span of the command that recorded the event.
                ...(recorded.metadata.traceparent === undefined ? {} : { causationTraceparent: recorded.metadata.traceparent }),
              };
              const outcome = await handle(reaction, reactionContext)();
              if (E.isLeft(outcome)) failedReactions.push({ command: reaction, error: outcome.left });
              else next.push(outcome.right);
            }
          }
        }
        handled.push(...next);
        frontier = next;
      }
      return E.right({ handled, failedReactions });
    };

  const executeJson =
    (json: unknown, context: CommandContext): TE.TaskEither<InvalidCommand | DomainCommandError, Execution> =>
    async () => {
      const decoded = decodeCommand(json);
      return E.isLeft(decoded) ? decoded : execute(decoded.right, context)();
    };

  return { execute, executeJson, handle, policy, policyInForce: () => refreshPolicy };
};
