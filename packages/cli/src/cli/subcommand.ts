import type * as E from 'fp-ts/lib/Either.js';
import type { CliFailure, ExitCode } from './failure.js';
import type { Io } from './io.js';

/** One option of a subcommand, as `node:util` `parseArgs` takes it, with the words of its help. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** The value's placeholder in help, e.g. `<file>`. */
  readonly value?: string;
  readonly description: string;
  /** Parsed but left out of help: an option kept for one release for the older form of a command. */
  readonly hidden?: boolean;
}

/** What the command line gave a subcommand: option values by name, and the positional arguments. */
export interface Invocation {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

/** The positional arguments a subcommand takes. */
export interface PositionalSpec {
  /** Its name in help and errors, e.g. `command unit`. */
  readonly name: string;
  /** Several words are joined with spaces into one argument (names such as Barking and Dagenham). */
  readonly joinWords?: boolean;
  /** It may be left out; the subcommand then gets no positional argument. */
  readonly optional?: boolean;
}

/** One subcommand of `borough-command`: its options, its help and what it does. */
export interface Subcommand {
  readonly name: string;
  /** One line for the list of subcommands. */
  readonly summary: string;
  /** The usage line, e.g. `borough-command verify <journal> [--json]`. */
  readonly usage: string;
  /** What the subcommand does, a few lines. */
  readonly description: readonly string[];
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** The one positional argument, when the subcommand takes one. */
  readonly positional?: PositionalSpec;
  /** Copy-pasteable examples, each a command line. */
  readonly examples: readonly string[];
  /** Does the work; prints to `io`; a failure is returned, never thrown. */
  readonly run: (invocation: Invocation, io: Io) => Promise<E.Either<CliFailure, ExitCode>>;
}
