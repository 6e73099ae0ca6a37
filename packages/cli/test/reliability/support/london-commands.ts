/** London's history 2009-2019 (the demo's commands) as an NDJSON command file for `apply`. */
import { writeFile } from 'node:fs/promises';
import { londonHistory } from '@borough-command/cli';

/** Writes the demo history's commands, one JSON command per line, and returns their ids. */
export const writeLondonCommands = async (file: string): Promise<ReadonlySet<string>> => {
  const { commands } = londonHistory();
  await writeFile(file, commands.map((command) => JSON.stringify(command)).join('\n') + '\n');
  return new Set(commands.map((command) => command.commandId));
};
