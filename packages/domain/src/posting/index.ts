/** The posting aggregate: events, commands, rejections and decider. */
export * from './posting-events.js';
export * from './posting-commands.js';
export type { PostingRejection, PostingRejectionTag, MissingForEarlyEnd } from './posting-rejections.js';
export * from './posting-state.js';
export * from './posting-queries.js';
export { postingDecider } from './posting-decider.js';
export { startPosting, rolesOfUnitKind, type StartPostingCommand } from './start-posting.js';
export { endPosting, missingForEarlyEnd, type EndPostingCommand } from './end-posting.js';
export { assessPerformance, type AssessPerformanceCommand } from './assess-performance.js';
export { endPostingsForRestructure, type EndPostingsForRestructureCommand } from './end-postings-for-restructure.js';
