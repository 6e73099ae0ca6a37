import * as t from 'io-ts';
import { declaredFieldsOnly } from './codec-helpers.js';
import { IsoDateCodec } from './iso-date.js';
import { IdCodec } from './text.js';

/** The fields every command has: its type, an id that makes it idempotent, and the date it takes effect. */
export const commandBase = { commandId: IdCodec, at: IsoDateCodec };

/** An io-ts codec of one command type: `{ type, commandId, at, ...props }`; fields it does not declare are dropped. */
export const commandCodec = <T extends string, P extends t.Props>(
  type: T,
  props: P,
): t.ReadonlyC<t.TypeC<{ type: t.LiteralC<T>; commandId: typeof IdCodec; at: typeof IsoDateCodec } & P>> =>
  declaredFieldsOnly(t.type({ type: t.literal(type), ...commandBase, ...props }), type);

/** An io-ts codec of one command type with optional fields; fields it does not declare are dropped. */
export const commandCodecWithOptional = <T extends string, P extends t.Props, O extends t.Props>(
  type: T,
  props: P,
  optional: O,
): t.ReadonlyC<
  t.IntersectionC<[t.TypeC<{ type: t.LiteralC<T>; commandId: typeof IdCodec; at: typeof IsoDateCodec } & P>, t.PartialC<O>]>
> => declaredFieldsOnly(t.intersection([t.type({ type: t.literal(type), ...commandBase, ...props }), t.partial(optional)]), type);
