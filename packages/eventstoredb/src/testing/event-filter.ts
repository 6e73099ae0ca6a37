/**
 * Server-side filters of `$all` reads and subscriptions: on stream name or event type, by
 * prefixes or a regular expression, with a checkpoint every `checkpoint interval multiplier ×
 * search window` events looked at (the window is `max` when given, else 32).
 */
import { invalidArgument, type CallError } from './grpc-errors.js';
import type { RecordedEvent } from './log-types.js';
import type { StreamsPb } from './protocol.js';

/** The search window used when a filter asks for `count` instead of `max`. */
export const DEFAULT_SEARCH_WINDOW = 32;

/** A filter as the server applies it. */
export interface EventFilter {
  readonly target: 'streamName' | 'eventType';
  readonly prefixes: readonly string[];
  readonly regex: RegExp | undefined;
  /** Events looked at (matching or not) between two checkpoints. */
  readonly checkpointInterval: number;
}

/** The filter a read asks for, or the error for a malformed one. */
export const eventFilterOf = (options: StreamsPb.ReadReq.Options.FilterOptions): EventFilter | CallError => {
  const onStreamName = options.hasStreamIdentifier();
  const expression = onStreamName ? options.getStreamIdentifier() : options.getEventType();
  if (expression === undefined) return invalidArgument('A filter needs a stream-name or event-type expression.');
  let regex: RegExp | undefined;
  const source = expression.getRegex();
  if (source !== '') {
    try {
      regex = new RegExp(source);
    } catch {
      return invalidArgument(`Invalid filter regex: ${source}`);
    }
  }
  const window = options.hasMax() ? options.getMax() : DEFAULT_SEARCH_WINDOW;
  const multiplier = Math.max(1, options.getCheckpointintervalmultiplier());
  return {
    target: onStreamName ? 'streamName' : 'eventType',
    prefixes: expression.getPrefixList(),
    regex,
    checkpointInterval: Math.max(1, window) * multiplier,
  };
};

/** Whether an event passes: any prefix matches (when prefixes are given) and the regex matches (when given). */
export const matchesFilter = (filter: EventFilter, event: RecordedEvent): boolean => {
  const subject = filter.target === 'streamName' ? event.streamName : event.type;
  const prefixOk = filter.prefixes.length === 0 || filter.prefixes.some((prefix) => subject.startsWith(prefix));
  return prefixOk && (filter.regex === undefined || filter.regex.test(subject));
};

/** Counts events looked at and says when a checkpoint is due. */
export class CheckpointCounter {
  private seen = 0;

  constructor(private readonly interval: number) {}

  /** Records one event looked at; true when a checkpoint is due at its position. */
  lookedAt(): boolean {
    this.seen += 1;
    if (this.seen < this.interval) return false;
    this.seen = 0;
    return true;
  }
}
