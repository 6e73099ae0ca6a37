import { SpanKind, SpanStatusCode, trace, type Attributes, type Span, type Tracer } from '@opentelemetry/api';
import * as E from 'fp-ts/lib/Either.js';
import type { EventShape, NewEvent, RecordedEvent } from '../envelope.js';
import type { StoreError } from '../errors.js';
import type { AllEventsFilter, EventStore, ReadAllOptions, ReadStreamOptions, Subscription, SubscriptionMessage } from '../event-store.js';
import { DOMAIN_TRACER_NAME, bigintAttribute } from './kernel-tracer.js';

/** A store operation's span attributes common to all of them: the store and the operation. */
const operationAttributes = (store: { readonly name: string }, operation: string): Attributes => ({
  'db.system.name': store.name,
  'db.operation.name': operation,
});

/** The filter of `readAll` and `subscribeToAll` as attributes: the checkpoint and the stream prefixes. */
const filterAttributes = (filter: AllEventsFilter | undefined): Attributes => ({
  ...(filter?.after === undefined ? {} : { 'borough_command.after': bigintAttribute(filter.after) }),
  ...(filter?.streamPrefixes === undefined ? {} : { 'borough_command.stream_prefixes': [...filter.streamPrefixes] }),
});

/**
 * The correlation and causation ids of an append's first event: a command's events share them.
 * Only strings are kept, so an append the store refuses for its metadata still gets a span.
 */
const idAttributes = <Ev extends EventShape>(events: readonly NewEvent<Ev>[]): Attributes => {
  const first: unknown = Array.isArray(events) ? (events[0] as NewEvent<Ev> | undefined)?.metadata : undefined;
  if (typeof first !== 'object' || first === null) return {};
  const { correlationId, causationId } = first as Partial<Record<string, unknown>>;
  return {
    ...(typeof correlationId === 'string' ? { 'borough_command.correlation_id': correlationId } : {}),
    ...(typeof causationId === 'string' ? { 'borough_command.causation_id': causationId } : {}),
  };
};

/**
 * Marks a span failed by a store error: its tag only, never its reason (which may quote a
 * stream's events or an address). `StreamNotFound` is an answer, not a failure: tagged, status left unset.
 */
const failedWith = (span: Span, error: StoreError): void => {
  span.setAttribute('borough_command.error.tag', error._tag);
  if (error._tag !== 'StreamNotFound') span.setStatus({ code: SpanStatusCode.ERROR, message: error._tag });
};

/** Marks a span failed by a thrown error: its type only (its message may hold anything). */
const threw = (span: Span, cause: unknown): void => {
  span.setAttribute('exception.type', cause instanceof Error ? cause.name : typeof cause);
  span.setStatus({ code: SpanStatusCode.ERROR, message: 'threw' });
};

/** Runs one call of a store inside a span, ending it whatever happens. */
const withSpan = async <A>(tracer: Tracer, name: string, attributes: Attributes, run: (span: Span) => Promise<A>): Promise<A> => {
  const span = tracer.startSpan(name, { kind: SpanKind.CLIENT, attributes });
  try {
    return await run(span);
  } catch (cause) {
    threw(span, cause);
    throw cause;
  } finally {
    span.end();
  }
};

/** The positions of the events a span saw: how many, the first and the last. */
interface Seen {
  events: number;
  first: bigint | undefined;
  last: bigint | undefined;
}

const see = (seen: Seen, events: readonly RecordedEvent[]): void => {
  seen.events += events.length;
  const [head] = events;
  const tail = events.at(-1);
  if (seen.first === undefined && head !== undefined) seen.first = head.position;
  if (tail !== undefined) seen.last = tail.position;
};

const seenAttributes = (seen: Seen): Attributes => ({
  'borough_command.event.count': seen.events,
  ...(seen.first === undefined ? {} : { 'borough_command.position.first': bigintAttribute(seen.first) }),
  ...(seen.last === undefined ? {} : { 'borough_command.position.last': bigintAttribute(seen.last) }),
});

/** `readAll` in a span that lasts from the first page asked for to the end of the iteration. */
const tracedPages = async function* <Ev extends EventShape>(
  tracer: Tracer,
  store: EventStore<Ev>,
  options: ReadAllOptions | undefined,
): AsyncGenerator<E.Either<StoreError, readonly RecordedEvent<Ev>[]>, void, undefined> {
  const span = tracer.startSpan('readAll', {
    kind: SpanKind.CLIENT,
    attributes: {
      ...operationAttributes(store, 'readAll'),
      ...filterAttributes(options),
      ...(options?.pageSize === undefined ? {} : { 'borough_command.page_size': options.pageSize }),
    },
  });
  const seen: Seen = { events: 0, first: undefined, last: undefined };
  let pages = 0;
  try {
    for await (const page of store.readAll(options)) {
      if (E.isLeft(page)) failedWith(span, page.left);
      else {
        pages += 1;
        see(seen, page.right);
      }
      yield page;
    }
  } catch (cause) {
    threw(span, cause);
    throw cause;
  } finally {
    span.setAttributes({ ...seenAttributes(seen), 'borough_command.pages': pages });
    span.end();
  }
};

/**
 * A subscription whose catch-up is a span: from the subscription to `CaughtUp`, a `Dropped`
 * message, the end of the iteration or `close()`, whichever comes first. Live events are not in it
 * (a service follows the log for its lifetime; a span that never ends is never exported).
 */
