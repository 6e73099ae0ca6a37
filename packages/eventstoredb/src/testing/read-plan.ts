/** A `ReadReq` decoded into what to read, from where, how far, and how to answer. */
import { eventFilterOf, type EventFilter } from './event-filter.js';
import { invalidArgument, type CallError } from './grpc-errors.js';
import type { AllStart, Direction, StreamStart } from './log-types.js';
import { streamsPb } from './protocol.js';
import type { StreamsPb } from './protocol.js';
import { streamNameOf } from './wire.js';

/** The source of a read: one stream, or `$all`. */
export type ReadSource =
  | { readonly kind: 'stream'; readonly streamName: string; readonly from: StreamStart }
  | { readonly kind: 'all'; readonly from: AllStart };

/** A decoded read request. */
export interface ReadPlan {
  readonly source: ReadSource;
  readonly direction: Direction;
  /** `undefined` for a subscription. */
  readonly maxCount: bigint | undefined;
  readonly filter: EventFilter | undefined;
  readonly structuredUuids: boolean;
}

const streamSourceOf = (options: StreamsPb.ReadReq.Options.StreamOptions): ReadSource => {
  const streamName = streamNameOf(options.getStreamIdentifier());
  if (options.hasRevision()) return { kind: 'stream', streamName, from: { kind: 'revision', revision: BigInt(options.getRevision()) } };
  return { kind: 'stream', streamName, from: options.hasEnd() ? { kind: 'end' } : { kind: 'start' } };
};

const allSourceOf = (options: StreamsPb.ReadReq.Options.AllOptions): ReadSource => {
  const position = options.getPosition();
  if (position !== undefined) return { kind: 'all', from: { kind: 'position', position: BigInt(position.getCommitPosition()) } };
  return { kind: 'all', from: options.hasEnd() ? { kind: 'end' } : { kind: 'start' } };
};

/** Decodes a read request, or names what is wrong with it. */
export const readPlanOf = (request: StreamsPb.ReadReq): ReadPlan | CallError => {
  const options = request.getOptions();
  if (options === undefined) return invalidArgument('A read needs options.');
  const stream = options.getStream();
  const all = options.getAll();
  const source = stream !== undefined ? streamSourceOf(stream) : all !== undefined ? allSourceOf(all) : undefined;
  if (source === undefined) return invalidArgument('A read names a stream or $all.');
  const filterOptions = options.getFilter();
  const filter = filterOptions === undefined ? undefined : eventFilterOf(filterOptions);
  if (filter instanceof Error) return filter;
  return {
    source,
    direction: options.getReadDirection() === streamsPb.ReadReq.Options.ReadDirection.BACKWARDS ? 'backwards' : 'forwards',
    maxCount: options.hasSubscription() ? undefined : options.hasCount() ? BigInt(options.getCount()) : 2n ** 64n - 1n,
    filter,
    structuredUuids: options.getUuidOption()?.hasStructured() ?? false,
  };
};
