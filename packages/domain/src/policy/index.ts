/** Policy values with their defaults, and the rules that read them. */
export * from './policy.js';
export * from './policy-rules.js';
