/** Turns connection failures into the kernel's tagged store errors, with credentials redacted. */
import type { ExpectedRevision, StoreError } from '@borough-command/domain/eventsourcing';
import type { EsdbFailure } from './connection/esdb-connection.js';
import type { Redactor } from './redaction.js';

/** What a failure is mapped against: the operation, its stream and expectation, and the redactor. */
export interface FailureContext {
  readonly operation: string;
  readonly stream?: string;
  readonly expected?: ExpectedRevision;
  /** The ids of the events an append carried; an unknown outcome of an append names them. */
  readonly eventIds?: readonly string[];
  readonly redact: Redactor;
  /** True once the store was closed: a call cut short by the close is `StoreClosed`. */
  readonly closed: boolean;
}

/** A `StoreUnavailable` error, its reason redacted. */
export const storeUnavailable = (operation: string, reason: string, redact: Redactor): StoreError => ({
  _tag: 'StoreUnavailable',
  retryable: true,
  operation,
  reason: redact(reason),
});

/** The store error a connection failure stands for. */
export const toStoreError = (failure: EsdbFailure, context: FailureContext): StoreError => {
  const { operation, redact } = context;
  // An append that may have been written says so, closed store or not: only the truth is safe to act on.
  if (failure._tag === 'OutcomeUnknown' && context.eventIds !== undefined) {
    return {
      _tag: 'AppendOutcomeUnknown',
      stream: context.stream ?? '',
      expected: context.expected ?? 'any',
      eventIds: context.eventIds,
      reason: redact(failure.reason),
    };
  }
  if (context.closed) return { _tag: 'StoreClosed', operation };
  const stream = context.stream ?? '';
  switch (failure._tag) {
    case 'WrongExpectedRevision':
      return { _tag: 'WrongExpectedRevision', stream, expected: context.expected ?? 'any', actual: failure.actual };
    case 'StreamNotFound':
      return { _tag: 'StreamNotFound', stream };
    case 'StreamDeleted':
      return { _tag: 'StreamDeleted', stream };
    // A read that got no answer (`OutcomeUnknown`) wrote nothing: it is safe to retry.
    case 'NodeUnavailable':
    case 'OutcomeUnknown':
      return storeUnavailable(operation, failure.reason, redact);
    case 'RequestRejected':
      return { _tag: 'InvalidStoreArgument', operation, reason: redact(`the server refused it: ${failure.reason}`) };
  }
};
