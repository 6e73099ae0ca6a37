/**
 * The example of docs/observability.md, run: reading a command's spans, its store spans and its
 * reaction's link with the SDK's in-memory exporter. The page's TypeScript blocks are excerpts of
 * this file, checked below.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// docs/observability.md: setup
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import * as E from 'fp-ts/lib/Either.js';
import { createBoroughCommand, domainEventRegistry, isoDate } from '@borough-command/domain';
import { createInMemoryStore } from '@borough-command/domain/eventsourcing';

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

beforeAll(() => {
  trace.setGlobalTracerProvider(provider);
  // Without a context manager, a span is not active across `await`: store spans would have no parent.
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
});

afterAll(async () => {
  await provider.shutdown();
  trace.disable();
  context.disable();
});
// end of setup

const root = resolve(import.meta.dirname, '../../../..');

describe('docs/observability.md', () => {
  it('the example: a command span, its store spans, and the reaction linked through the stored traceparent', async () => {
    // docs/observability.md: example
    const store = createInMemoryStore(domainEventRegistry);
    const service = createBoroughCommand({ store });
    const officer = { id: 'officer-1', name: 'A. Officer', rank: 'chief-superintendent' } as const;
    const at = isoDate('2012-03-01');
    const processId = 'camden-2012';
    const steps = [
      { type: 'OpenAppointmentProcess', commandId: 'open', at, processId, unit: { kind: 'borough', name: 'Camden' }, role: 'borough-commander', areaCommander: 'Cdr North' },
      { type: 'AttachRoleDescription', commandId: 'attach', at, processId, version: 1 },
      { type: 'ConsultPartner', commandId: 'consult-ce', at, processId, partner: { kind: 'local-authority-chief-executive', name: 'Camden chief executive' } },
      { type: 'ConsultPartner', commandId: 'consult-mp', at, processId, partner: { kind: 'mp', name: 'Holborn MP' } },
      { type: 'RecordCandidate', commandId: 'apply', at, processId, candidate: officer, route: 'applied' },
      { type: 'InterviewCandidate', commandId: 'interview', at, processId, candidateId: officer.id },
      { type: 'ProposePreferredCandidate', commandId: 'propose', at, processId, candidateId: officer.id },
      { type: 'AgreeProposal', commandId: 'agree', at, processId, actp: 'ACTP' },
      { type: 'DiscussChosenCandidate', commandId: 'discuss', at, processId, partners: [{ kind: 'local-authority-leader', name: 'Camden leader' }] },
      { type: 'RecordThreeYearCommitment', commandId: 'commit', at, processId, candidateId: officer.id },
      { type: 'TakeFinalDecision', commandId: 'decide', at, processId, policeAuthorityDecisionBy: 'MOPAC', mpsDecisionBy: 'ACTP', startDate: isoDate('2012-05-01') },
    ] as const;
    for (const command of steps) expect(E.isRight(await service.executeJson(command, { actor: 'test' })())).toBe(true);

    const spans = exporter.getFinishedSpans();
    const decision = spans.find((span) => span.name === 'handle TakeFinalDecision');
    const reaction = spans.find((span) => span.name === 'handle StartPosting');
    // The decision's store operations are its children.
    const children = spans.filter((span) => span.parentSpanContext?.spanId === decision?.spanContext().spanId);
    expect(children.map((span) => span.name)).toContain('appendToStream');
    expect(decision?.attributes['borough_command.outcome']).toBe('applied');
    // The reaction (AP-12 starts the posting) links to the decision through the confirmation's metadata.
    const read = await store.readStream('appointment-camden-2012')();
    const confirmed = E.isRight(read) ? read.right.find((recorded) => recorded.event.type === 'AppointmentConfirmed') : undefined;
    expect(confirmed?.metadata.traceparent).toBe(`00-${String(decision?.spanContext().traceId)}-${String(decision?.spanContext().spanId)}-01`);
    expect(reaction?.links[0]?.context.spanId).toBe(decision?.spanContext().spanId);
    // end of example
  });

  it('every TypeScript block of the page is an excerpt of the file its first line names', async () => {
    const page = await readFile(resolve(root, 'docs/observability.md'), 'utf8');
    const normalise = (text: string): string =>
      text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .join('\n');
    const blocks = [...page.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const block of blocks) {
      const [first = '', ...rest] = block.split('\n');
      const file = /^\/\/ (packages\/\S+\.ts)$/.exec(first.trim())?.[1];
      expect(file, `a block must start with the path of its file: ${first}`).toBeDefined();
      const source = await readFile(resolve(root, file ?? ''), 'utf8');
      expect(normalise(source), `the excerpt of ${file ?? ''} no longer matches it`).toContain(normalise(rest.join('\n')));
    }
  });
});
