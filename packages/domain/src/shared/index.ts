/** Values shared by the aggregates: dates, text, vocabulary, rule IDs, stream names. */
export * from './iso-date.js';
export * from './text.js';
export * from './vocabulary.js';
export * from './rule-id.js';
export * from './streams.js';
export * from './codec-helpers.js';
export * from './command-codec.js';
