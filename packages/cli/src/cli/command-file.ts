import { readFile } from 'node:fs/promises';
import * as E from 'fp-ts/lib/Either.js';
import { decodeCommand, type DomainCommand } from '@borough-command/domain';
import { inputError, type CliFailure } from './failure.js';

/** A command read from a file, with the line it is on. */
export interface CommandLine {
  readonly line: number;
  readonly command: DomainCommand;
}

/** A line of a command file that is not a valid command: where, which field, and why. */
export interface BadCommandLine {
  readonly line: number;
  /** The field at fault (`type`, `candidate.rank`), `(json)` for text that is not JSON, `(command)` for a value that is not an object. */
  readonly field: string;
  readonly reason: string;
}

const decodeLine = (text: string): E.Either<{ readonly field: string; readonly reason: string }, DomainCommand> => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    return E.left({ field: '(json)', reason: `not valid JSON: ${cause instanceof Error ? cause.message : String(cause)}` });
  }
  const decoded = decodeCommand(json);
  if (E.isRight(decoded)) return decoded;
  const field = decoded.left.path;
  return E.left({ field: field === '' ? '(command)' : field, reason: decoded.left.reason });
};

/**
 * Decodes every line of an NDJSON command file with `decodeCommand` (blank lines are skipped) and
 * checks that no two commands share a command id. Returns every command in order, or every bad line.
 */
export const decodeCommandLines = (text: string): E.Either<readonly BadCommandLine[], readonly CommandLine[]> => {
  const commands: CommandLine[] = [];
  const bad: BadCommandLine[] = [];
  const firstLineOfId = new Map<string, number>();
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '') return;
    const decoded = decodeLine(trimmed);
    if (E.isLeft(decoded)) {
      bad.push({ line, ...decoded.left });
      return;
    }
    const { commandId } = decoded.right;
    const first = firstLineOfId.get(commandId);
    if (first !== undefined) {
      bad.push({ line, field: 'commandId', reason: `'${commandId}' is already the id of the command on line ${String(first)}; each command needs its own id` });
      return;
    }
    firstLineOfId.set(commandId, line);
    commands.push({ line, command: decoded.right });
  });
  return bad.length === 0 ? E.right(commands) : E.left(bad);
};

/** Reads a command file as UTF-8 text. */
export const readCommandFile = async (file: string): Promise<E.Either<CliFailure, string>> => {
  try {
    return E.right(await readFile(file, 'utf8'));
  } catch (cause) {
    const code = (cause as { readonly code?: string }).code;
    return E.left(inputError(code === 'ENOENT' ? `no command file at ${file}` : `cannot read ${file}: ${String(cause)}`));
  }
};
