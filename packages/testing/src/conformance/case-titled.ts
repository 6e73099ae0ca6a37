import { eventStoreConformanceCases } from './cases/index.js';
import type { ConformanceCase } from './subject.js';

/** The case with this title; throws when there is none, so a renamed case cannot go unnoticed. */
export const conformanceCaseTitled = (title: string): ConformanceCase => {
  const found = eventStoreConformanceCases.find((c) => c.title === title);
  if (found === undefined) throw new Error(`no conformance case is titled '${title}'`);
  return found;
};
