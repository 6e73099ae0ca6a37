import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import type { EventShape } from './envelope.js';
import type { EventDecodeFailed, EventReadError, InvalidStoreArgument } from './errors.js';
import { firstProblem, joinPath } from './validation-report.js';

/** Turns the data of one schema version into the data of the next version. */
export type Upcaster = (data: unknown) => unknown;

/** One event type: its tag, current schema version, data codec, and upcasters from older versions. */
export interface EventDefinition<Type extends string = string, A = unknown> {
  readonly type: Type;
  /** The current schema version, from 1. */
  readonly version: number;
  /** Validates and decodes data of the current version; encodes to JSON-compatible data. */
  readonly codec: t.Type<A, unknown>;
  /** `upcasters[v]` turns version `v` data into version `v + 1` data. */
  readonly upcasters: Readonly<Record<number, Upcaster>>;
}

/** Any event definition; io-ts codecs are invariant in their type, so only `any` is a common supertype. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEventDefinition = EventDefinition<string, any>;

/** The event union a list of definitions describes. */
export type EventOf<D extends AnyEventDefinition> = D extends EventDefinition<infer T, infer A> ? { readonly type: T; readonly data: A } : never;

/** Declares an event type with its data codec; `version` and `upcasters` default to 1 and none. */
export const defineEvent = <Type extends string, A>(
  type: Type,
  codec: t.Type<A, unknown>,
  options: { readonly version?: number; readonly upcasters?: Readonly<Record<number, Upcaster>> } = {},
): EventDefinition<Type, A> => ({ type, codec, version: options.version ?? 1, upcasters: options.upcasters ?? {} });

/** An event as stored: its type, the schema version it was written with, and JSON data. */
export interface StoredEventData {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
}

/** Where an event was read from, for error messages. */
export interface EventLocation {
  readonly stream: string;
  readonly revision: bigint | undefined;
}

/** Decodes and encodes the events of one model, upcasting old schema versions on read. */
export interface CodecRegistry<E extends EventShape = EventShape> {
  /** Every registered event type. */
  readonly types: readonly string[];
  /** The current schema version of a type, or undefined when the type is unknown. */
  readonly versionOf: (type: string) => number | undefined;
  /** Decodes stored data into an event, upcasting it to the current version first. */
  readonly decode: (stored: StoredEventData, where: EventLocation) => E.Either<EventReadError, E>;
  /** Validates an event about to be written and returns its stored form at the current version. */
  readonly encode: (event: E, where: EventLocation) => E.Either<EventReadError | InvalidStoreArgument, StoredEventData>;
}

const decodeFailed = (
  stored: StoredEventData,
  where: EventLocation,
  path: string,
  reason: string,
): EventDecodeFailed => ({
  _tag: 'EventDecodeFailed',
  stream: where.stream,
  revision: where.revision,
  type: stored.type,
  schemaVersion: stored.schemaVersion,
  path,
  reason,
});

const upcast = (
  definition: AnyEventDefinition,
  stored: StoredEventData,
  where: EventLocation,
): E.Either<EventDecodeFailed, unknown> => {
  let data = stored.data;
  if (!Number.isInteger(stored.schemaVersion) || stored.schemaVersion < 1 || stored.schemaVersion > definition.version) {
    return E.left(
      decodeFailed(stored, where, 'metadata.schemaVersion', `expected a version from 1 to ${String(definition.version)}`),
    );
  }
  for (let version = stored.schemaVersion; version < definition.version; version++) {
    const step = definition.upcasters[version];
    if (step === undefined) {
      return E.left(
        decodeFailed(stored, where, 'metadata.schemaVersion', `no upcaster from version ${String(version)}`),
      );
    }
    try {
      data = step(data);
    } catch (cause) {
      return E.left(
        decodeFailed(stored, where, 'data', `upcaster from version ${String(version)} failed: ${String(cause)}`),
      );
    }
  }
  return E.right(data);
};

/** Builds a registry from event definitions; a type may be defined only once. */
export const createRegistry = <D extends AnyEventDefinition>(definitions: readonly D[]): CodecRegistry<EventOf<D>> => {
  const byType = new Map<string, AnyEventDefinition>();
  for (const definition of definitions) {
    if (byType.has(definition.type)) throw new Error(`event type '${definition.type}' is defined twice`);
    if (!Number.isInteger(definition.version) || definition.version < 1) {
      throw new Error(`event type '${definition.type}' has an invalid version ${String(definition.version)}`);
    }
    byType.set(definition.type, definition);
  }

  const decode = (stored: StoredEventData, where: EventLocation): E.Either<EventReadError, EventOf<D>> => {
    const definition = byType.get(stored.type);
    if (definition === undefined) {
      return E.left({ _tag: 'UnknownEventType', stream: where.stream, revision: where.revision, type: stored.type });
    }
    const current = stored.schemaVersion === definition.version ? E.right(stored.data) : upcast(definition, stored, where);
    if (E.isLeft(current)) return current;
    const decoded: t.Validation<unknown> = definition.codec.decode(current.right);
    if (E.isLeft(decoded)) {
      const problem = firstProblem(decoded.left);
      return E.left(decodeFailed(stored, where, joinPath('data', problem.path), problem.reason));
    }
    return E.right({ type: stored.type, data: decoded.right } as EventOf<D>);
  };

  const encode = (
    event: EventOf<D>,
    where: EventLocation,
  ): E.Either<EventReadError | InvalidStoreArgument, StoredEventData> => {
    const definition = byType.get(event.type);
    if (definition === undefined) {
      return E.left({ _tag: 'UnknownEventType', stream: where.stream, revision: where.revision, type: event.type });
    }
    if (!definition.codec.is(event.data)) {
      let decoded: t.Validation<unknown>;
      try {
        decoded = definition.codec.decode(definition.codec.encode(event.data));
      } catch {
        decoded = definition.codec.decode(event.data);
      }
      const problem = E.isLeft(decoded)
        ? firstProblem(decoded.left)
        : { path: '', reason: 'data does not satisfy its codec' };
      return E.left(
        decodeFailed(
          { type: event.type, schemaVersion: definition.version, data: event.data },
          where,
          joinPath('data', problem.path),
          problem.reason,
        ),
      );
    }
    return E.right({ type: event.type, schemaVersion: definition.version, data: definition.codec.encode(event.data) });
  };

  return { types: [...byType.keys()], versionOf: (type) => byType.get(type)?.version, decode, encode };
};
