import * as E from 'fp-ts/lib/Either.js';
import {
  type BoroughCommand,
  type DomainCommand,
  type DomainCommandError,
  type Execution,
} from '@borough-command/domain';
import { describeStoreError, type CommandContext } from '@borough-command/domain/eventsourcing';

/** What running commands did so far. */
export interface Tally {
  /** Commands that wrote their events now. */
  applied: number;
  /** Commands whose id the store already held: nothing written (commands are idempotent by id). */
  alreadyApplied: number;
  /** Events written, the process managers' included. */
  eventsWritten: number;
  /** Events written by the commands the process managers sent (AP-12, PO-6, RS-4). */
  reactionEvents: number;
  /** Events written, by type. */
  readonly byType: Map<string, number>;
}

/** How the store stopped a command: not written (`Failed`), or written or not (`OutcomeUnknown`). */
export type StoreFault = 'Failed' | 'OutcomeUnknown';

/** The store's fault in an error, if the error is the store's. */
const storeFaultOf = (error: DomainCommandError): StoreFault | undefined => {
  if (error._tag === 'CommandRejected' || error._tag === 'TooManyConflicts') return undefined;
  return error._tag === 'AppendOutcomeUnknown' ? 'OutcomeUnknown' : 'Failed';
};

/** Why a run of commands stopped before the end. */
export type Stop =
  | { readonly _tag: 'Rejected'; readonly index: number; readonly rule: string; readonly rejection: string; readonly message: string }
  | {
      readonly _tag: 'ReactionRefused';
      readonly index: number;
      readonly reaction: DomainCommand;
      readonly rule: string | undefined;
      readonly message: string;
      /** Set when the store, not a rule, stopped the reaction. */
      readonly fault: StoreFault | undefined;
    }
  /** The store could not be used: the command was not written. */
  | { readonly _tag: 'Failed'; readonly index: number; readonly message: string }
  /** The command's append got no answer and could not be settled: the store may hold its events or not. */
  | { readonly _tag: 'OutcomeUnknown'; readonly index: number; readonly message: string };

/** Whether a stop is the store's (exit 2: unreachable, or an unknown outcome) rather than a rule's (exit 1). */
export const isStoreStop = (stop: Stop): boolean =>
  stop._tag === 'Failed' || stop._tag === 'OutcomeUnknown' || (stop._tag === 'ReactionRefused' && stop.fault !== undefined);

/** A command the store acknowledged: its place in the run and what executing it did. */
export interface Acknowledgement {
  /** The command's index in the run, from 0. */
  readonly index: number;
  readonly execution: Execution;
}

/** One handled command of an acknowledgement: its id, whether it wrote now, and the ids of its events. */
export interface AcknowledgedCommand {
  readonly commandId: string;
  /** `applied` when its events were written now, `already-applied` when the store held them already. */
  readonly status: 'applied' | 'already-applied';
  /** The ids of the command's events in the store, written now or found there. */
  readonly eventIds: readonly string[];
}

/** A handled command in the words of a progress report. */
const acknowledgedCommand = (handled: Execution['handled'][number]): AcknowledgedCommand => ({
  commandId: handled.command.commandId,
  status: handled.result.alreadyApplied ? 'already-applied' : 'applied',
  eventIds: handled.result.events.map((recorded) => recorded.metadata.eventId),
});

/**
 * The progress line of an acknowledged command, one line of JSON: the line of the command file,
 * the command (id, status, event ids) and the reactions of the process managers that succeeded.
 */
export const acknowledgementLine = (line: number, execution: Execution): string => {
  const [command, ...reactions] = execution.handled.map(acknowledgedCommand);
  return JSON.stringify({ line, ...command, reactions });
};

/** The rule and words of a domain command error. */
export const describeCommandError = (error: DomainCommandError): { readonly rule: string | undefined; readonly message: string } => {
  if (error._tag === 'CommandRejected') return { rule: error.rejection.rule, message: error.rejection.message };
  if (error._tag === 'TooManyConflicts') {
    return { rule: undefined, message: `stream '${error.stream}' kept changing under the command (${String(error.attempts)} attempts); run it again` };
  }
  return { rule: undefined, message: describeStoreError(error) };
};

const count = (tally: Tally, execution: Execution): void => {
  execution.handled.forEach((handled, position) => {
    if (handled.result.alreadyApplied) {
      if (position === 0) tally.alreadyApplied += 1;
      return;
    }
    if (position === 0) tally.applied += 1;
    tally.eventsWritten += handled.result.events.length;
    if (position > 0) tally.reactionEvents += handled.result.events.length;
    for (const written of handled.result.events) tally.byType.set(written.event.type, (tally.byType.get(written.event.type) ?? 0) + 1);
  });
};

/**
 * Runs commands in order through the domain service, process managers included, and stops at the
 * first command a rule rejects, the first reaction a rule refuses, or the first store failure.
 * `before` runs before each command (the demo sets its clock there); `acknowledged` runs as soon as
 * the store has acknowledged a command (its events written and, for a journal, fsynced, or found
 * there already), before the next one starts, also for a command whose reaction is then refused.
 */
export const executeInOrder = async (
  service: BoroughCommand,
  commands: readonly DomainCommand[],
  context: CommandContext,
  before: (command: DomainCommand) => void = () => undefined,
  acknowledged: (acknowledgement: Acknowledgement) => void = () => undefined,
): Promise<{ readonly tally: Tally; readonly stop: Stop | undefined }> => {
  const tally: Tally = { applied: 0, alreadyApplied: 0, eventsWritten: 0, reactionEvents: 0, byType: new Map() };
  for (const [index, command] of commands.entries()) {
    before(command);
    const outcome = await service.execute(command, context)();
    if (E.isLeft(outcome)) {
      const error = outcome.left;
      if (error._tag === 'CommandRejected') {
        return {
          tally,
          stop: { _tag: 'Rejected', index, rule: error.rejection.rule, rejection: error.rejection._tag, message: error.rejection.message },
        };
      }
      return { tally, stop: { _tag: storeFaultOf(error) ?? 'Failed', index, message: describeCommandError(error).message } };
    }
    count(tally, outcome.right);
    acknowledged({ index, execution: outcome.right });
    const [refused] = outcome.right.failedReactions;
    if (refused !== undefined) {
      const described = describeCommandError(refused.error);
      return { tally, stop: { _tag: 'ReactionRefused', index, reaction: refused.command, rule: described.rule, message: described.message, fault: storeFaultOf(refused.error) } };
    }
  }
  return { tally, stop: undefined };
};
