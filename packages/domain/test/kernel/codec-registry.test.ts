import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { createRegistry, defineEvent, type EventLocation, type EventOf, type StoredEventData, type Upcaster } from '../../src/eventsourcing/codec-registry.js';
import { describeStoreError } from '../../src/eventsourcing/errors.js';

const Role = t.union([t.literal('lead'), t.literal('deputy'), t.literal('member')]);

/** v3, the current version: partners with a role. */
const TeamFormedV3 = t.type({ lead: t.string, partners: t.array(t.type({ name: t.string, role: Role })) });

/** v1 `{ lead, deputy }` became v2 `{ lead, partners: string[] }`. */
const v1ToV2: Upcaster = (data) => {
  const v1 = data as { readonly lead: unknown; readonly deputy: unknown };
  return { lead: v1.lead, partners: [v1.deputy] };
};

/** v2 partners became v3 partners with a role; every older partner was a member. */
const v2ToV3: Upcaster = (data) => {
  const v2 = data as { readonly lead: unknown; readonly partners: readonly unknown[] };
  return { lead: v2.lead, partners: v2.partners.map((name) => ({ name, role: 'member' })) };
};

const BigIntFromString = new t.Type<bigint, string, unknown>(
  'BigIntFromString',
  (u): u is bigint => typeof u === 'bigint',
  (u, c) => (typeof u === 'string' && /^-?\d+$/.test(u) ? t.success(BigInt(u)) : t.failure(u, c)),
  (a) => a.toString(),
);

const Budgeted = t.type({ amount: BigIntFromString, notes: t.array(t.string), approvedBy: t.union([t.null, t.string]) });

const teamDefinitions = [
  defineEvent('TeamFormed', TeamFormedV3, { version: 3, upcasters: { 1: v1ToV2, 2: v2ToV3 } }),
  defineEvent('Budgeted', Budgeted),
] as const;

type TeamEvent = EventOf<(typeof teamDefinitions)[number]>;

const registry = createRegistry(teamDefinitions);

const where: EventLocation = { stream: 'team-7', revision: 4n };

const stored = (schemaVersion: number, data: unknown, type = 'TeamFormed'): StoredEventData => ({ type, schemaVersion, data });

const leftOf = <L, R>(result: E.Either<L, R>): L => {
  if (E.isRight(result)) throw new Error(`expected a failure, got ${JSON.stringify(result.right, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`);
  return result.left;
};

const rightOf = <L, R>(result: E.Either<L, R>): R => {
  if (E.isLeft(result)) throw new Error(`expected a success, got ${JSON.stringify(result.left, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`);
  return result.right;
};

describe('createRegistry', () => {
  it('refuses an event type defined twice', () => {
    expect(() =>
      createRegistry([defineEvent('Twice', t.type({ a: t.string })), defineEvent('Twice', t.type({ b: t.number }))]),
    ).toThrow("event type 'Twice' is defined twice");
  });

  it('refuses a current version that is not a whole number from 1', () => {
    expect(() => createRegistry([defineEvent('Zero', t.string, { version: 0 })])).toThrow(/invalid version 0/);
    expect(() => createRegistry([defineEvent('Half', t.string, { version: 1.5 })])).toThrow(/invalid version 1.5/);
  });

  it('lists its types and their current versions', () => {
    expect(registry.types).toEqual(['TeamFormed', 'Budgeted']);
    expect(registry.versionOf('TeamFormed')).toBe(3);
    expect(registry.versionOf('Budgeted')).toBe(1);
    expect(registry.versionOf('Missing')).toBeUndefined();
  });
});

