import { describe, it } from 'vitest';
import { eventStoreConformanceCases } from './cases/index.js';
import type { ConformanceCase, EventStoreSubject } from './subject.js';

/**
 * Registers the conformance suite for a store with vitest: `describe('conformance: <name>')`, one
 * `describe` per group, one `it` per case. Call it at the top level of the store's test file.
 */
export const describeEventStoreConformance = (subject: EventStoreSubject): void => {
  describe(`conformance: ${subject.name}`, () => {
    const groups = new Map<string, ConformanceCase[]>();
    for (const check of eventStoreConformanceCases) {
      const group = groups.get(check.group) ?? [];
      group.push(check);
      groups.set(check.group, group);
    }
    for (const [group, cases] of groups) {
      describe(group, () => {
        for (const check of cases) it(check.title, () => check.run(subject));
      });
    }
  });
};
