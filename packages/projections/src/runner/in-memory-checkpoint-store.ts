import * as E from 'fp-ts/lib/Either.js';
import { decodeCheckpoint, type CheckpointStore } from '@borough-command/domain/eventsourcing';

/** A checkpoint store in memory, holding a JSON copy as a file would: for tests and short-lived runners. */
export const createInMemoryCheckpointStore = (): CheckpointStore & { readonly saves: () => number } => {
  let saved: string | undefined;
  let saves = 0;
  return {
    location: 'memory',
    load: () => () => Promise.resolve(saved === undefined ? E.right(undefined) : decodeCheckpoint(JSON.parse(saved), 'memory')),
    save: (checkpoint) => () => {
      saved = JSON.stringify(checkpoint);
      saves += 1;
      return Promise.resolve(E.right(undefined));
    },
    saves: () => saves,
  };
};
