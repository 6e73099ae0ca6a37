/** The example service's own rule on top of borough-command: one officer never commands two units at once (SVC-1). */
export { doubleCommands, SVC_1, type DoubleCommand, type HeldCommand } from './double-command.js';
export { admitStartPosting, officerAlreadyInCommand, type OfficerAlreadyInCommand } from './admit-start-posting.js';
