/** JSON text of a value with bigints (positions, revisions) written as decimal strings, indented two spaces. */
export const toJson = (value: unknown): string =>
  JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item), 2);
