/**
 * With no OpenTelemetry SDK in the process, the spans are no-ops: commands, reactions and stores
 * work as before and the events' metadata carries no trace context. Old events, which never had
 * one, read as they always did.
 */
import { ROOT_CONTEXT, context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createBoroughCommand } from '../../src/borough-command/borough-command-service.js';
import { createInMemoryStore } from '../../src/eventsourcing/in-memory-store.js';
import { decodeMetadata } from '../../src/eventsourcing/metadata-codec.js';
import { domainEventRegistry, type DomainEvent } from '../../src/borough-command/domain-events.js';
import { isoDate } from '../../src/shared/iso-date.js';
import type { RecordedEvent } from '../../src/eventsourcing/envelope.js';
import { appointmentInCamden, dana } from '../borough-command/story.js';

const where = { stream: 'appointment-camden', revision: 0n, type: 'AppointmentProcessOpened' };
const stored = {
  eventId: '6f1c1bd2-4a0e-5d36-9c55-4d5e1f0b7a21',
  commandId: 'open',
  correlationId: 'open',
  causationId: 'open',
  actor: 'test',
  recordedAt: '2012-03-01T09:00:00.000Z',
  schemaVersion: 1,
};

describe('tracing without an SDK', () => {
  it('commands and their reactions are handled as before, and no event carries a traceparent', async () => {
    // Nothing registered: the API's tracer makes spans that record nothing and have no valid context.
    const probe = trace.getTracer('probe').startSpan('probe');
    expect(trace.isSpanContextValid(probe.spanContext())).toBe(false);
    probe.end();

    const store = createInMemoryStore(domainEventRegistry);
    const service = createBoroughCommand({ store });
    for (const command of appointmentInCamden('camden-2012', dana, isoDate('2012-04-02'), isoDate('2012-05-01'))) {
      const outcome = await service.execute(command, { actor: 'test' })();
      if (E.isLeft(outcome)) expect.fail(`${command.type}: ${outcome.left._tag}`);
    }
    const events: RecordedEvent<DomainEvent>[] = [];
    for await (const page of store.readAll()) {
      if (E.isLeft(page)) return expect.fail(page.left._tag);
      events.push(...page.right);
    }
    // The reaction (AP-12) ran: the posting started.
    expect(events.map((recorded) => recorded.event.type)).toContain('PostingStarted');
    expect(events.filter((recorded) => 'traceparent' in recorded.metadata)).toEqual([]);
  });

  it('metadata without a traceparent (every event recorded before tracing) decodes as it did; with one, it is kept', () => {
    expect(decodeMetadata(stored, where)).toEqual(E.right(stored));
    const traced = { ...stored, traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' };
    expect(decodeMetadata(traced, where)).toEqual(E.right(traced));
    expect(E.isLeft(decodeMetadata({ ...stored, traceparent: '' }, where))).toBe(true);
  });

  it('with no tracer provider but a context manager, the span context of the caller is carried on as it is', async () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    try {
      const caller = { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: 1 };
      const store = createInMemoryStore(domainEventRegistry);
      const service = createBoroughCommand({ store });
      const [open] = appointmentInCamden('camden-2012', dana, isoDate('2012-04-02'), isoDate('2012-05-01'));
      if (open === undefined) return expect.fail('no opening command');
      const outcome = await context.with(trace.setSpanContext(ROOT_CONTEXT, caller), () => service.execute(open, { actor: 'test' })());
      if (E.isLeft(outcome)) return expect.fail(outcome.left._tag);
      const read = await store.readStream('appointment-camden-2012')();
      expect(E.isRight(read) && read.right.map((recorded) => recorded.metadata.traceparent)).toEqual(['00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01']);
    } finally {
      context.disable();
    }
  });
});
