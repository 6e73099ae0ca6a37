/**
 * `@borough-command/cli`: the `borough-command` command line (`main`), its subcommands, and
 * London's demo history 2009-2019.
 */

/** Runs `borough-command <command> [options]` and returns its exit code. */
export { main } from './main.js';
/** Every subcommand, in the order the help lists them. */
export { subcommands } from './commands/index.js';
/** The shape of a subcommand, of what the command line gave it, and of its options. */
export type { Subcommand, Invocation, OptionSpec } from './cli/subcommand.js';
/** Where a subcommand writes, and what it may know of its surroundings. */
export type { Io } from './cli/io.js';
/** Exit codes and the failures that lead to them. */
export type { ExitCode, CliFailure } from './cli/failure.js';
/** London's history 2009-2019 as commands, with synthetic people (the generator itself: `@borough-command/cli/london-history`). */
export { londonHistory, type DemoHistory, type DemoHistoryOptions } from './demo/london-history.js';
