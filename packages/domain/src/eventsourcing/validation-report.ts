import type * as t from 'io-ts';

/** The first thing wrong with a value, as a path inside it and a reason. */
export interface ValidationProblem {
  /** Dotted path to the offending field, e.g. `data.partners[1].role`; empty for the value itself. */
  readonly path: string;
  /** What was expected and what was found. */
  readonly reason: string;
}

const MAX_SHOWN = 60;

/** Renders any value briefly and safely for an error message. */
export const showValue = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  let shown: string;
  try {
    shown = JSON.stringify(value) ?? typeof value;
  } catch {
    shown = Object.prototype.toString.call(value);
  }
  return shown.length > MAX_SHOWN ? `${shown.slice(0, MAX_SHOWN)}…` : shown;
};

const tagOf = (type: t.Decoder<unknown, unknown> | undefined): string | undefined =>
  (type as { readonly _tag?: string } | undefined)?._tag;

/**
 * Union and intersection codecs add an entry per branch (`0`, `1`, ...) to the context, which is not
 * a field of the value. Refinements, `exact` and `readonly` add no entry of their own: the entries
 * under them are real fields.
 */
const isBranch = (type: t.Decoder<unknown, unknown>): boolean => {
  const tag = tagOf(type);
  if (tag === 'UnionType' || tag === 'IntersectionType') return true;
  // t.readonly(t.intersection(...)) validates through its inner codec, so the members' indices appear under it.
  const inner = (type as { readonly type?: t.Decoder<unknown, unknown> }).type;
  return tag === 'ReadonlyType' && inner !== undefined && isBranch(inner);
};

/** Turns an io-ts context into a path like `partners[1].role`, leaving out union and intersection branches. */
export const pathOf = (context: t.Context): string => {
  let path = '';
  for (let i = 1; i < context.length; i++) {
    const parent = context[i - 1];
    const entry = context[i];
    if (parent === undefined || entry === undefined || isBranch(parent.type)) continue;
    if (/^\d+$/.test(entry.key)) path += `[${entry.key}]`;
    else path += path === '' ? entry.key : `.${entry.key}`;
  }
  return path;
};

/** Names the first problem of a failed io-ts validation: where it is and what was wrong. */
export const firstProblem = (errors: t.Errors): ValidationProblem => {
  const error = errors[0];
  if (error === undefined) return { path: '', reason: 'invalid value' };
  if (error.message !== undefined) return { path: pathOf(error.context), reason: error.message };
  // A value that fits no branch of a union was expected to be the union, not its first branch.
  let at = error.context.length - 1;
  while (at > 0 && tagOf(error.context[at - 1]?.type) === 'UnionType') at--;
  const leaf = error.context[at];
  const expected = leaf === undefined ? 'a valid value' : leaf.type.name;
  return { path: pathOf(error.context), reason: `expected ${expected}, got ${showValue(error.value)}` };
};

/** Prefixes a path with a field name: `joinPath('data', 'x.y')` is `data.x.y`. */
export const joinPath = (prefix: string, path: string): string =>
  path === '' ? prefix : path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
