/**
 * A command's span, its store operations' spans as its children, and its reaction's span linked to
 * it through the `traceparent` its event carries in the store; a rejection's rule; retries.
 */
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBoroughCommand, type BoroughCommand } from '../../src/borough-command/borough-command-service.js';
import { createCommandHandler } from '../../src/eventsourcing/command-handler.js';
import { createInMemoryStore } from '../../src/eventsourcing/in-memory-store.js';
import { domainEventRegistry, type DomainEvent } from '../../src/borough-command/domain-events.js';
import { isoDate } from '../../src/shared/iso-date.js';
import { postingStream } from '../../src/shared/streams.js';
import type { DomainCommand } from '../../src/borough-command/domain-commands.js';
import type { EventStore } from '../../src/eventsourcing/event-store.js';
import type { RecordedEvent } from '../../src/eventsourcing/envelope.js';
import { appointmentInCamden, dana } from '../borough-command/story.js';
import { tallyDecider, tallyRegistry, type TallyCommand, type TallyEvent } from '../kernel/tally-decider.js';
import { childrenOf, onlySpan, startSpanRecorder, traceparentOfSpan, type SpanRecorder } from '@borough-command/test-machinery';

let recorder: SpanRecorder;
beforeAll(() => {
  recorder = startSpanRecorder();
});
afterAll(async () => {
  await recorder.stop();
});
beforeEach(() => {
  recorder.clear();
});

const actor = { actor: 'test' };
const camden = { kind: 'borough', name: 'Camden' } as const;

const runAll = async (service: BoroughCommand, commands: readonly DomainCommand[]): Promise<void> => {
  for (const command of commands) {
    const outcome = await service.execute(command, actor)();
    if (E.isLeft(outcome)) expect.fail(`${command.type} failed: ${JSON.stringify(outcome.left)}`);
  }
};

const streamEvents = async (store: EventStore<DomainEvent>, stream: string): Promise<readonly RecordedEvent<DomainEvent>[]> => {
  const read = await store.readStream(stream)();
  if (E.isLeft(read)) return expect.fail(`reading ${stream}: ${read.left._tag}`);
  return read.right;
};

