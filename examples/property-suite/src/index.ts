/** The example service's own rule on top of borough-command: one officer never commands two units at once (SVC-1). */
export * from './double-command.js';
export * from './admit-start-posting.js';