describe('decode', () => {
  it('decodes data stored at the current version without upcasting it', () => {
    let upcasts = 0;
    const counting = createRegistry([
      defineEvent('TeamFormed', TeamFormedV3, {
        version: 3,
        upcasters: {
          1: (d) => {
            upcasts++;
            return v1ToV2(d);
          },
          2: (d) => {
            upcasts++;
            return v2ToV3(d);
          },
        },
      }),
    ]);
    const data = { lead: 'ann', partners: [{ name: 'bo', role: 'deputy' }] };
    expect(counting.decode(stored(3, data), where)).toEqual(E.right({ type: 'TeamFormed', data }));
    expect(upcasts).toBe(0);
  });

  it('upcasts version 1 data through every upcaster of the chain, in order', () => {
    const decoded = rightOf(registry.decode(stored(1, { lead: 'ann', deputy: 'bo' }), where));
    expect(decoded).toEqual({ type: 'TeamFormed', data: { lead: 'ann', partners: [{ name: 'bo', role: 'member' }] } });
  });

  it('upcasts version 2 data through the last upcaster only', () => {
    const decoded = rightOf(registry.decode(stored(2, { lead: 'ann', partners: ['bo', 'cy'] }), where));
    expect(decoded).toEqual({
      type: 'TeamFormed',
      data: { lead: 'ann', partners: [{ name: 'bo', role: 'member' }, { name: 'cy', role: 'member' }] },
    });
  });

  it('leaves the stored event as it was: upcasting happens on the way out only', () => {
    const old = stored(1, { lead: 'ann', deputy: 'bo' });
    const before = structuredClone(old);
    rightOf(registry.decode(old, where));
    expect(old).toEqual(before);
  });

  it('reports old data that is still invalid after upcasting with the version it was stored at', () => {
    const error = leftOf(registry.decode(stored(1, { lead: 'ann', deputy: 42 }), where));
    expect(error).toEqual({
      _tag: 'EventDecodeFailed',
      stream: 'team-7',
      revision: 4n,
      type: 'TeamFormed',
      schemaVersion: 1,
      path: 'data.partners[0].name',
      reason: 'expected string, got 42',
    });
  });

  it('fails with EventDecodeFailed naming the first missing upcaster', () => {
    const gappy = createRegistry([defineEvent('TeamFormed', TeamFormedV3, { version: 3, upcasters: { 2: v2ToV3 } })]);
    expect(leftOf(gappy.decode(stored(1, { lead: 'ann', deputy: 'bo' }), where))).toEqual({
      _tag: 'EventDecodeFailed',
      stream: 'team-7',
      revision: 4n,
      type: 'TeamFormed',
      schemaVersion: 1,
      path: 'metadata.schemaVersion',
      reason: 'no upcaster from version 1',
    });
  });

  it.each([
    ['above the current one', 4],
    ['zero', 0],
    ['negative', -1],
    ['not a whole number', 2.5],
    ['not a number', Number.NaN],
  ])('fails with EventDecodeFailed when the stored schemaVersion is %s', (_label, schemaVersion) => {
    const error = leftOf(registry.decode(stored(schemaVersion, { lead: 'ann', partners: [] }), where));
    expect(error).toEqual({
      _tag: 'EventDecodeFailed',
      stream: 'team-7',
      revision: 4n,
      type: 'TeamFormed',
      schemaVersion,
      path: 'metadata.schemaVersion',
      reason: 'expected a version from 1 to 3',
    });
  });

  it('fails with EventDecodeFailed saying which upcaster threw and why', () => {
    const throwing = createRegistry([
      defineEvent('TeamFormed', TeamFormedV3, {
        version: 3,
        upcasters: {
          1: v1ToV2,
          2: () => {
            throw new Error('partners must be names');
          },
        },
      }),
    ]);
    const error = leftOf(throwing.decode(stored(1, { lead: 'ann', deputy: 'bo' }), where));
    expect(error).toMatchObject({ _tag: 'EventDecodeFailed', stream: 'team-7', revision: 4n, type: 'TeamFormed', schemaVersion: 1, path: 'data' });
    expect(error._tag === 'EventDecodeFailed' && error.reason).toMatch(/upcaster from version 2 failed: .*partners must be names/);
  });

  it('fails with UnknownEventType, with the stream and revision, for a type it does not know', () => {
    expect(registry.decode(stored(1, {}, 'TeamDisbanded'), where)).toEqual(
      E.left({ _tag: 'UnknownEventType', stream: 'team-7', revision: 4n, type: 'TeamDisbanded' }),
    );
  });

  it('names the path and the expected type of a failure deep inside nested data', () => {
    const data = { lead: 'ann', partners: [{ name: 'bo', role: 'deputy' }, { name: 'cy', role: 'boss' }] };
    const error = leftOf(registry.decode(stored(3, data), where));
    expect(error).toMatchObject({
      _tag: 'EventDecodeFailed',
      stream: 'team-7',
      revision: 4n,
      type: 'TeamFormed',
      schemaVersion: 3,
      path: 'data.partners[1].role',
    });
    const reason = error._tag === 'EventDecodeFailed' ? error.reason : '';
    // The expected type is the whole union, not only its first alternative.
    expect(reason).toContain('"lead" | "deputy" | "member"');
    expect(reason).toContain('got "boss"');
  });

  it('names fields under strict (exact) codecs and refinements in the path', () => {
    interface PositiveBrand {
      readonly Positive: unique symbol;
    }
    const Positive = t.brand(t.number, (n): n is t.Branded<number, PositiveBrand> => n > 0, 'Positive');
    interface OrderedBrand {
      readonly Ordered: unique symbol;
    }
    const Span = t.brand(
      t.type({ from: t.number, to: t.number }),
      (s): s is t.Branded<{ from: number; to: number }, OrderedBrand> => s.from <= s.to,
      'Ordered',
    );
    const shifts = createRegistry([
      defineEvent('ShiftPlanned', t.strict({ crew: t.array(t.strict({ name: t.string, hours: Positive })), span: Span })),
    ]);
    const at = (data: unknown): string => {
      const error = leftOf(shifts.decode({ type: 'ShiftPlanned', schemaVersion: 1, data }, where));
      return error._tag === 'EventDecodeFailed' ? `${error.path}: ${error.reason}` : error._tag;
    };
    const span = { from: 1, to: 2 };
    expect(at({ crew: [{ name: 'ann', hours: 3 }, { name: 'bo', hours: -1 }], span })).toBe('data.crew[1].hours: expected Positive, got -1');
    expect(at({ crew: [{ name: 7, hours: 3 }], span })).toBe('data.crew[0].name: expected string, got 7');
    expect(at({ crew: [], span: { from: 'x', to: 2 } })).toBe('data.span.from: expected number, got "x"');
    expect(at({ crew: [], span: { from: 3, to: 2 } })).toBe('data.span: expected Ordered, got {"from":3,"to":2}');
  });

  it('describes a decode failure with its stream, revision, type and path', () => {
    const data = { lead: 'ann', partners: [{ name: 'bo', role: 'deputy' }, { name: 'cy', role: 'boss' }] };
    const error = leftOf(registry.decode(stored(3, data), where));
    const sentence = describeStoreError(error);
    expect(sentence).toContain("stream 'team-7'");
    expect(sentence).toContain('revision 4');
    expect(sentence).toContain("'TeamFormed'");
    expect(sentence).toContain('data.partners[1].role');
  });
});

