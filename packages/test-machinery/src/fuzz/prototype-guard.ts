/** The prototypes a polluting input would change, by name. */
const watched: Readonly<Record<string, object>> = {
  'Object.prototype': Object.prototype,
  'Array.prototype': Array.prototype,
  'Function.prototype': Function.prototype,
  'String.prototype': String.prototype,
  'Number.prototype': Number.prototype,
  'Boolean.prototype': Boolean.prototype,
};

/** The own properties of the built-in prototypes at one moment: each key with its value or accessors. */
export type PrototypeSnapshot = ReadonlyMap<string, ReadonlyMap<PropertyKey, unknown>>;

const propertiesOf = (prototype: object): ReadonlyMap<PropertyKey, unknown> =>
  new Map(
    Reflect.ownKeys(prototype).map((key) => {
      const descriptor = Object.getOwnPropertyDescriptor(prototype, key);
      // accessors are kept as the descriptor's own properties, compared by identity, never called
      const accessors: unknown[] = descriptor === undefined ? [] : [Reflect.get(descriptor, 'get'), Reflect.get(descriptor, 'set')];
      return [key, descriptor === undefined ? undefined : 'value' in descriptor ? descriptor.value : accessors];
    }),
  );

/** Takes a snapshot of `Object.prototype`, `Array.prototype` and the other built-in prototypes. */
export const prototypeSnapshot = (): PrototypeSnapshot =>
  new Map(Object.entries(watched).map(([name, prototype]) => [name, propertiesOf(prototype)]));

const sameValue = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((item, index) => Object.is(item, b[index])) : Object.is(a, b);

/**
 * What changed on the built-in prototypes since the snapshot: properties added, removed or
 * replaced, and a `polluted` property a plain object inherits. Empty when nothing changed.
 */
export const prototypePollution = (before: PrototypeSnapshot): readonly string[] => {
  const changes: string[] = [];
  for (const [name, prototype] of Object.entries(watched)) {
    const was = before.get(name) ?? new Map<PropertyKey, unknown>();
    const now = propertiesOf(prototype);
    for (const [key, value] of now) {
      if (!was.has(key)) changes.push(`${name}.${String(key)} was added`);
      else if (!sameValue(was.get(key), value)) changes.push(`${name}.${String(key)} was replaced`);
    }
    for (const key of was.keys()) if (!now.has(key)) changes.push(`${name}.${String(key)} was removed`);
  }
  if ((({}) as Record<string, unknown>)['polluted'] !== undefined) changes.push('({}).polluted is defined');
  return changes;
};
