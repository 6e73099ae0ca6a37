/**
 * No span of a realistic run shows a person: London's demo history 2009-2019 (synthetic officers,
 * candidates, partners and decision makers, each name marked "(synthetic)"), run through the
 * domain service with its process managers over a journal store, then the views rebuilt from it,
 * with an OpenTelemetry SDK collecting every span (see docs/observability.md).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { context, trace, type Attributes } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonHistory } from '@borough-command/cli';
import { createBoroughCommand, domainEventRegistry, policyWith, type DomainCommand } from '@borough-command/domain';
import { openJournalStore } from '@borough-command/domain/eventsourcing';
import { rebuildViews } from '@borough-command/projections';

/** Every distinct text the spans showed (names, status messages, attribute keys and values, link attributes), and the spans by name. */
const shown = new Set<string>();
const spansByName = new Map<string, number>();
let links = 0;

const textsOf = (attributes: Attributes | undefined): string[] =>
  Object.entries(attributes ?? {}).flatMap(([key, value]) => [key, ...(Array.isArray(value) ? value.map(String) : [String(value)])]);

/** An exporter that keeps what each span shows, not the span: the history makes some hundred thousand. */
const memory = new InMemorySpanExporter();
const scanning: SpanExporter = {
  export: (spans: ReadableSpan[], done) => {
    for (const span of spans) {
      spansByName.set(span.name, (spansByName.get(span.name) ?? 0) + 1);
      links += span.links.length;
      for (const text of [span.name, span.status.message ?? '', ...textsOf(span.attributes), ...span.links.flatMap((link) => textsOf(link.attributes))]) shown.add(text);
    }
    // Answers as the in-memory exporter does, keeping nothing.
    memory.export([], done);
  },
  shutdown: () => Promise.resolve(),
};
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(scanning)] });

beforeAll(() => {
  trace.setGlobalTracerProvider(provider);
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
});

afterAll(async () => {
  await provider.shutdown();
  trace.disable();
  context.disable();
});

/** The fields of a command that name a person (besides officers and partners, found by their shape). */
const PERSON_FIELDS = new Set(['areaCommander', 'actp', 'policeAuthorityDecisionBy', 'mpsDecisionBy', 'directorHr', 'decidedBy', 'approvedBy', 'assessedBy']);

/** Every person the commands name. */
const peopleIn = (commands: readonly DomainCommand[]): Set<string> => {
  const people = new Set<string>();
  const visit = (value: unknown, key: string | undefined): void => {
    if (typeof value === 'string') {
      if ((key !== undefined && PERSON_FIELDS.has(key)) || value.includes('(synthetic)')) people.add(value);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, key);
      return;
    }
    const record = value as Record<string, unknown>;
    if (('rank' in record || key === 'partner' || key === 'partners') && typeof record.name === 'string') people.add(record.name);
    for (const [field, item] of Object.entries(record)) visit(item, field);
  };
  for (const command of commands) visit(command, undefined);
  return people;
};

describe("London's demo history, traced", () => {
  it('no span of the whole run shows a person, and the reactions link to their causes', async () => {
    const history = londonHistory();
    const people = peopleIn(history.commands);
    expect(people.size).toBeGreaterThan(100);
    const dir = await mkdtemp(join(tmpdir(), 'borough-command-tracing-'));
    try {
      const opened = await openJournalStore(domainEventRegistry, { file: join(dir, 'london.ndjson') })();
      if (E.isLeft(opened)) return expect.fail(opened.left._tag);
      const store = opened.right;
      const service = createBoroughCommand({ store, policy: policyWith({ enforcement: 'record' }) });
      for (const command of history.commands) await service.execute(command, { actor: 'demo' })();
      const views = await rebuildViews(store, { pageSize: 500 })();
      expect(E.isRight(views)).toBe(true);
      await store.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    expect(spansByName.get('handle StartPosting')).toBeGreaterThan(50);
    expect(spansByName.get('projections batch')).toBeGreaterThan(1);
    expect(spansByName.get('appendToStream')).toBeGreaterThan(history.commands.length / 2);
    // Each reaction links to its cause; each batch to the commands that recorded its events.
    expect(links).toBeGreaterThan(spansByName.get('handle StartPosting') ?? 0);
    const texts = [...shown];
    expect(texts.filter((text) => text.includes('(synthetic)'))).toEqual([]);
    for (const person of people) expect(texts.filter((text) => text.includes(person)), person).toEqual([]);
  });
});
