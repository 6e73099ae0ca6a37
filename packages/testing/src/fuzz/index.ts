/** Fuzzing bad input: hostile values, broken commands and events, damaged journals, a prototype guard, run counts. */
export * from './fuzz-runs.js';
export * from './prototype-guard.js';
export * from './hostile-values.js';
export * from './codec-slots.js';
export * from './json-splice.js';
export * from './broken-values.js';
export * from './bad-commands.js';
export * from './bad-events.js';
export * from './damaged-journals.js';
export * from './sample-journal.js';
