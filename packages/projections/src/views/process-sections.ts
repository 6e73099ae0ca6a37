/** The views that keep something per appointment process (AU-1, AC-2) save it in this many sections. */
const PROCESS_SECTIONS = 256;

/** The key of every such section: the scheme, then the section's number. */
const PROCESS_SECTION = /^process-fnv1a-\d{3}$/;

/**
 * The section of an appointment process in a view saved in sections: `process-fnv1a-<n>` for
 * FNV-1a (32 bits) of the process id's UTF-16 code units, modulo 256. The scheme is in the key, so
 * a snapshot saved by another is refused (`isProcessSection`), never read with the wrong sections.
 */
export const processSection = (processId: string): string => {
  let hash = 0x811c9dc5;
  for (let index = 0; index < processId.length; index++) {
    hash ^= processId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `process-fnv1a-${String(hash % PROCESS_SECTIONS).padStart(3, '0')}`;
};

/** Whether a key is one `processSection` gives. */
export const isProcessSection = (key: string): boolean => PROCESS_SECTION.test(key);

/** Items in groups by a key, each group in the order given. */
export const groupBy = <A>(items: Iterable<A>, keyOf: (item: A) => string): Map<string, A[]> => {
  const groups = new Map<string, A[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
};
