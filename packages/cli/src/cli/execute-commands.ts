import * as E from 'fp-ts/lib/Either.js';
import {
  describeStoreError,
  type BoroughCommand,
  type CommandContext,
  type DomainCommand,
  type DomainCommandError,
  type Execution,
} from '@borough-command/domain';

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

/** Why a run of commands stopped before the end. */
export type Stop =
  | { readonly _tag: 'Rejected'; readonly index: number; readonly rule: string; readonly rejection: string; readonly message: string }
  | {
      readonly _tag: 'ReactionRefused';
      readonly index: number;
      readonly reaction: DomainCommand;
      readonly rule: string | undefined;
      readonly message: string;
    }
  | { readonly _tag: 'Failed'; readonly index: number; readonly message: string };

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
 * `before` runs before each command (the demo sets its clock there).
 */
export const executeInOrder = async (
  service: BoroughCommand,
  commands: readonly DomainCommand[],
  context: CommandContext,
  before: (command: DomainCommand) => void = () => undefined,
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
      return { tally, stop: { _tag: 'Failed', index, message: describeCommandError(error).message } };
    }
    count(tally, outcome.right);
    const [refused] = outcome.right.failedReactions;
    if (refused !== undefined) {
      const described = describeCommandError(refused.error);
      return { tally, stop: { _tag: 'ReactionRefused', index, reaction: refused.command, rule: described.rule, message: described.message } };
    }
  }
  return { tally, stop: undefined };
};
