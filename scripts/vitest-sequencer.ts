/**
 * The sequencer of `npm test`: vitest's own, but files start in `orderTestFiles`'s order, expecting
 * each file to take what it took last time (vitest's record of the last run) or, on a clone with no
 * record, what `test-durations.json` says.
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { durationKey, orderTestFiles, type TestFileToOrder } from './test-order.js';
import durations from './test-durations.json' with { type: 'json' };

const committed: Readonly<Record<string, number>> = durations;

/** Starts the slowest files first, project by project (see `orderTestFiles`). */
export class SlowestFirstSequencer extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const cache = this.ctx.cache;
    const placed = files.map((spec) => {
      const project = spec.project.name;
      const path = relative(root, spec.moduleId);
      const size = cache.getFileStats(`${project}:${path}`)?.size ?? 0;
      return { project, path, size, spec } satisfies TestFileToOrder & { readonly spec: TestSpecification };
    });
    const expected = (file: TestFileToOrder): number | undefined => {
      const key = durationKey(file);
      const last = cache.getFileTestResults(key);
      return last === undefined ? committed[key] : last.duration / 1000;
    };
    return Promise.resolve(orderTestFiles(placed, expected).map((file) => file.spec));
  }
}
