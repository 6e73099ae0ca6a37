/** Joins names for a sentence: `a`, `a and b`, `a, b and c`. */
export const listInWords = (items: readonly string[]): string => {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
};

/** Writes a count with its noun: `1 superintendent`, `5 superintendents`. */
export const countOf = (count: number, noun: string): string => `${String(count)} ${noun}${count === 1 ? '' : 's'}`;
