import type { ConformanceCase } from '../subject.js';
import { closingCases } from './closing.js';
import { concurrencyCases } from './concurrency.js';
import { decodingCases } from './decoding.js';
import { expectedRevisionCases } from './expected-revision.js';
import { idempotencyCases } from './idempotency.js';
import { orderingCases } from './ordering.js';
import { readAllCases } from './read-all.js';
import { largeStreamCases, readStreamCases } from './read-stream.js';
import { subscriptionCases } from './subscription.js';
import { validationCases } from './validation.js';

/** Every check of the conformance suite, in the order they are registered: the 10,000-event stream last, so the log the others read stays small. */
export const eventStoreConformanceCases: readonly ConformanceCase[] = [
  ...orderingCases,
  ...expectedRevisionCases,
  ...concurrencyCases,
  ...idempotencyCases,
  ...readStreamCases,
  ...readAllCases,
  ...subscriptionCases,
  ...decodingCases,
  ...validationCases,
  ...closingCases,
  ...largeStreamCases,
];
