/** Reading what `apply --progress` reported, a command file and a journal's lines, by command id. */
import { readFile } from 'node:fs/promises';

/** One handled command of a progress line. */
export interface ProgressCommand {
  readonly commandId: string;
  readonly status: 'applied' | 'already-applied';
  readonly eventIds: readonly string[];
}

/** One line of `apply --progress`: a command acknowledged by the store, and its reactions. */
export interface ProgressLine extends ProgressCommand {
  readonly line: number;
  readonly reactions: readonly ProgressCommand[];
}

/**
 * The progress lines of an output, in order: only complete lines (ended by a newline) that are
 * JSON objects, so the summary and a line cut by a kill are left out.
 */
export const progressOf = (stdout: string): ProgressLine[] =>
  stdout
    .split('\n')
    .slice(0, -1)
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as ProgressLine);

/** The commands of an NDJSON command file: the line each is on and its id. */
export const commandLinesOf = async (file: string): Promise<readonly { readonly line: number; readonly commandId: string }[]> =>
  (await readFile(file, 'utf8'))
    .split('\n')
    .flatMap((text, index) => (text.trim() === '' ? [] : [{ line: index + 1, commandId: (JSON.parse(text) as { commandId: string }).commandId }]));

/** The event ids of a journal's lines, grouped by the command that wrote them, in journal order. */
export const eventIdsByCommand = (lines: readonly string[]): ReadonlyMap<string, readonly string[]> => {
  const byCommand = new Map<string, string[]>();
  for (const line of lines) {
    const { metadata } = JSON.parse(line) as { readonly metadata: { readonly commandId: string; readonly eventId: string } };
    byCommand.set(metadata.commandId, [...(byCommand.get(metadata.commandId) ?? []), metadata.eventId]);
  }
  return byCommand;
};
