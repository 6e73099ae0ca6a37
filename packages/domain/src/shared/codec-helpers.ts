import * as t from 'io-ts';

/** A readonly io-ts object codec with every property required. */
export const record = <P extends t.Props>(props: P, name?: string): t.ReadonlyC<t.TypeC<P>> => t.readonly(t.type(props), name);

/** A readonly io-ts object codec with required and optional properties. */
export const recordWithOptional = <R extends t.Props, O extends t.Props>(
  required: R,
  optional: O,
  name?: string,
): t.ReadonlyC<t.IntersectionC<[t.TypeC<R>, t.PartialC<O>]>> => t.readonly(t.intersection([t.type(required), t.partial(optional)]), name);

/** A value or null. */
export const nullable = <C extends t.Mixed>(codec: C): t.UnionC<[C, t.NullC]> => t.union([codec, t.null]);

/** A readonly array codec with at least one element. */
export const nonEmptyArray = <C extends t.Mixed>(codec: C, name?: string): t.Type<readonly t.TypeOf<C>[], readonly t.OutputOf<C>[]> => {
  const base = t.readonlyArray(codec);
  return new t.Type<readonly t.TypeOf<C>[], readonly t.OutputOf<C>[]>(
    name ?? `non-empty ${base.name}`,
    (value): value is readonly t.TypeOf<C>[] => base.is(value) && value.length > 0,
    (value, context) => {
      const decoded = base.validate(value, context);
      if (decoded._tag === 'Left') return decoded;
      return decoded.right.length > 0 ? t.success(decoded.right) : t.failure(value, context, 'expected at least one element');
    },
    (value) => base.encode(value),
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
