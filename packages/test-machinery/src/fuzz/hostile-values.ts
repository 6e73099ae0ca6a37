import fc from 'fast-check';

const pad = (value: number, width: number): string => String(value).padStart(width, '0');
const dateText = (year: number, month: number, day: number): string => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
const acceptedYear = fc.integer({ min: 1800, max: 2200 });

/**
 * Strings that look like dates and are not dates a date field accepts: 30 February, month 13,
 * `2023-1-1`, year 0, years before 1800 or after 2200, a day past its month's end, times, other
 * separators, blank.
 */
export const impossibleDateArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '2023-02-30', '2023-13-01', '2023-1-1', '0000-01-01', '2023-02-29', '2100-02-29', '2023-04-31', '2023-00-10',
    '2023-01-00', '2023-01-32', '1799-12-31', '2201-01-01', '9999-12-31', '+002023-01-01', '-000001-01-01',
    '2023-01-01T00:00:00Z', ' 2023-01-01', '2023-01-01 ', '2023/01/01', '20230101', '01-01-2023', '2023-W01-1',
    '\uFF12\uFF10\uFF12\uFF13-01-01', '',
  ),
  fc
    .record({ year: fc.oneof(fc.integer({ min: 0, max: 1799 }), fc.integer({ min: 2201, max: 9999 })), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
    .map(({ year, month, day }) => dateText(year, month, day)),
  fc
    .record({ year: acceptedYear, month: fc.oneof(fc.constant(0), fc.integer({ min: 13, max: 99 })), day: fc.integer({ min: 1, max: 28 }) })
    .map(({ year, month, day }) => dateText(year, month, day)),
  fc
    .record({ year: acceptedYear, month: fc.integer({ min: 1, max: 12 }) })
    .chain(({ year, month }) => fc.integer({ min: daysInMonth(year, month) + 1, max: 99 }).map((day) => dateText(year, month, day))),
  fc
    .record({ year: acceptedYear, month: fc.integer({ min: 1, max: 9 }), day: fc.integer({ min: 1, max: 9 }), padded: fc.constantFrom('month', 'day', 'neither') })
    .map(({ year, month, day, padded }) => `${pad(year, 4)}-${padded === 'month' ? pad(month, 2) : String(month)}-${padded === 'day' ? pad(day, 2) : String(day)}`),
);

const plain = fc.string({ unit: fc.constantFrom(...'abcdefXYZ0123-_'.split('')), maxLength: 12 });

/** Control characters a text may not hold (tab, line feed and carriage return are allowed): NUL, bell, escape, DEL, C1 controls. */
export const controlCharacterArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('\u0000', '\u0001', '\u0007', '\u0008', '\u000B', '\u000C', '\u001B', '\u001B[31m', '\u007F', '\u0085', '\u009B'),
  fc.integer({ min: 0x0e, max: 0x1f }).map((code) => String.fromCharCode(code)),
);

/** A lone surrogate: half of a UTF-16 pair with no other half, or the two halves in the wrong order. */
export const loneSurrogateArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
  fc.constant('\uDC00\uD800'),
);

/**
 * Strings no id, text, date or name field accepts: empty or blank, longer than any limit (2,001 to
 * 100,000 characters), holding a control character or a lone surrogate.
 */
export const hostileStringArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', '\t', '   \n ', '\u3000', '\uFEFF', '\u00A0\u2003'),
  fc
    .record({ length: fc.integer({ min: 2001, max: 100_000 }), unit: fc.constantFrom('x', '\u00E9', '\u5B57', '\uD83D\uDE00') })
    .map(({ length, unit }) => unit.repeat(Math.ceil(length / unit.length))),
  fc.tuple(plain, controlCharacterArbitrary, plain).map((parts) => parts.join('')),
  fc.tuple(plain, loneSurrogateArbitrary, plain).map((parts) => parts.join('')),
);

/** The kinds of JSON value. */
export type JsonKind = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';

/** The kind of a JSON value. */
export const jsonKindOf = (value: unknown): JsonKind =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'object' ? 'object' : (typeof value as JsonKind);

/** A JSON value of another kind than `original`: a number where a string was, an object where an array was; `null` only when allowed. */
export const otherKindArbitrary = (original: unknown, options: { readonly allowNull?: boolean } = {}): fc.Arbitrary<unknown> => {
  const byKind: Readonly<Record<JsonKind, fc.Arbitrary<unknown>>> = {
    string: fc.constantFrom('', '0', 'true', 'null', '[]', '{}'),
    number: fc.oneof(fc.constantFrom(0, -1, 1.5, 1e308, Number.MAX_SAFE_INTEGER + 2), fc.double({ noNaN: true, noDefaultInfinity: true })),
    boolean: fc.boolean(),
    null: fc.constant(null),
    array: fc.constantFrom([], [original]),
    object: fc.constantFrom({}, { value: original }, { kind: original }),
  };
  const kinds = (Object.keys(byKind) as JsonKind[]).filter((kind) => kind !== jsonKindOf(original) && (kind !== 'null' || options.allowNull !== false));
  return fc.oneof(...kinds.map((kind) => byKind[kind]));
};

/** JSON text nested `depth` levels deep, at least 2: arrays `[[…]]` or objects `{"a":{"a":…}}`. */
export const deepNestingArbitrary = (maxDepth = 100_000): fc.Arbitrary<{ readonly depth: number; readonly text: string }> =>
  fc
    .record({
      depth: fc.oneof(fc.integer({ min: 2, max: Math.min(100, maxDepth) }), fc.integer({ min: 2, max: maxDepth })),
      shape: fc.constantFrom('array', 'object'),
    })
    .map(({ depth, shape }) => ({
      depth,
      text: shape === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth - 1)}{}${'}'.repeat(depth - 1)}`,
    }));

/** The property names that reach a prototype when an object is merged carelessly. */
export const prototypeKeys = ['__proto__', 'constructor', 'prototype'] as const;

/** JSON text of an object that would pollute a prototype if it were merged into one: `{"polluted":…}` or `{"prototype":{"polluted":…}}`. */
export const pollutingPayloadArbitrary: fc.Arbitrary<string> = fc.constantFrom(
  '{"polluted":"yes","isAdmin":true,"toString":"replaced"}',
  '{"prototype":{"polluted":"yes"}}',
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
);

/** Names of fields no command or event declares: prototype keys, names of `Object.prototype` members, blank, control characters, any string. */
export const unknownFieldNameArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...prototypeKeys, 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf', '$type', '', ' ', '\u0000', 'extra'),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);

/** JSON text of a value an unknown field may hold: any JSON, deep nesting, a huge string, a polluting payload. */
export const unknownFieldValueArbitrary = (maxDepth = 100_000): fc.Arbitrary<string> =>
  fc.oneof(
    fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
    deepNestingArbitrary(maxDepth).map((deep) => deep.text),
    hostileStringArbitrary.map((text) => JSON.stringify(text)),
    pollutingPayloadArbitrary,
  );
