/** The restructure aggregate: events, commands, rejections and decider. */
export * from './restructure-events.js';
export * from './restructure-commands.js';
export * from './restructure-rejections.js';
export * from './restructure-state.js';
export * from './restructure-decision.js';
export * from './restructure-queries.js';
export { missingConsultations } from './consult-on-bcu.js';
export { missingLeadership, superintendentRank } from './lead-bcu.js';
export { boroughsWithoutWardOfficers } from './ward-officers.js';
export { boroughsWithoutStation } from './stations.js';
export { goLiveProblem } from './take-bcu-live.js';
export { decideRestructure, restructureDecider } from './restructure-decider.js';
