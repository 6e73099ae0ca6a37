import { readFile, stat } from 'node:fs/promises';
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
  /**
   * The field at fault (`type`, `candidate.rank`), `(json)` for text that is not JSON, `(command)`
   * for a value that is not an object, `(utf-8)` for bytes that are not UTF-8, `(line)` for a line
   * longer than the limit.
   */
  readonly field: string;
  readonly reason: string;
}

/** How large a command file and its lines may be. */
export interface CommandFileLimits {
  /** Largest file in bytes; the file is read whole and every line decoded before any command runs. */
  readonly maxFileBytes: number;
  /** Longest line in bytes (newline excluded); a longer line is refused before it is parsed. */
  readonly maxLineBytes: number;
}

/** 64 MiB per file (some 200,000 commands), 64 KiB per line (a command is rarely over 2 KiB). */
export const defaultCommandFileLimits: CommandFileLimits = { maxFileBytes: 67_108_864, maxLineBytes: 65_536 };

type LineProblem = Omit<BadCommandLine, 'line'>;

const decodeLine = (text: string): E.Either<LineProblem, DomainCommand> => {
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

const tooLong = (bytes: number, limits: CommandFileLimits): LineProblem => ({
  field: '(line)',
  reason: `the line is ${String(bytes)} bytes; a command line may have at most ${String(limits.maxLineBytes)} bytes`,
});

/** The lines of a file's bytes, each checked for its length and decoded as UTF-8 on its own, so a bad line is named by number. */
const linesOfBytes = (bytes: Uint8Array, limits: CommandFileLimits): readonly E.Either<LineProblem, string>[] => {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const lines: E.Either<LineProblem, string>[] = [];
  for (let start = 0; start <= bytes.length; ) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline;
    if (end - start > limits.maxLineBytes) lines.push(E.left(tooLong(end - start, limits)));
    else {
      try {
        lines.push(E.right(utf8.decode(bytes.subarray(start, end))));
      } catch {
        lines.push(E.left({ field: '(utf-8)', reason: 'the line is not valid UTF-8' }));
      }
    }
    start = end + 1;
  }
  return lines;
};

/** The lines of a text, each checked for its length in UTF-8 bytes. */
const linesOfText = (text: string, limits: CommandFileLimits): readonly E.Either<LineProblem, string>[] =>
  text.split('\n').map((line) => {
    // a line of n UTF-16 code units has at most 3n UTF-8 bytes: most lines need no count
    const bytes = line.length * 3 <= limits.maxLineBytes ? 0 : Buffer.byteLength(line, 'utf8');
    return bytes > limits.maxLineBytes ? E.left(tooLong(bytes, limits)) : E.right(line);
  });

/**
 * Decodes every line of an NDJSON command file, given as its bytes or as text, with
 * `decodeCommand` (blank lines are skipped) and checks that no two commands share a command id.
 * A line longer than `limits.maxLineBytes` is refused unread, and bytes that are not UTF-8 are
 * refused line by line. Returns every command in order, or every bad line.
 */
export const decodeCommandLines = (
  content: string | Uint8Array,
  limits: CommandFileLimits = defaultCommandFileLimits,
): E.Either<readonly BadCommandLine[], readonly CommandLine[]> => {
  const commands: CommandLine[] = [];
  const bad: BadCommandLine[] = [];
  const firstLineOfId = new Map<string, number>();
  const lines = typeof content === 'string' ? linesOfText(content, limits) : linesOfBytes(content, limits);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (E.isLeft(raw)) {
      bad.push({ line, ...raw.left });
      return;
    }
    const trimmed = raw.right.trim();
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

/** Reads a command file's bytes, refusing a file larger than `limits.maxFileBytes` before reading it. */
export const readCommandFile = async (
  file: string,
  limits: CommandFileLimits = defaultCommandFileLimits,
): Promise<E.Either<CliFailure, Uint8Array>> => {
  try {
    const info = await stat(file);
    if (info.isFile() && info.size > limits.maxFileBytes) {
      return E.left(
        inputError(`${file} is ${String(info.size)} bytes; a command file may have at most ${String(limits.maxFileBytes)} bytes: split it into several files`),
      );
    }
    return E.right(await readFile(file));
  } catch (cause) {
    const code = (cause as { readonly code?: string }).code;
    return E.left(inputError(code === 'ENOENT' ? `no command file at ${file}` : `cannot read ${file}: ${String(cause)}`));
  }
};
