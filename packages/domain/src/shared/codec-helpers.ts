import * as t from 'io-ts';

/** The value itself when it has no property outside `declared`, else a copy holding only the declared ones. */
const declaredOnly = (value: unknown, declared: ReadonlySet<string>): unknown => {
  if (typeof value !== 'object' || value === null) return value;
  const keys = Object.keys(value);
  if (keys.every((key) => declared.has(key))) return value;
  const fields = value as Readonly<Record<string, unknown>>;
  const kept: Record<string, unknown> = {};
  for (const key of keys) if (declared.has(key)) kept[key] = fields[key];
  return kept;
};

/**
 * A readonly codec over an object codec that drops every property the codec does not declare, on
 * decode and on encode: a field a command or an event does not have is ignored and never stored,
 * whatever its name (`__proto__` included) or size. The codec keeps the `ReadonlyType` shape of
 * `t.readonly`, so field paths in errors and the generated catalogue see the same structure.
 */
export const declaredFieldsOnly = <C extends t.InterfaceType<t.Props> | t.IntersectionType<[t.InterfaceType<t.Props>, t.PartialType<t.Props>]>>(
  codec: C,
  name: string = `Readonly<${codec.name}>`,
): t.ReadonlyC<C> => {
  const members: readonly { readonly props: t.Props }[] = codec._tag === 'InterfaceType' ? [codec] : codec.types;
  const declared = new Set(members.flatMap((member) => Object.keys(member.props)));
  return new t.ReadonlyType<C, t.TypeOf<t.ReadonlyC<C>>, t.OutputOf<t.ReadonlyC<C>>, unknown>(
    name,
    (value): value is t.TypeOf<t.ReadonlyC<C>> => codec.is(value),
    (value, context) => {
      const decoded = codec.validate(value, context);
      return decoded._tag === 'Left' ? decoded : t.success(declaredOnly(decoded.right, declared) as t.TypeOf<t.ReadonlyC<C>>);
    },
    (value) => codec.encode(declaredOnly(value, declared)) as t.OutputOf<C>,
    codec,
  );
};

/** A readonly io-ts object codec with every property required; undeclared properties are dropped. */
export const record = <P extends t.Props>(props: P, name?: string): t.ReadonlyC<t.TypeC<P>> => declaredFieldsOnly(t.type(props), name);

/** A readonly io-ts object codec with required and optional properties; undeclared properties are dropped. */
export const recordWithOptional = <R extends t.Props, O extends t.Props>(
  required: R,
  optional: O,
  name?: string,
): t.ReadonlyC<t.IntersectionC<[t.TypeC<R>, t.PartialC<O>]>> => declaredFieldsOnly(t.intersection([t.type(required), t.partial(optional)]), name);

/** A value or null. */
export const nullable = <C extends t.Mixed>(codec: C): t.UnionC<[C, t.NullC]> => t.union([codec, t.null]);

/** A readonly array codec with at least one element; a refinement of `t.readonlyArray(codec)`, which it keeps as `type`. */
export const nonEmptyArray = <C extends t.Mixed>(
  codec: C,
  name?: string,
): t.RefinementType<t.ReadonlyArrayC<C>, readonly t.TypeOf<C>[], readonly t.OutputOf<C>[]> => {
  const base = t.readonlyArray(codec);
  const predicate = (value: readonly t.TypeOf<C>[]): boolean => value.length > 0;
  return new t.RefinementType<t.ReadonlyArrayC<C>, readonly t.TypeOf<C>[], readonly t.OutputOf<C>[]>(
    name ?? `non-empty ${base.name}`,
    (value): value is readonly t.TypeOf<C>[] => base.is(value) && value.length > 0,
    (value, context) => {
      const decoded = base.validate(value, context);
      if (decoded._tag === 'Left') return decoded;
      return decoded.right.length > 0 ? t.success(decoded.right) : t.failure(value, context, 'expected at least one element');
    },
    (value) => base.encode(value),
    base,
    predicate,
  );
};

/** A whole number from `min` to `max`. */
export const integerBetween = (min: number, max: number): t.Type<number> =>
  new t.Type<number>(
    `whole number from ${String(min)} to ${String(max)}`,
    (value): value is number => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max,
    (value, context) =>
      typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? t.success(value) : t.failure(value, context),
    t.identity,
  );
