import type { Accountability, EventRef } from '@borough-command/projections';
import { describeRef } from '../cli/explain.js';
import type { Style } from '../cli/style.js';
import { EMPTY_CELL, renderFields } from '../cli/table.js';
import { listOf, officerName, partnerName, unitName, words } from './words.js';

/** AC-1 as text: who answered for a borough on a date, and to whom; each answer's events on `--explain`. */
export const accountabilityText = (answer: Accountability, style: Style, explain: ReadonlyMap<bigint, string> | undefined): string[] => {
  const { commander, dedicatedSuperintendent, lineManager, appointmentPartners, assessmentPartners, unpartneredAssessment } = answer;
  const rows: (readonly [string, string, readonly EventRef[]])[] = [
    [
      'command unit',
      answer.commandUnit.merged ? `${unitName(answer.commandUnit.unit)}, which ${answer.borough} had joined` : unitName(answer.commandUnit.unit),
      answer.commandUnit.sources,
    ],
    [
      'commander',
      commander === null
        ? 'nobody in post'
        : `${officerName(commander.officer)}, ${words(commander.role)}${commander.acting ? ' (acting)' : ''}, since ${commander.since}`,
      commander?.sources ?? [],
    ],
    ...answer.otherCommanders.map(
      (other) =>
        [words(other.role), `${officerName(other.officer)}${other.acting ? ' (acting)' : ''}, since ${other.since}`, other.sources] as const,
    ),
    [
      'dedicated superintendent',
      dedicatedSuperintendent === null
        ? EMPTY_CELL
        : `${officerName(dedicatedSuperintendent.superintendent)}, since ${dedicatedSuperintendent.since}`,
      dedicatedSuperintendent?.sources ?? [],
    ],
    ['line manager', lineManager?.name ?? EMPTY_CELL, lineManager?.sources ?? []],
    ['oversight body', answer.oversightBody ?? EMPTY_CELL, []],
    [
      'appointment partners',
      appointmentPartners === null
        ? EMPTY_CELL
        : `${listOf(appointmentPartners.partners.map(partnerName))} (process ${appointmentPartners.processId}, decided ${appointmentPartners.decidedOn})`,
      appointmentPartners?.sources ?? [],
    ],
    ['assessment partners', listOf(assessmentPartners.partners.map(partnerName)), assessmentPartners.sources],
    [
      'assessment without partner',
      unpartneredAssessment === null ? EMPTY_CELL : style.yellow(`flagged: ${unpartneredAssessment.on} (PO-4)`),
      unpartneredAssessment?.sources ?? [],
    ],
  ];
  const fields = renderFields(
    rows.map(([label, value]) => [label, value] as const),
    style,
  );
  const lines = fields.flatMap((line, index) => {
    const refs = rows[index]?.[2] ?? [];
    return explain === undefined || refs.length === 0 ? [line] : [line, ...refs.map((ref) => `    ${describeRef(ref, explain)}`)];
  });
  return [style.bold(`${answer.borough} as at ${answer.date} (AC-1)`), ...lines];
};
