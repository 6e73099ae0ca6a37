import { SpanKind, SpanStatusCode, type Attributes, type Link, type Span } from '@opentelemetry/api';
import * as E from 'fp-ts/lib/Either.js';
import { bigintAttribute, kernelTracer } from './kernel-tracer.js';
import { spanContextOfTraceparent } from './trace-context.js';

/** What a command's span is told as the command is handled: the retries after conflicts so far. */
export interface CommandProgress {
  retries: number;
}

/** What a command's span needs to know of it before it is handled. */
export interface CommandToTrace {
  readonly command: object;
  readonly stream: string;
  readonly correlationId: string;
  readonly causationId: string;
  /** The `traceparent` of the event that caused the command, when it is a reaction to one. */
  readonly causationTraceparent: string | undefined;
}

/** What a command's span reads of its outcome: the shapes of `CommandResult` and `CommandError`. */
type Outcome = E.Either<
  { readonly _tag: string; readonly rejection?: unknown },
  { readonly events: readonly unknown[]; readonly alreadyApplied: boolean; readonly revision: bigint | string }
>;

/** The command's `type` when it has one (every domain command does), else `command`. */
const commandTypeOf = (command: object): string => {
  const type: unknown = (command as { readonly type?: unknown }).type;
  return typeof type === 'string' && type.length > 0 ? type : 'command';
};

/** A rejection's tag and rule ID, when it carries them: never its message (it names people). */
const rejectionAttributes = (rejection: unknown): Attributes => {
  if (typeof rejection !== 'object' || rejection === null) return {};
  const { _tag, rule } = rejection as { readonly _tag?: unknown; readonly rule?: unknown };
  return {
    ...(typeof _tag === 'string' ? { 'borough_command.rejection.tag': _tag } : {}),
    ...(typeof rule === 'string' ? { 'borough_command.rejection.rule': rule } : {}),
  };
};

/** The span's attributes and status once the command has an outcome. */
const settle = (span: Span, outcome: Outcome, retries: number): void => {
  span.setAttribute('borough_command.retries', retries);
  if (E.isRight(outcome)) {
    const { events, alreadyApplied, revision } = outcome.right;
    span.setAttributes({
      'borough_command.outcome': alreadyApplied ? 'already_applied' : 'applied',
      'borough_command.event.count': events.length,
      'borough_command.revision': typeof revision === 'bigint' ? bigintAttribute(revision) : revision,
    });
    return;
  }
  const error = outcome.left;
  if (error._tag === 'CommandRejected') {
    // A rejection is the decider's answer, not a failure of the service: the status stays unset.
    span.setAttributes({ 'borough_command.outcome': 'rejected', ...rejectionAttributes(error.rejection) });
    return;
  }
  span.setAttributes({ 'borough_command.outcome': 'failed', 'borough_command.error.tag': error._tag });
  span.setStatus({ code: SpanStatusCode.ERROR, message: error._tag });
};

/** A link to the span of the command whose event caused this one, read from the event's `traceparent`. */
const causeLinks = (traceparent: string | undefined): Link[] => {
  const cause = spanContextOfTraceparent(traceparent);
  return cause === undefined ? [] : [{ context: cause, attributes: { 'borough_command.link': 'caused_by' } }];
};

/**
 * Handles a command inside its span, `handle <command type>`, active while it runs (its store
 * operations are its children, and its events' `traceparent` names it). A reaction's span links to
 * the span of the command that recorded the causing event.
 */
export const traceCommand = async <A extends Outcome>(toTrace: CommandToTrace, handle: (progress: CommandProgress) => Promise<A>): Promise<A> => {
  const type = commandTypeOf(toTrace.command);
  return kernelTracer().startActiveSpan(
    `handle ${type}`,
    {
      kind: SpanKind.INTERNAL,
      attributes: {
        'borough_command.command.type': type,
        'borough_command.stream': toTrace.stream,
        'borough_command.correlation_id': toTrace.correlationId,
        'borough_command.causation_id': toTrace.causationId,
      },
      links: causeLinks(toTrace.causationTraceparent),
    },
    async (span) => {
      const progress: CommandProgress = { retries: 0 };
      try {
        const outcome = await handle(progress);
        settle(span, outcome, progress.retries);
        return outcome;
      } catch (cause) {
        span.setAttributes({ 'borough_command.outcome': 'failed', 'exception.type': cause instanceof Error ? cause.name : typeof cause });
        span.setStatus({ code: SpanStatusCode.ERROR, message: 'threw' });
        throw cause;
      } finally {
        span.end();
      }
    },
  );
};
