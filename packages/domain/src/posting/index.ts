/** The posting aggregate: events, commands, rejections and decider. */
export * from './posting-events.js';
export * from './posting-commands.js';
export type { PostingRejection, PostingRejectionTag, MissingForEarlyEnd, NamedRestructure } from './posting-rejections.js';
export * from './posting-state.js';
export * from './posting-queries.js';
export { postingDecider } from './posting-decider.js';
export { startPosting, rolesOfUnitKind, type StartPostingCommand } from './start-posting.js';
export { endPosting, missingForEarlyEnd, type EndPostingCommand } from './end-posting.js';
export { judgeEnd, type Departure } from './early-end.js';
export { takeUpCommand, type TakeUpCommandCommand } from './take-up-command.js';
export { noRestructureKnown, type RestructureNamed, type RestructureTouch, type RestructureTouches } from './restructure-touches.js';
export { assessPerformance, type AssessPerformanceCommand } from './assess-performance.js';
export { endPostingsForRestructure, type EndPostingsForRestructureCommand } from './end-postings-for-restructure.js';
