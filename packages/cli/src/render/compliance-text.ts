import type { AppointmentCompliance, ComplianceStatus, LocalAuthorityShare, RecordedDeparture } from '@borough-command/projections';
import { explainLines } from '../cli/explain.js';
import type { Style } from '../cli/style.js';
import { counted, formatCount, formatShare, renderTable } from '../cli/table.js';
import { withNotes } from './table-with-notes.js';
import { unitName, words } from './words.js';

const statusText = (status: ComplianceStatus, style: Style): string =>
  status === 'followed' ? style.green(status) : status === 'not-followed' ? style.red('not followed') : words(status);

/** AC-2 London-wide: the share of decided appointments with a local authority involved. */
export const localAuthorityText = (share: LocalAuthorityShare): string =>
  share.decidedAppointments === 0
    ? 'local-authority involvement: no appointment decided'
    : `local-authority involvement: ${formatCount(share.withLocalAuthority)} of ${formatCount(share.decidedAppointments)} decided appointments (${formatShare(share.share)})`;

/** AC-2 for every appointment: one line each, with the rules followed and those not followed. */
export const complianceSummaryText = (
  processes: readonly AppointmentCompliance[],
  share: LocalAuthorityShare,
  departures: readonly RecordedDeparture[],
  style: Style,
): string[] => [
  style.bold(`Appointment compliance with AP-2..AP-10 (AC-2): ${counted(processes.length, 'appointment process', 'appointment processes')}`),
  localAuthorityText(share),
  '',
  ...renderTable(
    [
      { header: 'appointment' },
      { header: 'command unit' },
      { header: 'stage' },
      { header: 'followed', align: 'right' },
      { header: 'not followed' },
      { header: 'local authority' },
    ],
    processes.map((process) => {
      const broken = process.rules.filter((rule) => rule.status === 'not-followed').map((rule) => rule.rule);
      return [
        process.processId,
        process.unit === null ? null : unitName(process.unit),
        process.stage,
        `${String(process.followed.length)}/${String(process.rules.length)}`,
        broken.length === 0 ? null : style.red(broken.join(', ')),
        process.localAuthority.involved ? 'involved' : style.yellow('not involved'),
      ];
    }),
    style,
  ),
  ...departuresText(departures, style),
];

/** The departures from rules that `record` mode recorded, one line each; nothing when there are none. */
const departuresText = (departures: readonly RecordedDeparture[], style: Style): string[] =>
  departures.length === 0
    ? []
    : [
        '',
        style.bold(`Departures from rules recorded as they happened (record mode): ${String(departures.length)}`),
        ...renderTable(
          [{ header: 'date' }, { header: 'rule' }, { header: 'about' }, { header: 'what the rule asked' }],
          departures.map((departure) => [departure.at, style.red(departure.rule), departure.subject, departure.message]),
          style,
        ),
      ];

/** AC-2 for one appointment: each rule of AP-2..AP-10, its status, why, and on `--explain` the events. */
export const complianceText = (process: AppointmentCompliance, style: Style, explain: ReadonlyMap<bigint, string> | undefined): string[] => {
  const table = renderTable(
    [{ header: 'rule' }, { header: 'status' }, { header: 'explanation' }],
    process.rules.map((rule) => [rule.rule, statusText(rule.status, style), rule.explanation]),
    style,
  );
  return [
    style.bold(
      `Appointment ${process.processId}${process.unit === null ? '' : `, ${unitName(process.unit)}`}${process.role === null ? '' : `, ${words(process.role)}`}: ${process.stage} (AC-2)`,
    ),
    `local authority ${process.localAuthority.involved ? 'involved' : 'not involved'}`,
    ...(explain === undefined ? [] : explainLines('local authority', process.localAuthority.sources, explain)),
    '',
    ...withNotes(table, process.rules.map((rule) => (explain === undefined ? [] : explainLines('evidence', rule.evidence, explain)))),
  ];
};
