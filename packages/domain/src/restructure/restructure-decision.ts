import type * as E from 'fp-ts/lib/Either.js';
import type { RestructureCommand } from './restructure-commands.js';
import type { RestructureEvent } from './restructure-events.js';
import type { RestructureRejection } from './restructure-rejections.js';

/** What deciding a restructure command leads to: the events to record, or why not. */
export type RestructureDecision = E.Either<RestructureRejection, readonly RestructureEvent[]>;

/** The restructure command of one type. */
export type RestructureCommandOf<Type extends RestructureCommand['type']> = Extract<RestructureCommand, { readonly type: Type }>;
