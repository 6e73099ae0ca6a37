/**
 * Lines of a table with extra lines under some rows (the events `--explain` names): `table` is a
 * header line and one line per row, `notes[i]` the lines that follow row `i`.
 */
export const withNotes = (table: readonly string[], notes: readonly (readonly string[])[]): string[] => {
  const [header, ...rows] = table;
  return [...(header === undefined ? [] : [header]), ...rows.flatMap((row, index) => [row, ...(notes[index] ?? [])])];
};