const tracedSubscription = <Ev extends EventShape>(tracer: Tracer, store: EventStore<Ev>, filter: AllEventsFilter | undefined): Subscription<Ev> => {
  const span = tracer.startSpan('subscribeToAll', {
    kind: SpanKind.CLIENT,
    attributes: { ...operationAttributes(store, 'subscribeToAll'), ...filterAttributes(filter) },
  });
  const seen: Seen = { events: 0, first: undefined, last: undefined };
  let ended = false;
  const end = (attributes: Attributes): void => {
    if (ended) return;
    ended = true;
    span.setAttributes({ ...seenAttributes(seen), ...attributes });
    span.end();
  };
  let subscription: Subscription<Ev>;
  try {
    subscription = store.subscribeToAll(filter);
  } catch (cause) {
    threw(span, cause);
    end({});
    throw cause;
  }
  const observe = (message: SubscriptionMessage<Ev>): void => {
    if (ended) return;
    switch (message._tag) {
      case 'Event':
        see(seen, [message.event]);
        return;
      case 'CaughtUp':
        end({ 'borough_command.caught_up': true, ...(message.position === undefined ? {} : { 'borough_command.position': bigintAttribute(message.position) }) });
        return;
      case 'Dropped':
        failedWith(span, message.error);
        end({ 'borough_command.caught_up': false });
        return;
    }
  };
  return {
    close: async () => {
      end({ 'borough_command.caught_up': false });
      await subscription.close();
    },
    [Symbol.asyncIterator]: () => {
      const messages = subscription[Symbol.asyncIterator]();
      return {
        next: async () => {
          const next = await messages.next();
          if (next.done === true) end({ 'borough_command.caught_up': false });
          else observe(next.value);
          return next;
        },
        return: async (value?: unknown) => {
          end({ 'borough_command.caught_up': false });
          return messages.return === undefined ? { done: true, value: undefined } : messages.return(value);
        },
      };
    },
  };
};

/** Options of `tracedEventStore`. */
export interface TracedEventStoreOptions {
  /** The instrumentation scope (tracer name) of the spans: the package of the store; `@borough-command/domain` when absent. */
  readonly scope?: string;
}

/**
 * Wraps a store so that each of its operations is a span: `appendToStream`, `readStream`,
 * `readAll` and the catch-up of `subscribeToAll`, each with the store's name as `db.system.name`.
 * Without an OpenTelemetry SDK in the process the spans are no-ops. Every store of the project
 * comes wrapped from its factory; other properties of the store are kept as they are.
 */
export const tracedEventStore = <Ev extends EventShape, S extends EventStore<Ev> = EventStore<Ev>>(store: S, settings: TracedEventStoreOptions = {}): S => {
  const scope = settings.scope ?? DOMAIN_TRACER_NAME;
  // Asked of the global provider at each use: a tracer kept from before a provider is registered stays a no-op.
  const tracer = (): Tracer => trace.getTracer(scope);
  return {
    ...store,
    appendToStream: (stream: string, events: readonly NewEvent<Ev>[], expectedRevision: Parameters<EventStore<Ev>['appendToStream']>[2]) => () =>
      withSpan(
        tracer(),
        'appendToStream',
        {
          ...operationAttributes(store, 'appendToStream'),
          'borough_command.stream': stream,
          'borough_command.event.count': Array.isArray(events) ? events.length : 0,
          'borough_command.expected_revision': typeof expectedRevision === 'bigint' ? bigintAttribute(expectedRevision) : expectedRevision,
          ...idAttributes(events),
        },
        async (span) => {
          const appended = await store.appendToStream(stream, events, expectedRevision)();
          if (E.isLeft(appended)) failedWith(span, appended.left);
          else {
            span.setAttributes({
              'borough_command.revision': bigintAttribute(appended.right.nextExpectedRevision),
              'borough_command.position': bigintAttribute(appended.right.position),
              'borough_command.written': appended.right.written,
            });
          }
          return appended;
        },
      ),
    readStream: (stream: string, options?: ReadStreamOptions) => () =>
      withSpan(
        tracer(),
        'readStream',
        {
          ...operationAttributes(store, 'readStream'),
          'borough_command.stream': stream,
          ...(options?.direction === undefined ? {} : { 'borough_command.direction': options.direction }),
          ...(options?.fromRevision === undefined
            ? {}
            : { 'borough_command.from_revision': typeof options.fromRevision === 'bigint' ? bigintAttribute(options.fromRevision) : options.fromRevision }),
          ...(options?.maxCount === undefined ? {} : { 'borough_command.max_count': options.maxCount }),
        },
        async (span) => {
          const read = await store.readStream(stream, options)();
          if (E.isLeft(read)) failedWith(span, read.left);
          else {
            const seen: Seen = { events: 0, first: undefined, last: undefined };
            see(seen, read.right);
            span.setAttributes(seenAttributes(seen));
          }
          return read;
        },
      ),
    readAll: (options?: ReadAllOptions) => ({ [Symbol.asyncIterator]: () => tracedPages(tracer(), store, options) }),
    subscribeToAll: (filter?: AllEventsFilter) => tracedSubscription(tracer(), store, filter),
  };
};
