/**
 * `write-journal.ts <events> <file> [seed]`: writes a journal of the seeded large history (seed
 * 2017 by default), as the replay benchmark does, to profile a replay of it.
 */
import { largeHistory, writeJournalFile } from '@borough-command/test-machinery';

const main = async (args: readonly string[]): Promise<number> => {
  const [events, file, seed] = args;
  if (events === undefined || file === undefined || !/^\d+$/.test(events) || (seed !== undefined && !/^\d+$/.test(seed))) {
    console.error('usage: write-journal.ts <events> <file> [seed]');
    return 2;
  }
  const summary = await writeJournalFile(file, largeHistory({ seed: seed === undefined ? 2017 : Number(seed), events: Number(events) }));
  console.log(`${summary.file}: ${String(summary.lines)} lines, ${String(summary.bytes)} bytes, head ${summary.head}`);
  return 0;
};

process.exitCode = await main(process.argv.slice(2));
