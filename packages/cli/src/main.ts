import * as E from 'fp-ts/lib/Either.js';
import { EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, exitCodeOf, type CliFailure, type ExitCode } from './cli/failure.js';
import { PROGRAM, programHelp, subcommandHelp } from './cli/help.js';
import { processIo, type Io } from './cli/io.js';
import { asksForHelp, parseInvocation } from './cli/parse.js';
import type { Subcommand } from './cli/subcommand.js';
import { subcommands } from './commands/index.js';
import { packageVersion } from './package-version.js';

const report = (io: Io, subcommand: Subcommand | undefined, failure: CliFailure): ExitCode => {
  const who = subcommand === undefined ? PROGRAM : `${PROGRAM} ${subcommand.name}`;
  io.err(io.errStyle.red(`${who}: ${failure.message}`));
  if (failure.kind === 'usage') io.err(`Run '${who} --help' for usage.`);
  if (failure.kind === 'internal') io.err('This is a bug in borough-command; please report it with the command line that caused it.');
  return exitCodeOf(failure);
};

const runSubcommand = async (subcommand: Subcommand, args: readonly string[], io: Io): Promise<ExitCode> => {
  if (asksForHelp(args)) {
    for (const line of subcommandHelp(subcommand, io.style)) io.out(line);
    return EXIT_OK;
  }
  const invocation = parseInvocation(subcommand, args);
  if (E.isLeft(invocation)) return report(io, subcommand, invocation.left);
  const result = await subcommand.run(invocation.right, io);
  return E.isLeft(result) ? report(io, subcommand, result.left) : result.right;
};

/**
 * Runs `borough-command <command> [options]` and returns its exit code: 0 fine, 1 findings or a
 * rejected command, 2 bad usage or bad input, 3 a bug. A user's mistake gets a message, never a
 * stack trace; only an unexpected exception (a bug) shows its stack.
 */
export const main = async (args: readonly string[], io: Io = processIo()): Promise<ExitCode> => {
  const [name, ...rest] = args;
  if (name === undefined) {
    for (const line of programHelp(subcommands, io.errStyle)) io.err(line);
    return EXIT_BAD_INPUT;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = rest[0] === undefined ? undefined : subcommands.find((subcommand) => subcommand.name === rest[0]);
    if (rest[0] !== undefined && topic === undefined) {
      return report(io, undefined, { _tag: 'CliFailure', kind: 'usage', message: `unknown command '${rest[0]}'` });
    }
    for (const line of topic === undefined ? programHelp(subcommands, io.style) : subcommandHelp(topic, io.style)) io.out(line);
    return EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.out(packageVersion());
    return EXIT_OK;
  }
  const subcommand = subcommands.find((candidate) => candidate.name === name);
  if (subcommand === undefined) {
    const known = subcommands.map((candidate) => candidate.name).join(', ');
    return report(io, undefined, { _tag: 'CliFailure', kind: 'usage', message: `unknown command '${name}'; the commands are ${known}` });
  }
  try {
    return await runSubcommand(subcommand, rest, io);
  } catch (cause) {
    io.err(io.errStyle.red(`${PROGRAM} ${subcommand.name}: unexpected error: ${cause instanceof Error ? cause.message : String(cause)}`));
    if (cause instanceof Error && cause.stack !== undefined) io.err(cause.stack);
    io.err('This is a bug in borough-command; please report it with the command line that caused it.');
    return EXIT_INTERNAL;
  }
};
