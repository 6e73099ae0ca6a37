import type * as E from 'fp-ts/lib/Either.js';
import type { PostingCommand, PostingState } from '@borough-command/domain';

/** What a catch-up read: the events, and each stream's state folded from them. */
export interface CaughtUp {
  readonly events: number;
  readonly states: ReadonlyMap<string, PostingState>;
}

/** One side of the PostgreSQL comparison, over a database of its own. */
export interface PostgresSide {
  /** Handles one command on its unit's stream; a rejection or a store error is an error in words. */
  readonly handle: (command: PostingCommand) => Promise<E.Either<string, void>>;
  /** Reads every event from the first in the global order and folds each stream. */
  readonly catchUp: () => Promise<E.Either<string, CaughtUp>>;
  readonly close: () => Promise<void>;
}
