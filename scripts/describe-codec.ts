import type * as t from 'io-ts';

/** One field of a codec: its dotted path, its type as the codec names it, and whether it may be left out. */
export interface FieldDescription {
  readonly path: string;
  readonly type: string;
  readonly optional: boolean;
  /** For a field of a nested object that may be left out: the path of that object; the field is required within it. */
  readonly within?: string;
}

interface CodecNode {
  readonly _tag?: string;
  readonly name: string;
  readonly props?: Readonly<Record<string, t.Mixed>>;
  readonly type?: t.Mixed;
  readonly types?: readonly t.Mixed[];
  readonly keys?: Readonly<Record<string, unknown>>;
}

const isObjectCodec = (node: CodecNode): boolean =>
  node._tag === 'InterfaceType' || node._tag === 'PartialType' || node._tag === 'IntersectionType' || node._tag === 'ReadonlyType';

const typeName = (codec: t.Mixed): string => {
  const node = codec as unknown as CodecNode;
  if (node._tag === 'ReadonlyType' && node.type !== undefined) {
    return node.name.startsWith('Readonly<') ? typeName(node.type) : node.name;
  }
  if (node._tag === 'ReadonlyArrayType' && node.type !== undefined) {
    const inner = node.type as unknown as CodecNode;
    return isObjectCodec(inner) ? 'array of objects' : `array of ${typeName(node.type)}`;
  }
  if (node._tag === 'UnionType' && node.types !== undefined) return node.types.map(typeName).join(' or ');
  if (node._tag === 'KeyofType' && node.keys !== undefined) return `one of ${Object.keys(node.keys).map((key) => `\`${key}\``).join(', ')}`;
  if (node._tag === 'LiteralType') return `\`${node.name.replace(/"/g, '')}\``;
  if (node.name === 'IsoDate') return 'date `YYYY-MM-DD`';
  if (isObjectCodec(node)) return 'object';
  return node.name.replace(/^Readonly<(.*)>$/, '$1');
};

/** Lists the fields of an io-ts object codec, descending into nested objects and arrays of objects. */
export const describeFields = (codec: t.Mixed, prefix = '', within?: string): FieldDescription[] => {
  const node = codec as unknown as CodecNode;
  switch (node._tag) {
    case 'ReadonlyType':
      return node.type === undefined ? [] : describeFields(node.type, prefix, within);
    case 'IntersectionType':
      return (node.types ?? []).flatMap((member) => describeFields(member, prefix, within));
    case 'InterfaceType':
    case 'PartialType':
      return Object.entries(node.props ?? {}).flatMap(([key, field]) => {
        const path = prefix === '' ? key : `${prefix}.${key}`;
        const fieldOptional = node._tag === 'PartialType';
        const own: FieldDescription = { path, type: typeName(field), optional: fieldOptional, ...(within === undefined || fieldOptional ? {} : { within }) };
        const inner = field as unknown as CodecNode;
        const nested = inner._tag === 'ReadonlyArrayType' && inner.type !== undefined ? inner.type : field;
        const nestedNode = nested as unknown as CodecNode;
        const children = isObjectCodec(nestedNode)
          ? describeFields(nested, nested === field ? path : `${path}[]`, fieldOptional ? path : within)
          : [];
        return [own, ...children];
      });
    default:
      return [];
  }
};
