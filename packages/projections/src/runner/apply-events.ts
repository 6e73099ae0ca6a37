import * as E from 'fp-ts/lib/Either.js';
import { APPOINTMENT_CATEGORY, POLICY_CATEGORY, POSTING_CATEGORY, RESTRUCTURE_CATEGORY } from '@borough-command/domain';
import type { DomainEnvelope } from '../views/envelope.js';
import type { Projection } from '../views/projection.js';
import type { ProjectionFailed } from './runner-errors.js';

/** The stream categories the views read: appointment processes, postings, restructures and the policy's history (PH-1). */
export const domainStreamPrefixes: readonly string[] = [APPOINTMENT_CATEGORY, POSTING_CATEGORY, RESTRUCTURE_CATEGORY, POLICY_CATEGORY];

/**
 * Applies one event to every projection. A view that throws has a bug; the error comes back as a
 * value naming the view, the stream and the revision, and the runner stops.
 */
export const applyToAll = (projections: readonly Projection[], envelope: DomainEnvelope): E.Either<ProjectionFailed, void> => {
  for (const projection of projections) {
    try {
      projection.apply(envelope);
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      return E.left({
        _tag: 'ProjectionFailed',
        view: projection.name,
        stream: envelope.stream,
        revision: envelope.revision,
        position: envelope.position,
        reason,
        message: `view '${projection.name}' failed on stream '${envelope.stream}' at revision ${envelope.revision.toString()}: ${reason}`,
        cause,
      });
    }
  }
  return E.right(undefined);
};
