import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { appointmentCommandCodecs, type AppointmentCommand } from '../appointment/appointment-commands.js';
import { defaultStoreLimits } from '../eventsourcing/store-limits.js';
import { firstProblem, showValue } from '../eventsourcing/validation-report.js';
import { policyCommandCodecs, type PolicyCommand } from '../policy/policy-commands.js';
import { postingCommandCodecs, type PostingCommand } from '../posting/posting-commands.js';
import { restructureCommandCodecs, type RestructureCommand } from '../restructure/restructure-commands.js';
import { appointmentStream, policyStream, postingStream, restructureStream } from '../shared/streams.js';

/** Any command of the domain's aggregates. */
export type DomainCommand = AppointmentCommand | PostingCommand | RestructureCommand | PolicyCommand;

/** The aggregate a command belongs to. */
export type AggregateName = 'appointment' | 'posting' | 'restructure' | 'policy';

/** A JSON value that is not a valid command: where it is wrong and why. */
export interface InvalidCommand {
  readonly _tag: 'InvalidCommand';
  /** The command's type when it was readable. */
  readonly commandType: string | undefined;
  /** Path of the offending field, e.g. `candidate.rank`; empty for the whole value. */
  readonly path: string;
  readonly reason: string;
  readonly message: string;
}

const codecsByType = new Map<string, { readonly aggregate: AggregateName; readonly codec: t.Type<DomainCommand, unknown> }>();
for (const codec of appointmentCommandCodecs) codecsByType.set(codec.name, { aggregate: 'appointment', codec: codec as t.Type<DomainCommand, unknown> });
for (const codec of postingCommandCodecs) codecsByType.set(codec.name, { aggregate: 'posting', codec: codec as t.Type<DomainCommand, unknown> });
for (const codec of restructureCommandCodecs) codecsByType.set(codec.name, { aggregate: 'restructure', codec: codec as t.Type<DomainCommand, unknown> });
for (const codec of policyCommandCodecs) codecsByType.set(codec.name, { aggregate: 'policy', codec: codec as t.Type<DomainCommand, unknown> });

/** Every command type, by aggregate. */
export const commandTypes: Readonly<Record<AggregateName, readonly string[]>> = {
  appointment: appointmentCommandCodecs.map((codec) => codec.name),
  posting: postingCommandCodecs.map((codec) => codec.name),
  restructure: restructureCommandCodecs.map((codec) => codec.name),
  policy: policyCommandCodecs.map((codec) => codec.name),
};

const invalid = (commandType: string | undefined, path: string, reason: string): InvalidCommand => ({
  _tag: 'InvalidCommand',
  commandType,
  path,
  reason,
  message: `${commandType ?? 'command'}${path === '' ? '' : ` field '${path}'`}: ${reason}`,
});

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The field each aggregate's streams are named after. */
const streamFields = {
  appointment: 'processId',
  restructure: 'restructureId',
  policy: 'policyId',
  posting: 'unit.name',
} as const satisfies Readonly<Record<AggregateName, string>>;

/**
 * The field a command's stream is named after, by its aggregate: `processId`, `restructureId`,
 * `policyId` or `unit.name` (a posting command may also name a restructure; its stream is its unit's).
 */
export const streamFieldOfCommand = (command: DomainCommand): (typeof streamFields)[AggregateName] => streamFields[aggregateOf(command)];

/**
 * Decodes a JSON value into a command: `{ "type": ..., "commandId": ..., "at": "YYYY-MM-DD", ... }`.
 * An unknown type, a missing or mistyped field, an impossible date, or an id that makes the
 * command's stream name longer than a store takes is an `InvalidCommand` naming the field. Fields
 * the command does not have are ignored, and dropped.
 */
export const decodeCommand = (json: unknown): E.Either<InvalidCommand, DomainCommand> => {
  if (!isObject(json)) return E.left(invalid(undefined, '', `expected a JSON object, got ${showValue(json)}`));
  const type = json['type'];
  if (typeof type !== 'string') return E.left(invalid(undefined, 'type', `expected a command type, got ${showValue(type)}`));
  const entry = codecsByType.get(type);
  if (entry === undefined) return E.left(invalid(undefined, 'type', `unknown command type ${showValue(type)}`));
  const decoded = entry.codec.decode(json);
  if (E.isLeft(decoded)) {
    const problem = firstProblem(decoded.left);
    return E.left(invalid(type, problem.path, problem.reason));
  }
  const stream = streamOfCommand(decoded.right);
  if (stream.length > defaultStoreLimits.maxStreamNameLength) {
    const limit = String(defaultStoreLimits.maxStreamNameLength);
    return E.left(invalid(type, streamFieldOfCommand(decoded.right), `makes the stream name ${String(stream.length)} characters long; a stream name may have at most ${limit}`));
  }
  return decoded;
};

/** The aggregate a command belongs to. */
export const aggregateOf = (command: DomainCommand): AggregateName =>
  (codecsByType.get(command.type) as { readonly aggregate: AggregateName }).aggregate;

/** The stream a command is decided on. */
export const streamOfCommand = (command: DomainCommand): string => {
  switch (aggregateOf(command)) {
    case 'appointment':
      return appointmentStream((command as AppointmentCommand).processId);
    case 'restructure':
      return restructureStream((command as RestructureCommand).restructureId);
    case 'policy':
      return policyStream((command as PolicyCommand).policyId);
    case 'posting':
      return postingStream((command as PostingCommand).unit);
  }
};
