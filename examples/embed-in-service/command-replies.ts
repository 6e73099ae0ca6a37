/**
 * What `POST /commands` answers: 200 with the events recorded and the process managers' reactions,
 * 400 naming the field of an invalid command, 422 with the rule a command broke, 409 when the
 * stream kept changing under it, 503 for a store error. Retrying a command is always safe: its
 * `commandId` makes a retry write nothing twice.
 */
import {
  type DomainCommandError,
  type Execution,
  type FailedReaction,
  type HandledCommand,
  type InvalidCommand,
} from '@borough-command/domain';
import { describeStoreError } from '@borough-command/domain/eventsourcing';
import { errorReply, type Reply } from './http-json.js';

/** What a client is told about retrying after a conflict or a store error. */
export const RETRY_IS_SAFE = 'retry is safe: the same commandId never records its events twice';

/** Whether the views already show the command's events, and the store position they reached. */
export type ViewsState =
  | { readonly upToDate: true; readonly position: bigint | null }
  | { readonly upToDate: false; readonly reason: string };

/** One handled command as the client sees it: where it was decided and the events it recorded. */
const handledJson = (done: HandledCommand) => ({
  type: done.command.type,
  commandId: done.command.commandId,
  stream: done.result.stream,
  alreadyApplied: done.result.alreadyApplied,
  events: done.result.events.map((recorded) => ({
    type: recorded.event.type,
    eventId: recorded.metadata.eventId,
    data: recorded.event.data,
    actor: recorded.metadata.actor,
    correlationId: recorded.metadata.correlationId,
    causationId: recorded.metadata.causationId,
  })),
});

/** The body of an error without its HTTP status: what went wrong, in words and facts. */
const errorJson = (error: DomainCommandError): Readonly<Record<string, unknown>> => {
  const reply = commandErrorReply(error);
  return { status: reply.status, ...(reply.body as Readonly<Record<string, unknown>>) };
};

const failedJson = (failed: FailedReaction) => ({
  type: failed.command.type,
  commandId: failed.command.commandId,
  error: errorJson(failed.error),
});

/** 200: the command's events, then each reaction (AP-12, PO-6, RS-4) with its events, and the reactions that failed. */
export const executedReply = (execution: Execution, views: ViewsState): Reply => {
  const [first, ...reactions] = execution.handled;
  if (first === undefined) throw new Error('an execution always holds the command it executed');
  return {
    status: 200,
    body: {
      ...handledJson(first),
      reactions: reactions.map(handledJson),
      failedReactions: execution.failedReactions.map(failedJson),
      views,
    },
  };
};

/** 400: the command is not valid JSON for any command type; `field` is the path of the offending field. */
export const invalidCommandReply = (invalid: InvalidCommand): Reply =>
  errorReply(400, 'InvalidCommand', invalid.message, { field: invalid.path, reason: invalid.reason, commandType: invalid.commandType ?? null });

/** 422 for a rule's rejection (its rule ID, sentence and facts); 409 for a stream that kept changing; 503 for a store error. */
export const commandErrorReply = (error: DomainCommandError): Reply => {
  switch (error._tag) {
    case 'CommandRejected':
      return errorReply(422, 'CommandRejected', error.rejection.message, {
        rule: error.rejection.rule,
        rejection: error.rejection,
        stream: error.stream,
      });
    case 'TooManyConflicts':
      return {
        ...errorReply(409, 'TooManyConflicts', `stream '${error.stream}' kept changing during ${error.attempts.toString()} attempts`, {
          stream: error.stream,
          retry: RETRY_IS_SAFE,
        }),
        headers: { 'retry-after': '1' },
      };
    default:
      return {
        ...errorReply(503, error._tag, describeStoreError(error), { retry: RETRY_IS_SAFE }),
        headers: { 'retry-after': '1' },
      };
  }
};
