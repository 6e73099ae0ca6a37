import { SpanKind, SpanStatusCode, trace, type Attributes, type Link } from '@opentelemetry/api';
import * as E from 'fp-ts/lib/Either.js';
import { spanContextOfTraceparent } from '@borough-command/domain/eventsourcing';
import type { DomainEnvelope } from '../views/envelope.js';
import type { Projection } from '../views/projection.js';
import { applyToAll } from './apply-events.js';
import type { ProjectionFailed } from './runner-errors.js';

/** The instrumentation scope of the runner's spans: the package's name. */
export const PROJECTIONS_TRACER_NAME = '@borough-command/projections';

/** Where a batch comes from: a page of the history (`readAll`) or a live event of the subscription. */
export type BatchSource = 'history' | 'live';

/** The most correlation ids and links a batch's span names: a page of history may hold thousands of flows. */
const MOST_NAMED = 32;

/** The distinct correlation ids of a batch, and links to the spans of the commands that recorded its events. */
const causesOf = (envelopes: readonly DomainEnvelope[]): { readonly correlationIds: string[]; readonly links: Link[] } => {
  const correlationIds = new Set<string>();
  const traceparents = new Set<string>();
  const links: Link[] = [];
  for (const { metadata } of envelopes) {
    if (correlationIds.size < MOST_NAMED) correlationIds.add(metadata.correlationId);
    const { traceparent } = metadata;
    if (traceparent === undefined || traceparents.has(traceparent) || links.length >= MOST_NAMED) continue;
    traceparents.add(traceparent);
    const recordedBy = spanContextOfTraceparent(traceparent);
    if (recordedBy !== undefined) links.push({ context: recordedBy, attributes: { 'borough_command.link': 'recorded_by' } });
  }
  return { correlationIds: [...correlationIds], links };
};

/**
 * Applies a batch of events to every projection, in order, inside a span `projections batch`
 * (views, count, first and last position, the commands' spans linked); stops at the first view
 * that throws, as `applyToAll` does. Returns the position of the last event applied.
 */
export const applyBatch = (
  projections: readonly Projection[],
  envelopes: readonly DomainEnvelope[],
  source: BatchSource,
): E.Either<ProjectionFailed, bigint | undefined> => {
  const { correlationIds, links } = causesOf(envelopes);
  const first = envelopes[0];
  const last = envelopes.at(-1);
  const attributes: Attributes = {
    'borough_command.views': projections.map((projection) => projection.name),
    'borough_command.event.count': envelopes.length,
    'borough_command.batch.source': source,
    'borough_command.correlation_ids': correlationIds,
    ...(first === undefined ? {} : { 'borough_command.position.first': first.position.toString() }),
    ...(last === undefined ? {} : { 'borough_command.position.last': last.position.toString() }),
  };
  return trace.getTracer(PROJECTIONS_TRACER_NAME).startActiveSpan('projections batch', { kind: SpanKind.INTERNAL, attributes, links }, (span) => {
    try {
      for (const envelope of envelopes) {
        const applied = applyToAll(projections, envelope);
        if (E.isLeft(applied)) {
          // The view's name and where it failed; never the reason, which may quote an event's data.
          span.setAttributes({
            'borough_command.outcome': 'failed',
            'borough_command.error.tag': applied.left._tag,
            'borough_command.failed.view': applied.left.view,
            'borough_command.failed.position': applied.left.position.toString(),
          });
          span.setStatus({ code: SpanStatusCode.ERROR, message: applied.left._tag });
          return applied;
        }
      }
      span.setAttribute('borough_command.outcome', 'applied');
      return E.right(last?.position);
    } finally {
      span.end();
    }
  });
};
