import type { Accountability } from '@borough-command/projections';
import type { Style } from '../cli/style.js';
import { renderTable } from '../cli/table.js';
import { unitName } from '../render/words.js';

/** AC-1 answers side by side: one row per borough and date. */
export const accountabilityTable = (answers: readonly Accountability[], style: Style): string[] =>
  renderTable(
    [
      { header: 'borough' },
      { header: 'as at' },
      { header: 'command unit' },
      { header: 'commander' },
      { header: 'dedicated superintendent' },
      { header: 'line manager' },
      { header: 'oversight body' },
    ],
    answers.map((answer) => [
      answer.borough,
      answer.date,
      unitName(answer.commandUnit.unit),
      answer.commander === null ? 'nobody in post' : `${answer.commander.officer.name}${answer.commander.acting ? ' (acting)' : ''}`,
      answer.dedicatedSuperintendent?.superintendent.name ?? null,
      answer.lineManager?.name ?? null,
      answer.oversightBody,
    ]),
    style,
  );
