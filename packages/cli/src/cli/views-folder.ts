/** Where the views snapshot of a journal lives: a folder beside it. */
export const viewsSnapshotFolder = (journal: string): string => `${journal}.views`;
