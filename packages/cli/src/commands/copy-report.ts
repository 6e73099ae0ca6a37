import type { CopyTally } from '../cli/copy-events.js';
import type { Io } from '../cli/io.js';
import { formatCount, renderFields } from '../cli/table.js';

/** What a copy between stores did, as label-value lines. */
export const printCopy = (io: Io, title: string, tally: CopyTally): void => {
  io.out(io.style.bold(title));
  for (const line of renderFields(
    [
      ['events read', formatCount(tally.read)],
      ['written', formatCount(tally.written)],
      ['already there', `${formatCount(tally.alreadyThere)} (same event ids at the same place: not written again)`],
    ],
    io.style,
  )) {
    io.out(line);
  }
};
