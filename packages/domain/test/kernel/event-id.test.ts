import fc from 'fast-check';
import { validate as isUuid, version as uuidVersion } from 'uuid';
import { describe, expect, it } from 'vitest';
import { deriveCommandId, deriveEventId, EVENT_ID_NAMESPACE, isEventId } from '../../src/eventsourcing/event-id.js';

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Command ids with the separator characters the derivations use, so they are not avoided by chance. */
const ids = fc.string({ unit: fc.constantFrom('a', 'b', '1', '#', '>', '-') });
const anyIds = fc.oneof(ids, fc.string(), fc.uuid());

describe('deriveEventId', () => {
  it('is deterministic: the same command id and index always give the same id', () => {
    fc.assert(
      fc.property(anyIds, fc.nat(), (commandId, index) => {
        expect(deriveEventId(commandId, index)).toBe(deriveEventId(commandId, index));
      }),
    );
  });

  it('gives a valid uuid v5', () => {
    fc.assert(
      fc.property(anyIds, fc.nat(), (commandId, index) => {
        const id = deriveEventId(commandId, index);
        expect(id).toMatch(UUID_V5);
        expect(isUuid(id)).toBe(true);
        expect(uuidVersion(id)).toBe(5);
        expect(isEventId(id)).toBe(true);
      }),
    );
  });

  it('gives different ids for different (command id, index) pairs', () => {
    fc.assert(
      fc.property(fc.tuple(anyIds, fc.nat(20)), fc.tuple(anyIds, fc.nat(20)), ([c1, i1], [c2, i2]) => {
        fc.pre(c1 !== c2 || i1 !== i2);
        expect(deriveEventId(c1, i1)).not.toBe(deriveEventId(c2, i2));
      }),
    );
  });

  it('keeps command ids that look like an id plus an index apart', () => {
    const pairs: readonly (readonly [string, number])[] = [
      ['c#1', 0],
      ['c', 1],
      ['c#1', 1],
      ['c', 10],
      ['c#10', 0],
      ['c#', 10],
      ['', 0],
    ];
    const derived = pairs.map(([commandId, index]) => deriveEventId(commandId, index));
    expect(new Set(derived).size).toBe(pairs.length);
  });

  it('stays stable across releases, so a retried command is recognised by the ids already stored', () => {
    // Pinned values (uuid v5 of "<command id>#<index>" in EVENT_ID_NAMESPACE, checked with another uuid library).
    expect(EVENT_ID_NAMESPACE).toBe('6f1c1bd2-4a0e-5d36-9c55-4d5e1f0b7a21');
    expect(deriveEventId('cmd-1', 0)).toBe('b56a4656-88cc-520a-9060-94a80ca2cd4c');
    expect(deriveEventId('cmd-1', 1)).toBe('3fd68c8a-c4a9-5197-853e-fbefb63a6629');
  });
});

describe('deriveCommandId', () => {
  it('is deterministic: the same causing event and purpose always give the same command id', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.string(), (eventId, purpose) => {
        expect(deriveCommandId(eventId, purpose)).toBe(deriveCommandId(eventId, purpose));
      }),
    );
  });

  it('gives a uuid v5 that differs by causing event and by purpose', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), fc.string(), fc.string(), (e1, e2, p1, p2) => {
        fc.pre(e1 !== e2 || p1 !== p2);
        const id = deriveCommandId(e1, p1);
        expect(id).toMatch(UUID_V5);
        expect(id).not.toBe(deriveCommandId(e2, p2));
      }),
    );
  });

  it('stays stable across releases', () => {
    expect(deriveCommandId(EVENT_ID_NAMESPACE, 'notify')).toBe('0b16c1fb-5ac0-5695-834b-72a4eb7782a1');
  });
});
