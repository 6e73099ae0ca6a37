import fc from 'fast-check';
import type * as t from 'io-ts';
import { codecShapeOf, type CodecSlot } from './codec-slots.js';
import {
  deepNestingArbitrary,
  hostileStringArbitrary,
  impossibleDateArbitrary,
  otherKindArbitrary,
  prototypeKeys,
} from './hostile-values.js';
import { spliceJson, type JsonEdit } from './json-splice.js';

/** How a valid value was broken. */
export type BrokenValueKind = 'missing-field' | 'wrong-kind' | 'impossible-date' | 'hostile-string' | 'deep-nesting' | 'prototype-key';

/** Every way a value is broken. */
export const brokenValueKinds: readonly BrokenValueKind[] = ['missing-field', 'wrong-kind', 'impossible-date', 'hostile-string', 'deep-nesting', 'prototype-key'];

/** The JSON text of a value broken in one field, and the field a decoding error must name. */
export interface BrokenValue {
  readonly kind: BrokenValueKind;
  /** One line of JSON text. */
  readonly text: string;
  /** The path of the broken field (`unit.name`, `partners[1]`). */
  readonly field: string;
  /** Whether the error may name a field inside `field` (a value of the wrong shape is wrong somewhere inside), or must name `field` itself. */
  readonly within: boolean;
}

/** Tells whether the path an error names is the broken field, or a field inside it when the case allows that. */
export const namesBrokenField = (broken: Pick<BrokenValue, 'field' | 'within'>, path: string): boolean =>
  path === broken.field || (broken.within && (path.startsWith(`${broken.field}.`) || path.startsWith(`${broken.field}[`)));

/** Options of `brokenValueArbitrary`. */
export interface BreakOptions {
  /** The deepest nesting drawn; 100,000 by default. */
  readonly maxDepth?: number;
  /** Strings the value's string fields all refuse; `hostileStringArbitrary` by default. */
  readonly hostileStrings?: fc.Arbitrary<string>;
  /** The kinds drawn; all by default. */
  readonly kinds?: readonly BrokenValueKind[];
}

const isUnion = (slot: CodecSlot): boolean => (slot.codec as { readonly _tag?: string })._tag === 'UnionType';
const isDate = (slot: CodecSlot): boolean => slot.codec.name === 'IsoDate';

/** The member that hides a removed field behind a prototype key: `"__proto__":{"commandId":…}`. */
const hidingMember = (protoKey: (typeof prototypeKeys)[number], name: string, value: unknown): readonly [string, string] => {
  const inner = `{${JSON.stringify(name)}:${JSON.stringify(value)}}`;
  return [protoKey, protoKey === 'constructor' ? `{"prototype":${inner}}` : inner];
};

/**
 * Versions of a valid JSON value broken in exactly one field, drawn from the fields its codec
 * walks: a required field missing or hidden behind `__proto__`, `constructor` or `prototype`; a
 * value of another kind; an impossible date; a hostile string; nesting thousands of levels deep.
 * Each comes with the field a decoding error must name.
 */
export const brokenValueArbitrary = (codec: t.Decoder<unknown, unknown>, value: unknown, options: BreakOptions = {}): fc.Arbitrary<BrokenValue> => {
  const { slots } = codecShapeOf(codec, value);
  const kinds = new Set(options.kinds ?? brokenValueKinds);
  const hostile = options.hostileStrings ?? hostileStringArbitrary;
  const edit = (kind: BrokenValueKind, slot: CodecSlot, within: boolean, edits: readonly JsonEdit[]): BrokenValue => ({
    kind,
    text: spliceJson(value, edits),
    field: slot.path,
    within,
  });
  const choose = <A>(items: readonly A[]): fc.Arbitrary<A> | undefined => (items.length === 0 ? undefined : fc.constantFrom(...items));
  const required = slots.filter((slot) => slot.required);
  const strings = slots.filter((slot) => typeof slot.value === 'string');
  const dates = slots.filter(isDate);
  const named = required.filter((slot) => typeof slot.at[slot.at.length - 1] === 'string');
  const options_: fc.Arbitrary<BrokenValue>[] = [];
  const add = (kind: BrokenValueKind, arbitrary: fc.Arbitrary<BrokenValue> | undefined): void => {
    if (kinds.has(kind) && arbitrary !== undefined) options_.push(arbitrary);
  };
  add('missing-field', choose(required)?.map((slot) => edit('missing-field', slot, false, [{ _tag: 'Remove', at: slot.at }])));
  // a null where a union allows null says nothing of the kinds its other member takes: a field that may be null is given another kind only when it holds a value
  const typed = slots.filter((slot) => !(isUnion(slot) && slot.value === null));
  add(
    'wrong-kind',
    choose(typed)?.chain((slot) =>
      otherKindArbitrary(slot.value, { allowNull: !isUnion(slot) }).map((other) =>
        edit('wrong-kind', slot, true, [{ _tag: 'Replace', at: slot.at, text: JSON.stringify(other) }]),
      ),
    ),
  );
  add(
    'impossible-date',
    choose(dates)?.chain((slot) =>
      impossibleDateArbitrary.map((date) => edit('impossible-date', slot, false, [{ _tag: 'Replace', at: slot.at, text: JSON.stringify(date) }])),
    ),
  );
  add(
    'hostile-string',
    choose(strings)?.chain((slot) =>
      hostile.map((text) => edit('hostile-string', slot, false, [{ _tag: 'Replace', at: slot.at, text: JSON.stringify(text) }])),
    ),
  );
  add(
    'deep-nesting',
    choose(slots)?.chain((slot) =>
      deepNestingArbitrary(options.maxDepth).map((deep) => edit('deep-nesting', slot, true, [{ _tag: 'Replace', at: slot.at, text: deep.text }])),
    ),
  );
  add(
    'prototype-key',
    choose(named)?.chain((slot) =>
      fc.constantFrom(...prototypeKeys).map((protoKey) =>
        edit('prototype-key', slot, false, [
          { _tag: 'Remove', at: slot.at },
          { _tag: 'AddMembers', at: slot.at.slice(0, -1), members: [hidingMember(protoKey, String(slot.at[slot.at.length - 1]), slot.value)] },
        ]),
      ),
    ),
  );
  if (options_.length === 0) throw new Error('brokenValueArbitrary: the value has no field its codec walks');
  return fc.oneof(...options_);
};
