import type { PostingReport, TenurePeriod, UnitTenure } from '@borough-command/projections';
import { explainLines } from '../cli/explain.js';
import type { Style } from '../cli/style.js';
import { formatDays, renderTable } from '../cli/table.js';
import { withNotes } from './table-with-notes.js';
import { unitName, words } from './words.js';

const minimumTermText = (posting: PostingReport): string => {
  switch (posting.minimumTerm) {
    case 'met':
      return 'met';
    case 'not-met':
      return posting.breached ? 'not met (breach)' : posting.exceptional === true ? 'not met (exceptional)' : 'not met';
    case 'pending':
      return `pending (${posting.minimumTermEnd ?? '?'})`;
    case 'not-applicable':
      return 'n/a';
  }
};

/** RS-4: a designate posting in words: when its holder took command, or that they have not (yet). */
const designateText = (posting: PostingReport): string => {
  if (posting.commandFrom !== null) return `designate, in command from ${posting.commandFrom}`;
  return posting.end === null ? 'designate, not in command yet' : 'designate, never in command';
};

/**
 * How the holder held the posting, or null for an ordinary substantive one: acting (PO-1), interim
 * (RS-4, a pathfinder BCU's commander) and designate (RS-4, named before the BCU went live), with
 * the day a designate took command, or that they never did.
 */
const capacityText = (posting: PostingReport): string | null => {
  const parts = [
    ...(posting.acting ? ['acting'] : []),
    ...(posting.interim ? ['interim'] : []),
    ...(posting.designate ? [designateText(posting)] : []),
  ];
  return parts.length === 0 ? null : parts.join('; ');
};

const periodCover = (period: TenurePeriod): string => {
  if (period.kind === 'acting') return period.actingOfficer === null ? 'acting' : `acting: ${period.actingOfficer.name}`;
  if (period.kind === 'merged') return `in ${period.bcu ?? 'a'} BCU`;
  return 'nobody';
};

/** TE-1 as text: the unit's postings, then the periods between its substantive postings. */
export const tenureText = (tenure: UnitTenure, style: Style, explain: ReadonlyMap<bigint, string> | undefined): string[] => {
  const postings = renderTable(
    [
      { header: 'start' },
      { header: 'end' },
      { header: 'days', align: 'right' },
      { header: 'officer' },
      { header: 'role' },
      { header: 'capacity' },
      { header: 'minimum term' },
      { header: 'end reason' },
    ],
    tenure.postings.map((posting) => [
      posting.start,
      posting.end ?? 'in post',
      formatDays(posting.daysServed),
      posting.officer.name,
      words(posting.role),
      capacityText(posting),
      minimumTermText(posting),
      posting.endReason === null ? null : words(posting.endReason),
    ]),
    style,
  );
  const periods = renderTable(
    [{ header: 'from' }, { header: 'until' }, { header: 'days', align: 'right' }, { header: 'kind' }, { header: 'role' }, { header: 'covered by' }],
    tenure.periods.map((period) => [period.from, period.until ?? 'now', formatDays(period.days), period.kind, words(period.role), periodCover(period)]),
    style,
  );
  const postingNotes = tenure.postings.map((posting) => (explain === undefined ? [] : explainLines('events', posting.sources, explain)));
  const periodNotes = tenure.periods.map((period) => (explain === undefined ? [] : explainLines('events', period.sources, explain)));
  return [
    style.bold(`${unitName(tenure.unit)}: postings and the periods between them (TE-1)`),
    '',
    style.bold('Postings'),
    ...(tenure.postings.length === 0 ? ['no posting recorded'] : withNotes(postings, postingNotes)),
    '',
    style.bold('Between substantive postings'),
    ...(tenure.periods.length === 0 ? ['no gap between postings'] : withNotes(periods, periodNotes)),
  ];
};
