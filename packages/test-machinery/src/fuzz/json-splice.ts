import type { PathKey } from './codec-slots.js';

/** A change to make to a JSON value: replace the field at `at` with raw JSON text, remove it, or add raw members to the object at `at`. */
export type JsonEdit =
  | { readonly _tag: 'Replace'; readonly at: readonly PathKey[]; readonly text: string }
  | { readonly _tag: 'Remove'; readonly at: readonly PathKey[] }
  | { readonly _tag: 'AddMembers'; readonly at: readonly PathKey[]; readonly members: readonly (readonly [string, string])[] };

const HOLE = '\u0000fuzz-hole-';

const containerAt = (root: unknown, at: readonly PathKey[]): Record<PathKey, unknown> => {
  let current = root;
  for (const key of at) current = (current as Record<PathKey, unknown>)[key];
  return current as Record<PathKey, unknown>;
};

/**
 * JSON text of a JSON value with edits made to it; replacements and added members are spliced in
 * as raw text, so they may be deeper than `JSON.stringify` goes, and a `__proto__` member is a
 * real own key once the text is parsed. The value itself is not changed.
 */
export const spliceJson = (value: unknown, edits: readonly JsonEdit[]): string => {
  const copy: unknown = JSON.parse(JSON.stringify(value));
  const raw = new Map<string, string>();
  edits.forEach((edit, index) => {
    const hole = `${HOLE}${String(index)}`;
    if (edit._tag === 'AddMembers') {
      if (edit.members.length === 0) throw new Error('spliceJson: AddMembers needs at least one member');
      const members = edit.members.map(([name, text]) => `${JSON.stringify(name)}:${text}`).join(',');
      // a hole member is always followed by a value 0, so `"hole":0` is replaced whole
      containerAt(copy, edit.at)[hole] = 0;
      raw.set(`${JSON.stringify(hole)}:0`, members);
      return;
    }
    const parent = containerAt(copy, edit.at.slice(0, -1));
    const key = edit.at[edit.at.length - 1] as PathKey;
    if (edit._tag === 'Remove') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else Reflect.deleteProperty(parent, key);
      return;
    }
    parent[key] = hole;
    raw.set(JSON.stringify(hole), edit.text);
  });
  let text = JSON.stringify(copy);
  for (const [hole, replacement] of raw) text = text.split(hole).join(replacement);
  return text;
};
