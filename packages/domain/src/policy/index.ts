/** The policy as history: versions of its values with dates and sources, and the rules that read them. */
export * from './policy-values.js';
export * from './policy.js';
export * from './policy-rules.js';
export * from './seeds-policy-history.js';
export * from './policy-codecs.js';
export * from './policy-commands.js';
export * from './policy-events.js';
export * from './policy-rejections.js';
export * from './policy-decider.js';
