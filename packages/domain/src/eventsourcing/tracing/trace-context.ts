import { context, trace, type SpanContext } from '@opentelemetry/api';

/** A W3C `traceparent` of version 00: version, trace id, parent span id and flags, in lower-case hex. */
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * The W3C `traceparent` of a span context (`00-<trace id>-<span id>-<flags>`), or undefined when the
 * context is not valid (no tracing set up: the no-op tracer's spans have an invalid context).
 */
export const traceparentOf = (spanContext: SpanContext | undefined): string | undefined => {
  if (spanContext === undefined || !trace.isSpanContextValid(spanContext)) return undefined;
  const flags = (spanContext.traceFlags & 0xff).toString(16).padStart(2, '0');
  return `00-${spanContext.traceId}-${spanContext.spanId}-${flags}`;
};

/** The W3C `traceparent` of the span active now, or undefined when there is none with a valid context. */
export const activeTraceparent = (): string | undefined => traceparentOf(trace.getSpanContext(context.active()));

/**
 * The span context a stored `traceparent` names, marked remote, or undefined when it is absent or
 * not a valid version-00 `traceparent` (it is then ignored, never an error).
 */
export const spanContextOfTraceparent = (traceparent: string | undefined): SpanContext | undefined => {
  if (traceparent === undefined) return undefined;
  const match = TRACEPARENT.exec(traceparent);
  if (match === null) return undefined;
  const [, traceId, spanId, flags] = match as unknown as [string, string, string, string];
  const spanContext: SpanContext = { traceId, spanId, traceFlags: Number.parseInt(flags, 16), isRemote: true };
  return trace.isSpanContextValid(spanContext) ? spanContext : undefined;
};
