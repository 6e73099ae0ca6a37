import type { ContinuityFigures, EarlyDeparture } from '@borough-command/projections';
import { explainLines } from '../cli/explain.js';
import type { Style } from '../cli/style.js';
import { EMPTY_CELL, formatCount, formatDays, formatShare, renderFields, renderTable } from '../cli/table.js';
import { withNotes } from './table-with-notes.js';
import { unitName, words } from './words.js';

const scopeName = (figures: ContinuityFigures): string => (figures.scope.kind === 'london' ? 'London-wide' : unitName(figures.scope.unit));

const daysText = (days: number | null): string => (days === null ? EMPTY_CELL : `${formatDays(days)} days (${(days / 365.25).toFixed(1)} years)`);

/** TE-2 as text: the continuity figures of a unit or of London, with the events behind them on `--explain`. */
export const continuityText = (figures: ContinuityFigures, style: Style, explain: ReadonlyMap<bigint, string> | undefined): string[] => {
  const { minimumTerm, earlyDepartures } = figures;
  const exceptional = earlyDepartures.withExceptionalReason.length;
  const breaches = earlyDepartures.withoutExceptionalReason.length;
  const fields = renderFields(
    [
      ['ended substantive postings', formatCount(figures.endedSubstantivePostings)],
      ['mean tenure', daysText(figures.meanTenureDays)],
      ['median tenure', daysText(figures.medianTenureDays)],
      [
        'met the minimum term',
        minimumTerm.applicable === 0
          ? 'no ended posting the minimum term applies to'
          : `${formatCount(minimumTerm.met)} of ${formatCount(minimumTerm.applicable)} (${formatShare(minimumTerm.share)})`,
      ],
      [
        'early departures',
        `${formatCount(exceptional + breaches)}: ${formatCount(exceptional)} with an exceptional reason, ${formatCount(breaches)} without (breaches)`,
      ],
    ],
    style,
  );
  const notes =
    explain === undefined
      ? []
      : [
          ...explainLines('tenures from', figures.tenureSources, explain),
          ...explainLines('minimum term from', minimumTerm.sources, explain),
        ];
  return [style.bold(`${scopeName(figures)} continuity of command (TE-2)`), ...fields, ...notes];
};

/** TE-2 per unit as one table: ended postings, mean and median tenure, minimum term met, early departures. */
export const continuityTable = (units: readonly ContinuityFigures[], style: Style): string[] =>
  renderTable(
    [
      { header: 'command unit' },
      { header: 'ended', align: 'right' },
      { header: 'mean days', align: 'right' },
      { header: 'median days', align: 'right' },
      { header: 'met minimum', align: 'right' },
      { header: 'early, exceptional', align: 'right' },
      { header: 'breaches', align: 'right' },
    ],
    units.map((figures) => [
      scopeName(figures),
      figures.endedSubstantivePostings,
      formatDays(figures.meanTenureDays),
      formatDays(figures.medianTenureDays),
      figures.minimumTerm.applicable === 0 ? null : `${String(figures.minimumTerm.met)}/${String(figures.minimumTerm.applicable)}`,
      figures.earlyDepartures.withExceptionalReason.length,
      figures.earlyDepartures.withoutExceptionalReason.length,
    ]),
    style,
  );

/** Early departures as a table: who left which unit, when, how many days short of the minimum term, and why. */
export const departuresTable = (departures: readonly EarlyDeparture[], style: Style, explain: ReadonlyMap<bigint, string> | undefined): string[] => {
  const table = renderTable(
    [
      { header: 'command unit' },
      { header: 'officer' },
      { header: 'start' },
      { header: 'end' },
      { header: 'days short', align: 'right' },
      { header: 'reason' },
      { header: 'approved by' },
    ],
    departures.map((departure) => [
      unitName(departure.unit),
      departure.officer.name,
      departure.start,
      departure.end,
      departure.daysShort,
      words(departure.reason),
      departure.approvedBy,
    ]),
    style,
  );
  return withNotes(
    table,
    departures.map((departure) => (explain === undefined ? [] : explainLines('events', departure.sources, explain))),
  );
};
