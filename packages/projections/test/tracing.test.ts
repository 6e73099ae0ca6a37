/**
 * A span per batch the runner applies (a page of history, a live event): the views, how many
 * events, the first and last position, and links to the spans of the commands that recorded them
 * (read from the events' `traceparent`); a failing view named, never its reason.
 */
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DomainEvent } from '@borough-command/domain';
import type { RecordedEvent } from '@borough-command/domain/eventsourcing';
import { catchUp, createViews, projectionsOf, startRunner, type Projection } from '../src/index.js';
import { allEvents } from './support/stores.js';
import { createWorld, worldPolicy, type Step, type World } from './support/world.js';

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
beforeAll(() => {
  trace.setGlobalTracerProvider(provider);
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
});
afterAll(async () => {
  await provider.shutdown();
  trace.disable();
  context.disable();
});
beforeEach(() => {
  exporter.reset();
});

const story: readonly Step[] = [
  {
    days: 10,
    action: { kind: 'appoint', borough: 0, candidate: 0, consultLocalAuthority: true, declineFirst: true, commit: true, abandonAfter: null, startDelay: 14 },
  },
  { days: 30, action: { kind: 'assess', unit: 0, partners: [0, 2] } },
  { days: 200, action: { kind: 'end', borough: 0, reason: 'promotion', approved: false } },
];

const worldWith = async (steps: readonly Step[]): Promise<World> => {
  const world = createWorld();
  for (const step of steps) await world.perform(step);
  return world;
};

const batches = (source: 'history' | 'live'): ReadableSpan[] =>
  exporter.getFinishedSpans().filter((span) => span.name === 'projections batch' && span.attributes['borough_command.batch.source'] === source);

/** The span ids a set of events' `traceparent`s name (`00-<trace>-<span>-<flags>`). */
const recordingSpanIds = (events: readonly RecordedEvent<DomainEvent>[]): Set<string> =>
  new Set(events.map((recorded) => recorded.metadata.traceparent?.split('-')[2] ?? 'none'));

/** Every person an event's data names: officers (they have a rank) and partners. */
const peopleIn = (events: readonly RecordedEvent<DomainEvent>[]): Set<string> => {
  const people = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    const record = value as Record<string, unknown>;
    if (('rank' in record || ('kind' in record && !['borough', 'bcu'].includes(String(record.kind)))) && typeof record.name === 'string') people.add(record.name);
    Object.values(record).forEach(visit);
  };
  for (const recorded of events) visit(recorded.event.data);
  return people;
};

describe('projection batch spans', () => {
  it('a page of history is a span: views, count, first and last position, linked to the commands that recorded its events', async () => {
    const world = await worldWith(story);
    const history = await allEvents(world.store);
    const commandSpans = new Map(exporter.getFinishedSpans().filter((span) => span.name.startsWith('handle ')).map((span) => [span.spanContext().spanId, span]));
    exporter.reset();
    const projections = projectionsOf(createViews(worldPolicy));
    const done = await catchUp({ store: world.store, projections, pageSize: 4 })();
    expect(E.isRight(done)).toBe(true);

    const spans = batches('history');
    expect(spans.length).toBe(Math.ceil(history.length / 4));
    expect(spans.map((span) => span.attributes['borough_command.event.count'])).toEqual(spans.map((_, index) => Math.min(4, history.length - index * 4)));
    spans.forEach((span, index) => {
      const page = history.slice(index * 4, index * 4 + 4);
      expect(span.instrumentationScope.name).toBe('@borough-command/projections');
      expect(span.attributes).toMatchObject({
        'borough_command.views': projections.map((projection) => projection.name),
        'borough_command.position.first': page[0]?.position.toString(),
        'borough_command.position.last': page.at(-1)?.position.toString(),
        'borough_command.outcome': 'applied',
      });
      expect(span.attributes['borough_command.correlation_ids']).toEqual([...new Set(page.map((recorded) => recorded.metadata.correlationId))]);
      // Each link names a command's span, the one whose traceparent the page's events carry.
      const linked = span.links.map((link) => link.context.spanId);
      expect(new Set(linked)).toEqual(recordingSpanIds(page));
      for (const spanId of linked) expect(commandSpans.get(spanId)?.name).toMatch(/^handle /);
    });
    // The page's reads are spans of the store too.
    expect(exporter.getFinishedSpans().some((span) => span.name === 'readAll' && span.attributes['borough_command.event.count'] === history.length)).toBe(true);

    // No batch span names a person.
    const people = peopleIn(history);
    expect(people.size).toBeGreaterThan(2);
    const shown = JSON.stringify(spans.map((span) => [span.name, span.attributes, span.links.map((link) => link.attributes)]));
    for (const person of people) expect(shown).not.toContain(person);
  });

  it('a live event is a batch of one, linked to the command that recorded it', async () => {
    const world = await worldWith(story);
    const runner = startRunner({ store: world.store, projections: projectionsOf(createViews(worldPolicy)) });
    expect(E.isRight(await runner.caughtUp())).toBe(true);
    exporter.reset();
    await world.perform({ days: 3, action: { kind: 'act', borough: 0, officer: 1 } });
    const written = exporter.getFinishedSpans().filter((span) => span.name.startsWith('handle ') && span.attributes['borough_command.outcome'] === 'applied');
    const all = await allEvents(world.store);
    const fresh = all.filter((recorded) => written.some((span) => recorded.metadata.traceparent?.includes(span.spanContext().spanId) === true));
    expect(fresh.length).toBeGreaterThan(0);
    // The runner follows the store on its own: wait for it to apply what was just written.
    for (let turn = 0; turn < 1000 && batches('live').length < fresh.length; turn++) await new Promise((resolve) => setImmediate(resolve));
    const stopped = await runner.stop();
    expect(E.isRight(stopped)).toBe(true);

    const live = batches('live');
    expect(live.map((span) => span.attributes['borough_command.position.first'])).toEqual(fresh.map((recorded) => recorded.position.toString()));
    for (const [index, span] of live.entries()) {
      expect(span.attributes['borough_command.event.count']).toBe(1);
      expect(span.links.map((link) => link.context.spanId)).toEqual([...recordingSpanIds([fresh[index] as RecordedEvent<DomainEvent>])]);
    }
  });

  it('a view that throws: the batch span names the view and position, fails, and does not show the reason', async () => {
    const world = await worldWith(story);
    const history = await allEvents(world.store);
    const third = history[2];
    const faulty: Projection = {
      ...createViews(worldPolicy).tenure,
      name: 'faulty',
      apply: (envelope) => {
        if (envelope.position === third?.position) throw new Error('cannot place Amira Adeyemi');
      },
    };
    const done = await catchUp({ store: world.store, projections: [faulty] })();
    expect(E.isLeft(done) && done.left._tag).toBe('ProjectionFailed');
    const [span] = batches('history');
    expect(span?.attributes).toMatchObject({
      'borough_command.outcome': 'failed',
      'borough_command.error.tag': 'ProjectionFailed',
      'borough_command.failed.view': 'faulty',
      'borough_command.failed.position': third?.position.toString(),
    });
    expect(span?.status).toEqual({ code: 2, message: 'ProjectionFailed' });
    expect(JSON.stringify(span?.attributes)).not.toContain('Amira');
  });
});
