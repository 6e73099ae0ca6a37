import type { Accountability, CommanderDesignate, CommanderOnDate, EventRef } from '@borough-command/projections';
import { describeRef } from '../cli/explain.js';
import type { Style } from '../cli/style.js';
import { EMPTY_CELL, renderFields } from '../cli/table.js';
import { listOf, officerName, partnerName, unitName, words } from './words.js';

/**
 * A commander on the date in words: name and rank, the role unless the label names it, acting or
 * interim (RS-4), since the day they took command; for a BCU commander named before go-live
 * (RS-4), also the day they were named.
 */
const commanderText = (commander: CommanderOnDate, withRole: boolean): string => {
  const role = withRole ? `, ${words(commander.role)}` : '';
  const capacity = `${commander.acting ? ' (acting)' : ''}${commander.interim ? ' (interim)' : ''}`;
  const named = commander.designate ? `, named ${commander.postingStart} as designate` : '';
  return `${officerName(commander.officer)}${role}${capacity}, since ${commander.since}${named}`;
};

/** RS-4: the commander named for the BCU the borough is to join, not accountable for it until the BCU goes live. */
const commanderDesignateText = (designate: CommanderDesignate): string =>
  `${officerName(designate.officer)}, named ${designate.namedOn} to command ${designate.bcu} (BCU)${designate.interim ? ' (interim)' : ''}; ` +
  'not accountable until it goes live';

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
      commander === null ? 'nobody in post' : commanderText(commander, true),
      commander?.sources ?? [],
    ],
    [
      'commander-designate',
      answer.commanderDesignate === null ? EMPTY_CELL : commanderDesignateText(answer.commanderDesignate),
      answer.commanderDesignate?.sources ?? [],
    ],
    ...answer.otherCommanders.map((other) => [words(other.role), commanderText(other, false), other.sources] as const),
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
