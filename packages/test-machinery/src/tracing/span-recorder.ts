/**
 * An OpenTelemetry SDK for tests: every finished span kept in memory, and an async-hooks context
 * manager so spans nest across awaits. Registered globally for one test file, removed after it.
 */
import { context, trace, type Attributes, type AttributeValue } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';

/** The spans finished since the recorder was started or last cleared. */
export interface SpanRecorder {
  readonly spans: () => readonly ReadableSpan[];
  readonly clear: () => void;
  readonly stop: () => Promise<void>;
}

/** Registers a tracer provider that keeps every finished span, and a context manager. */
export const startSpanRecorder = (): SpanRecorder => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  if (!trace.setGlobalTracerProvider(provider)) throw new Error('a tracer provider is already registered');
  if (!context.setGlobalContextManager(contextManager)) throw new Error('a context manager is already registered');
  return {
    spans: () => exporter.getFinishedSpans(),
    clear: () => {
      exporter.reset();
    },
    stop: async () => {
      await provider.shutdown();
      trace.disable();
      context.disable();
    },
  };
};

/** A span's W3C `traceparent`, written from its context as the W3C Trace Context format says. */
export const traceparentOfSpan = (span: ReadableSpan): string => {
  const { traceId, spanId, traceFlags } = span.spanContext();
  return `00-${traceId}-${spanId}-${traceFlags.toString(16).padStart(2, '0')}`;
};

/** The spans whose parent is the given span. */
export const childrenOf = (spans: readonly ReadableSpan[], parent: ReadableSpan): ReadableSpan[] =>
  spans.filter((span) => span.parentSpanContext?.spanId === parent.spanContext().spanId);

/** The one span of a name whose attributes include the given ones. */
export const onlySpan = (spans: readonly ReadableSpan[], name: string, attributes: Attributes = {}): ReadableSpan => {
  const found = spans.filter((span) => span.name === name && Object.entries(attributes).every(([key, value]) => span.attributes[key] === value));
  if (found.length !== 1) throw new Error(`expected one span '${name}' with ${JSON.stringify(attributes)}, found ${String(found.length)}`);
  return found[0] as ReadableSpan;
};

const textsOf = (value: AttributeValue | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value.map((item) => String(item)) : [String(value)];

/** Every text a span shows: its name, status message, attributes, events and links, keys and values. */
export const everyTextOf = (span: ReadableSpan): string[] => {
  const ofAttributes = (attributes: Attributes | undefined): string[] =>
    Object.entries(attributes ?? {}).flatMap(([key, value]) => [key, ...textsOf(value)]);
  return [
    span.name,
    span.status.message ?? '',
    ...ofAttributes(span.attributes),
    ...span.events.flatMap((event) => [event.name, ...ofAttributes(event.attributes)]),
    ...span.links.flatMap((link) => ofAttributes(link.attributes)),
  ];
};
