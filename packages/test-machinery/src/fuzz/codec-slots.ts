import type * as t from 'io-ts';

/** A key of a value: a property name or an array index. */
export type PathKey = string | number;

/** A field of a value, found by walking it beside its io-ts codec. */
export interface CodecSlot {
  /** The path as errors name it: `unit.name`, `partners[1].kind`. */
  readonly path: string;
  /** The keys from the root to the field. */
  readonly at: readonly PathKey[];
  /** Whether the object holding it requires it (removing it makes the value invalid). */
  readonly required: boolean;
  /** The codec of the field. */
  readonly codec: t.Decoder<unknown, unknown>;
  readonly value: unknown;
}

/** An object inside a value (the root included), with the property names its codec declares. */
export interface CodecObject {
  readonly path: string;
  readonly at: readonly PathKey[];
  readonly declared: ReadonlySet<string>;
}

/** The fields and objects of a value, as its codec sees them. */
export interface CodecShape {
  readonly slots: readonly CodecSlot[];
  readonly objects: readonly CodecObject[];
}

interface CodecNode {
  readonly _tag?: string;
  readonly type?: t.Decoder<unknown, unknown>;
  readonly types?: readonly t.Decoder<unknown, unknown>[];
  readonly props?: Readonly<Record<string, t.Decoder<unknown, unknown>>>;
}

const isPlainObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `unit` + `name` is `unit.name`; `partners` + 1 is `partners[1]`. */
export const pathWith = (path: string, key: PathKey): string =>
  typeof key === 'number' ? `${path}[${String(key)}]` : path === '' ? key : `${path}.${key}`;

/**
 * Walks a value beside its codec (readonly, refinement, intersection, interface, partial and array
 * codecs) and lists every field present and every object with the names its codec declares.
 */
export const codecShapeOf = (codec: t.Decoder<unknown, unknown>, value: unknown): CodecShape => {
  const slots: CodecSlot[] = [];
  const objects = new Map<string, { at: readonly PathKey[]; declared: Set<string> }>();
  const walk = (node: t.Decoder<unknown, unknown>, current: unknown, at: readonly PathKey[], path: string): void => {
    const shape = node as unknown as CodecNode;
    switch (shape._tag) {
      case 'ReadonlyType':
      case 'RefinementType':
      case 'ExactType':
        if (shape.type !== undefined) walk(shape.type, current, at, path);
        return;
      case 'IntersectionType':
        for (const member of shape.types ?? []) walk(member, current, at, path);
        return;
      case 'InterfaceType':
      case 'PartialType': {
        if (!isPlainObject(current)) return;
        const object = objects.get(path) ?? { at, declared: new Set<string>() };
        objects.set(path, object);
        for (const [key, field] of Object.entries(shape.props ?? {})) {
          object.declared.add(key);
          if (!Object.hasOwn(current, key)) continue;
          const fieldAt = [...at, key];
          const fieldPath = pathWith(path, key);
          slots.push({ path: fieldPath, at: fieldAt, required: shape._tag === 'InterfaceType', codec: field, value: current[key] });
          walk(field, current[key], fieldAt, fieldPath);
        }
        return;
      }
      case 'ReadonlyArrayType':
      case 'ArrayType':
        if (!Array.isArray(current) || shape.type === undefined) return;
        current.forEach((element: unknown, index) => {
          const elementAt = [...at, index];
          const elementPath = pathWith(path, index);
          slots.push({ path: elementPath, at: elementAt, required: false, codec: shape.type as t.Decoder<unknown, unknown>, value: element });
          walk(shape.type as t.Decoder<unknown, unknown>, element, elementAt, elementPath);
        });
        return;
      default:
        return;
    }
  };
  walk(codec, value, [], '');
  return { slots, objects: [...objects].map(([path, object]) => ({ path, at: object.at, declared: object.declared })) };
};
