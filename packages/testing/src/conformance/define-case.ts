import type { ConformanceContext } from './context.js';
import { withStore } from './context.js';
import type { ConformanceCase } from './subject.js';

/** A conformance case whose body runs against a freshly opened store of the subject. */
export const conformanceCase = (group: string, title: string, body: (context: ConformanceContext) => Promise<void>): ConformanceCase => ({
  group,
  title,
  run: (subject) => withStore(subject, body),
});
