import fc from 'fast-check';
import type * as t from 'io-ts';
import { domainEventDefinitions } from '@borough-command/domain';
import { EventMetadataCodec, MAX_METADATA_FIELD_LENGTH, type EventMetadata } from '@borough-command/domain/eventsourcing';
import { brokenValueArbitrary, type BreakOptions, type BrokenValueKind } from './broken-values.js';

/** An event in its stored form: type, data at its schema version, metadata. */
export interface StoredEventSample {
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

/** How a stored event was made bad: its data or its metadata broken one way, its type unknown, or its schema version impossible. */
export type BadStoredEventKind = `data ${BrokenValueKind}` | `metadata ${BrokenValueKind}` | 'unknown type' | 'schema version';

/** A stored event no registry of the domain decodes, and what its decoding error must name. */
export interface BadStoredEvent {
  readonly kind: BadStoredEventKind;
  readonly sample: StoredEventSample;
  readonly type: string;
  /** JSON text of the data. */
  readonly dataText: string;
  /** JSON text of the metadata. */
  readonly metadataText: string;
  /** The path inside the event an `EventDecodeFailed` names (`data.unit.name`, `metadata.actor`); undefined for an `UnknownEventType`. */
  readonly field: string | undefined;
  /** Whether the error may name a field inside `field`. */
  readonly within: boolean;
}

const domainTypes = new Set<string>(domainEventDefinitions.map((definition) => definition.type));

/** Event types the domain does not have (never empty, never an EventStoreDB `$` type). */
export const unknownEventTypeArbitrary: fc.Arbitrary<string> = fc
  .oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'PostingStarted ', 'postingStarted', 'AppointmentProcessOpened\u0000'), fc.string({ minLength: 1, maxLength: 40 }))
  .filter((type) => type.length > 0 && !type.startsWith('$') && !domainTypes.has(type));

/** Strings every metadata field refuses: empty, or longer than `MAX_METADATA_FIELD_LENGTH`. */
export const badMetadataStringArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc.integer({ min: MAX_METADATA_FIELD_LENGTH + 1, max: 50_000 }).map((length) => 'm'.repeat(length)),
);

/** The schema version the domain writes a type at now (1 for a type it does not know). */
const currentVersionOf = (type: string): number => domainEventDefinitions.find((candidate) => candidate.type === type)?.version ?? 1;

const codecOfType = (type: string): t.Decoder<unknown, unknown> => {
  const definition = domainEventDefinitions.find((candidate) => candidate.type === type);
  if (definition === undefined) throw new Error(`no event type '${type}'`);
  return definition.codec;
};

/**
 * Stored domain events made bad one way each, from valid samples: data broken in one field (as
 * `brokenValueArbitrary` breaks a value), metadata broken in one field, an unknown type, or a
 * schema version that is not a version of the type. `maxDepth` bounds nesting (a client that
 * re-encodes JSON goes no deeper than a few thousand levels).
 */
export const badStoredEventArbitrary = (samples: readonly StoredEventSample[], options: BreakOptions = {}): fc.Arbitrary<BadStoredEvent> =>
  fc.constantFrom(...samples).chain((sample) => {
    const data = JSON.stringify(sample.data);
    const metadata = JSON.stringify(sample.metadata);
    const base = { sample, type: sample.type, dataText: data, metadataText: metadata };
    return fc.oneof(
      {
        weight: 5,
        arbitrary: brokenValueArbitrary(codecOfType(sample.type), sample.data, options).map(
          (broken): BadStoredEvent => ({ ...base, kind: `data ${broken.kind}`, dataText: broken.text, field: `data.${broken.field}`, within: broken.within }),
        ),
      },
      {
        weight: 3,
        arbitrary: brokenValueArbitrary(EventMetadataCodec, sample.metadata, { ...options, hostileStrings: badMetadataStringArbitrary }).map(
          (broken): BadStoredEvent => ({ ...base, kind: `metadata ${broken.kind}`, metadataText: broken.text, field: `metadata.${broken.field}`, within: broken.within }),
        ),
      },
      {
        weight: 1,
        arbitrary: unknownEventTypeArbitrary.map((type): BadStoredEvent => ({ ...base, kind: 'unknown type', type, field: undefined, within: false })),
      },
      {
        weight: 1,
        // Impossible for the type: not a whole number from 1 to its current version (older versions are upcast).
        arbitrary: fc.oneof(fc.constantFrom(0, -1, 1.5), fc.integer({ min: currentVersionOf(sample.type) + 1, max: 1000 })).map(
          (schemaVersion): BadStoredEvent => ({
            ...base,
            kind: 'schema version',
            metadataText: JSON.stringify({ ...sample.metadata, schemaVersion }),
            field: 'metadata.schemaVersion',
            within: false,
          }),
        ),
      },
    );
  });
