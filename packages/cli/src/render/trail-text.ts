import type { AuditTrail } from '@borough-command/projections';
import { describeRef } from '../cli/explain.js';
import type { Style } from '../cli/style.js';
import { unitName, words } from './words.js';

/**
 * AU-1 as text: every decision of an appointment, in the order recorded, each as a line with its
 * date, rule and decision, then who took part and why; on `--explain` the event, when it was
 * recorded and by whom.
 */
export const trailText = (trail: AuditTrail, style: Style, explain: ReadonlyMap<bigint, string> | undefined): string[] => {
  const indent = ' '.repeat('YYYY-MM-DD  AP-10  '.length);
  const entries = trail.entries.flatMap((entry) => [
    `${entry.when.at}  ${style.bold(entry.rule.padEnd(5))}  ${entry.decision}`,
    `${indent}who: ${entry.who.people.length === 0 ? `recorded by ${entry.who.actor}` : entry.who.people.map((person) => `${person.role}: ${person.name}`).join('; ')}`,
    ...(entry.why === null ? [] : [`${indent}why: ${entry.why}`]),
    ...(explain === undefined
      ? []
      : [`${indent}event: ${describeRef(entry.source, explain)}, recorded ${entry.when.recordedAt} by ${entry.who.actor}`]),
  ]);
  return [
    style.bold(
      `Audit trail of appointment ${trail.processId}${trail.unit === null ? '' : `, ${unitName(trail.unit)}`}${trail.role === null ? '' : `, ${words(trail.role)}`} (AU-1)`,
    ),
    '',
    ...(trail.entries.length === 0 ? ['no decision recorded'] : entries),
  ];
};
