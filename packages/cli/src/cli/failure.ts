/** What the exit code of `borough-command` says: 0 fine, 1 findings or a rejected command, 2 bad usage or bad input, 3 a bug. */
export type ExitCode = 0 | 1 | 2 | 3;

/** Everything went as asked. */
export const EXIT_OK: ExitCode = 0;
/** The command ran and found something: a problem in a journal, or a command a rule rejected. */
export const EXIT_FINDINGS: ExitCode = 1;
/** The command could not run: bad usage, or input it cannot read (missing file, corrupt journal, bad date). */
export const EXIT_BAD_INPUT: ExitCode = 2;
/** The command failed in a way that is a bug of borough-command; the message says what happened. */
export const EXIT_INTERNAL: ExitCode = 3;

/** Why a subcommand stopped: a user's mistake or unreadable input (exit 2), a finding (exit 1), or a bug (exit 3). */
export interface CliFailure {
  readonly _tag: 'CliFailure';
  /** `usage` adds a pointer to the subcommand's `--help`. */
  readonly kind: 'usage' | 'input' | 'finding' | 'internal';
  readonly message: string;
}

/** A mistake in the command line: unknown option, missing argument, bad value. Exit 2. */
export const usageError = (message: string): CliFailure => ({ _tag: 'CliFailure', kind: 'usage', message });

/** Input that cannot be used: a missing file, a corrupt journal, a locked store. Exit 2. */
export const inputError = (message: string): CliFailure => ({ _tag: 'CliFailure', kind: 'input', message });

/** Something found while doing the work: a rejected command, a broken journal. Exit 1. */
export const findingFailure = (message: string): CliFailure => ({ _tag: 'CliFailure', kind: 'finding', message });

/** A bug of borough-command, reported without pretending it is the user's fault. Exit 3. */
export const internalFailure = (message: string): CliFailure => ({ _tag: 'CliFailure', kind: 'internal', message });

/** The exit code of a failure. */
export const exitCodeOf = (failure: CliFailure): ExitCode => {
  switch (failure.kind) {
    case 'finding':
      return EXIT_FINDINGS;
    case 'internal':
      return EXIT_INTERNAL;
    case 'usage':
    case 'input':
      return EXIT_BAD_INPUT;
  }
};
