/**
 * `write-journal.ts <events> <file> [seed]`: writes a journal of the seeded large history (seed
 * 2017 by default), as the replay benchmark does, to profile a replay of it.
 */
import * as E from 'fp-ts/lib/Either.js';
import { describeStoreError, writeJournalFile } from '@borough-command/domain/eventsourcing';
import { largeHistory } from '@borough-command/test-machinery';

const main = async (args: readonly string[]): Promise<number> => {
  const [events, file, seed] = args;
  if (events === undefined || file === undefined || !/^\d+$/.test(events) || (seed !== undefined && !/^\d+$/.test(seed))) {
    console.error('usage: write-journal.ts <events> <file> [seed]');
    return 2;
  }
  const written = await writeJournalFile(file, largeHistory({ seed: seed === undefined ? 2017 : Number(seed), events: Number(events) }))();
  if (E.isLeft(written)) {
    console.error(describeStoreError(written.left));
    return 1;
  }
  const summary = written.right;
  console.log(`${summary.file}: ${String(summary.lines)} lines, ${String(summary.bytes)} bytes, head ${summary.head}`);
  return 0;
};

process.exitCode = await main(process.argv.slice(2));