describe('encode', () => {
  it('returns the stored form at the current version with the codec applied', () => {
    const event: TeamEvent = { type: 'Budgeted', data: { amount: 12345678901234567890n, notes: ['q3'], approvedBy: null } };
    expect(registry.encode(event, where)).toEqual(
      E.right({ type: 'Budgeted', schemaVersion: 1, data: { amount: '12345678901234567890', notes: ['q3'], approvedBy: null } }),
    );
    const team: TeamEvent = { type: 'TeamFormed', data: { lead: 'ann', partners: [] } };
    expect(rightOf(registry.encode(team, where)).schemaVersion).toBe(3);
  });

  it('refuses data that does not satisfy the codec, naming the path', () => {
    const bad = { type: 'TeamFormed', data: { lead: 'ann', partners: [{ name: 'bo', role: 'boss' }] } } as unknown as TeamEvent;
    const error = leftOf(registry.encode(bad, where));
    expect(error).toMatchObject({
      _tag: 'EventDecodeFailed',
      stream: 'team-7',
      revision: 4n,
      type: 'TeamFormed',
      schemaVersion: 3,
      path: 'data.partners[0].role',
    });
  });

  it('refuses an event whose type it does not know', () => {
    const unknown = { type: 'TeamDisbanded', data: {} } as unknown as TeamEvent;
    expect(registry.encode(unknown, where)).toEqual(
      E.left({ _tag: 'UnknownEventType', stream: 'team-7', revision: 4n, type: 'TeamDisbanded' }),
    );
  });

  it('round-trips any valid event: decode(JSON of encode(x)) equals x', () => {
    const teamFormed = fc.record({
      lead: fc.string(),
      partners: fc.array(fc.record({ name: fc.string(), role: fc.constantFrom('lead' as const, 'deputy' as const, 'member' as const) })),
    });
    const budgeted = fc.record({
      amount: fc.bigInt(),
      notes: fc.array(fc.string()),
      approvedBy: fc.option(fc.string(), { nil: null }),
    });
    const events: fc.Arbitrary<TeamEvent> = fc.oneof(
      teamFormed.map((data): TeamEvent => ({ type: 'TeamFormed', data })),
      budgeted.map((data): TeamEvent => ({ type: 'Budgeted', data })),
    );
    fc.assert(
      fc.property(events, (event) => {
        const encoded = rightOf(registry.encode(event, where));
        // What a store keeps is JSON, so the round trip goes through it.
        const fromJson = JSON.parse(JSON.stringify(encoded)) as StoredEventData;
        expect(rightOf(registry.decode(fromJson, where))).toEqual(event);
      }),
    );
  });
});
