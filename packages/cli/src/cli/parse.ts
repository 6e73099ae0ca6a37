import { parseArgs, type ParseArgsConfig } from 'node:util';
import * as E from 'fp-ts/lib/Either.js';
import { usageError, type CliFailure } from './failure.js';
import type { Invocation, Subcommand } from './subcommand.js';

const codeOf = (cause: unknown): string | undefined =>
  typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined;

/** The first sentence of a `parseArgs` error, which names the option. */
const firstSentence = (cause: unknown): string => {
  const message = cause instanceof Error ? cause.message : String(cause);
  const end = message.indexOf('. ');
  const sentence = end === -1 ? message : message.slice(0, end);
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
};

/** Whether the arguments ask for help: `--help` or `-h` before any `--`. */
export const asksForHelp = (args: readonly string[]): boolean => {
  for (const arg of args) {
    if (arg === '--') return false;
    if (arg === '--help' || arg === '-h') return true;
  }
  return false;
};

/**
 * Parses a subcommand's arguments with `node:util` `parseArgs` (strict: an unknown option, a
 * missing value or a stray argument is a usage error naming it), then checks its positional
 * argument: exactly one when it takes one (words joined when it is a name; none is fine when it is
 * optional), none otherwise.
 */
export const parseInvocation = (subcommand: Subcommand, args: readonly string[]): E.Either<CliFailure, Invocation> => {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const [name, spec] of Object.entries(subcommand.options)) {
    options[name] = spec.short === undefined ? { type: spec.type } : { type: spec.type, short: spec.short };
  }
  let parsed: { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: subcommand.positional !== undefined, strict: true });
  } catch (cause) {
    const code = codeOf(cause);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      return E.left(usageError(`${subcommand.name} takes no argument but options: ${firstSentence(cause)}`));
    }
    if (code?.startsWith('ERR_PARSE_ARGS_') === true) return E.left(usageError(firstSentence(cause)));
    throw cause;
  }
  const values: Record<string, string | boolean | undefined> = {};
  for (const [name, value] of Object.entries(parsed.values)) values[name] = Array.isArray(value) ? value.at(-1) : value;
  const { positional } = subcommand;
  if (positional === undefined) return E.right({ values, positionals: [] });
  const words = parsed.positionals;
  if (words.length === 0) return positional.optional === true ? E.right({ values, positionals: [] }) : E.left(usageError(`missing <${positional.name}>`));
  if (words.length > 1 && positional.joinWords !== true) {
    return E.left(usageError(`expected one <${positional.name}>, got ${String(words.length)}: ${words.map((word) => `'${word}'`).join(', ')}`));
  }
  return E.right({ values, positionals: [positional.joinWords === true ? words.join(' ') : (words[0] as string)] });
};