describe('command spans', () => {
  it('a command is a span with its store operations as children, and its events carry its trace context', async () => {
    const store = createInMemoryStore(domainEventRegistry);
    const service = createBoroughCommand({ store });
    await runAll(service, appointmentInCamden('camden-2012', dana, isoDate('2012-04-02'), isoDate('2012-05-01')));

    const spans = recorder.spans();
    const decision = onlySpan(spans, 'handle TakeFinalDecision');
    expect(decision.kind).toBe(SpanKind.INTERNAL);
    expect(decision.instrumentationScope.name).toBe('@borough-command/domain');
    expect(decision.attributes).toMatchObject({
      'borough_command.command.type': 'TakeFinalDecision',
      'borough_command.stream': 'appointment-camden-2012',
      'borough_command.outcome': 'applied',
      'borough_command.retries': 0,
      'borough_command.correlation_id': 'camden-2012/decide',
      'borough_command.causation_id': 'camden-2012/decide',
      'borough_command.event.count': 1,
    });
    expect(decision.status.code).toBe(SpanStatusCode.UNSET);

    const storeSpans = childrenOf(spans, decision);
    const append = storeSpans.find((span) => span.name === 'appendToStream');
    expect(append?.kind).toBe(SpanKind.CLIENT);
    expect(append?.attributes).toMatchObject({
      'db.system.name': 'in-memory',
      'db.operation.name': 'appendToStream',
      'borough_command.stream': 'appointment-camden-2012',
      'borough_command.event.count': 1,
      'borough_command.written': 1,
      'borough_command.correlation_id': 'camden-2012/decide',
    });
    // The opening read its stream first: not there yet, an answer rather than a failure.
    const opening = onlySpan(spans, 'handle OpenAppointmentProcess');
    const read = childrenOf(spans, opening).find((span) => span.name === 'readStream');
    expect(read?.attributes).toMatchObject({ 'db.system.name': 'in-memory', 'borough_command.stream': 'appointment-camden-2012', 'borough_command.error.tag': 'StreamNotFound' });
    expect(read?.status.code).toBe(SpanStatusCode.UNSET);

    // Read back from the store: the confirmation carries the decision's span as its trace context.
    const appointment = await streamEvents(store, 'appointment-camden-2012');
    const confirmed = appointment.find((recorded) => recorded.event.type === 'AppointmentConfirmed');
    expect(confirmed?.metadata.traceparent).toBe(traceparentOfSpan(decision));
    expect(append?.attributes['borough_command.revision']).toBe(confirmed?.revision.toString());
  });

  it("a reaction's span links to the span of the command whose event caused it, through the traceparent read from the store", async () => {
    const store = createInMemoryStore(domainEventRegistry);
    const service = createBoroughCommand({ store });
    await runAll(service, appointmentInCamden('camden-2012', dana, isoDate('2012-04-02'), isoDate('2012-05-01')));

    const spans = recorder.spans();
    const decision = onlySpan(spans, 'handle TakeFinalDecision');
    const reaction = onlySpan(spans, 'handle StartPosting');
    const confirmed = (await streamEvents(store, 'appointment-camden-2012')).find((recorded) => recorded.event.type === 'AppointmentConfirmed');
    if (confirmed === undefined) return expect.fail('no AppointmentConfirmed');
    const carried = confirmed.metadata.traceparent;
    if (carried === undefined) return expect.fail('the confirmation carries no traceparent');

    // The link names the span the stored traceparent names: the decision's.
    expect(reaction.links).toHaveLength(1);
    const [link] = reaction.links;
    expect(carried).toBe(`00-${link?.context.traceId ?? ''}-${link?.context.spanId ?? ''}-01`);
    expect(link?.context.spanId).toBe(decision.spanContext().spanId);
    expect(link?.context.traceId).toBe(decision.spanContext().traceId);
    expect(link?.attributes).toEqual({ 'borough_command.link': 'caused_by' });
    expect(reaction.attributes).toMatchObject({
      'borough_command.stream': 'posting-borough-camden',
      'borough_command.outcome': 'applied',
      'borough_command.correlation_id': confirmed.metadata.correlationId,
      'borough_command.causation_id': confirmed.metadata.eventId,
    });
    // The reaction's own store operations are its children, and its event names its span in turn.
    expect(childrenOf(spans, reaction).map((span) => span.name)).toContain('appendToStream');
    const [posting] = await streamEvents(store, postingStream(camden));
    expect(posting?.metadata.traceparent).toBe(traceparentOfSpan(reaction));
    // A command sent by a person links to nothing.
    expect(decision.links).toEqual([]);
  });

  it('a rejected command is a span with the rejection tag and rule ID, and its status unset', async () => {
    const store = createInMemoryStore(domainEventRegistry);
    const service = createBoroughCommand({ store });
    const [open] = appointmentInCamden('camden-2012', dana, isoDate('2012-04-02'), isoDate('2012-05-01'));
    if (open === undefined) return expect.fail('no opening command');
    await runAll(service, [open]);
    recorder.clear();
    const again = await service.execute({ ...open, commandId: 'camden-2012/open again' }, actor)();
    expect(E.isLeft(again) && again.left._tag).toBe('CommandRejected');

    const rejected = onlySpan(recorder.spans(), 'handle OpenAppointmentProcess');
    expect(rejected.attributes).toMatchObject({
      'borough_command.outcome': 'rejected',
      'borough_command.rejection.tag': 'ProcessAlreadyOpened',
      'borough_command.rejection.rule': 'AP-1',
      'borough_command.retries': 0,
    });
    expect(rejected.status.code).toBe(SpanStatusCode.UNSET);
    expect(childrenOf(recorder.spans(), rejected).map((span) => span.name)).not.toContain('appendToStream');
  });

  it('a command sent again is a span with the outcome already_applied', async () => {
    const store = createInMemoryStore(domainEventRegistry);
    const service = createBoroughCommand({ store });
    const [open] = appointmentInCamden('camden-2012', dana, isoDate('2012-04-02'), isoDate('2012-05-01'));
    if (open === undefined) return expect.fail('no opening command');
    await runAll(service, [open, open]);
    const spans = recorder.spans().filter((span) => span.name === 'handle OpenAppointmentProcess');
    expect(spans.map((span) => span.attributes['borough_command.outcome'])).toEqual(['applied', 'already_applied']);
  });

  it('retries after conflicting appends are counted, and a command that runs out of them failed', async () => {
    const inner = createInMemoryStore(tallyRegistry);
    let competitors = 0;
    // Before each of the first `conflicts` appends of each command, another writer appends to the same stream.
    const competing = (conflicts: number): EventStore<TallyEvent> => {
      const tries = new Map<string, number>();
      return {
        ...inner,
        appendToStream: (stream, events, expected) => async () => {
          const first = events[0]?.metadata ?? expect.fail('no event');
          const tried = tries.get(first.commandId) ?? 0;
          tries.set(first.commandId, tried + 1);
          if (tried < conflicts) {
            competitors += 1;
            const eventId = `00000000-0000-4000-8000-${String(competitors).padStart(12, '0')}`;
            const competitor = { event: { type: 'Added', data: { amount: 1, line: 0 } } as const, metadata: { ...first, eventId, commandId: `competitor ${String(competitors)}` } };
            const sneaked = await inner.appendToStream(stream, [competitor], 'any')();
            if (E.isLeft(sneaked)) expect.fail(`competitor: ${sneaked.left._tag}`);
          }
          return inner.appendToStream(stream, events, expected)();
        },
      };
    };
    const open: TallyCommand = { kind: 'Open', commandId: 'open', tally: 't', owner: 'o', deposit: 0 };
    const add: TallyCommand = { kind: 'Add', commandId: 'add', tally: 't', amount: 2 };
    const handler = createCommandHandler({ store: competing(1), decider: tallyDecider, streamOf: (command: TallyCommand) => `tally-${command.tally}`, maxRetries: 3, cachedStreams: 0 });
    expect(E.isRight(await handler(open, actor)())).toBe(true);
    expect(E.isRight(await handler(add, actor)())).toBe(true);
    const [opened, added] = recorder.spans().filter((span) => span.name === 'handle command');
    // Each command met one competitor: one retry each.
    expect(opened?.attributes).toMatchObject({ 'borough_command.outcome': 'applied', 'borough_command.retries': 1 });
    expect(added?.attributes).toMatchObject({ 'borough_command.outcome': 'applied', 'borough_command.retries': 1 });

    recorder.clear();
    const stubborn = createCommandHandler({ store: competing(10), decider: tallyDecider, streamOf: (command: TallyCommand) => `tally-${command.tally}`, maxRetries: 2, cachedStreams: 0 });
    const failed = await stubborn({ ...add, commandId: 'add again' }, actor)();
    expect(E.isLeft(failed) && failed.left._tag).toBe('TooManyConflicts');
    const span = onlySpan(recorder.spans(), 'handle command');
    expect(span.attributes).toMatchObject({ 'borough_command.outcome': 'failed', 'borough_command.error.tag': 'TooManyConflicts', 'borough_command.retries': 2 });
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'TooManyConflicts' });
    const conflicts = childrenOf(recorder.spans(), span).filter((child) => child.name === 'appendToStream' && child.attributes['borough_command.error.tag'] === 'WrongExpectedRevision');
    expect(conflicts).toHaveLength(3);
  });

  it('a causing traceparent that is not a valid W3C one is ignored: the command is handled, its span has no link', async () => {
    const handler = createCommandHandler({ store: createInMemoryStore(tallyRegistry), decider: tallyDecider, streamOf: (command: TallyCommand) => `tally-${command.tally}` });
    const open: TallyCommand = { kind: 'Open', commandId: 'open', tally: 't', owner: 'o', deposit: 0 };
    const cause = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    expect(E.isRight(await handler(open, { ...actor, causationTraceparent: 'not a traceparent' })())).toBe(true);
    expect(E.isRight(await handler({ ...open, commandId: 'open 2', tally: 'u' }, { ...actor, causationTraceparent: cause.replace('-b7ad', '-0000').replace('6b7169203331', '000000000000') })())).toBe(true);
    expect(E.isRight(await handler({ ...open, commandId: 'open 3', tally: 'v' }, { ...actor, causationTraceparent: cause })())).toBe(true);
    const [garbled, zero, valid] = recorder.spans().filter((span) => span.name === 'handle command');
    expect(garbled?.links).toEqual([]);
    // An all-zero span id is not a valid parent (W3C Trace Context).
    expect(zero?.links).toEqual([]);
    expect(valid?.links.map((link) => ({ ...link.context }))).toEqual([{ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: 1, isRemote: true }]);
  });
});
