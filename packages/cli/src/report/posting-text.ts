import { daysBetween, type IsoDate } from '@borough-command/domain';
import type { PostingReport } from '@borough-command/projections';
import { endReasonLabel, formatCount, officerText, roleLabel } from './format.js';

/**
 * How a posting ended against its minimum term (PO-2, PO-3): `breach` when it ended early without
 * an exceptional reason (or a breach was recorded), `exceptional` when it ended early with one,
 * `none` otherwise. The same split as TE-2's early departures.
 */
export type EarlyDepartureKind = 'breach' | 'exceptional' | 'none';

/** PO-3, TE-2: the kind of early departure a posting was, if any. */
export const earlyDepartureOf = (posting: PostingReport): EarlyDepartureKind => {
  if (posting.minimumTerm === 'not-met') return posting.exceptional === true ? 'exceptional' : 'breach';
  return posting.breached ? 'breach' : 'none';
};

/** PO-2: the minimum term of a posting in words: `met (due 2012-06-29)`, `not met (due 2013-06-29)`, `pending (due ...)`. */
export const minimumTermText = (posting: PostingReport): string => {
  const due = posting.minimumTermEnd === null ? '' : ` (due ${posting.minimumTermEnd})`;
  switch (posting.minimumTerm) {
    case 'met':
      return `met${due}`;
    case 'not-met':
      return `not met${due}`;
    case 'pending':
      return `pending${due}`;
    case 'not-applicable':
      return 'not applicable';
  }
};

/** PO-3: an early departure in words, naming whether it was a breach and who approved an exceptional one. */
export const earlyDepartureText = (posting: PostingReport): string | null => {
  switch (earlyDepartureOf(posting)) {
    case 'breach':
      return 'breach of the minimum term: left early without an exceptional reason';
    case 'exceptional':
      return `left early with an exceptional reason${posting.approvedBy === null ? '' : `, approved by ${posting.approvedBy}`}`;
    case 'none':
      return null;
  }
};

/** How a posting ended in words: `promotion (detail)`, or that it is still running. */
export const endText = (posting: PostingReport): string => {
  if (posting.end === null || posting.endReason === null) return 'in post, no end recorded';
  const detail = posting.detail === null ? '' : ` (${posting.detail})`;
  return `${endReasonLabel(posting.endReason)}${detail}`;
};

/**
 * RS-4: a posting that began as a designation in words: named on its start, in command from the
 * day its BCU went live, or not (yet); null for any other posting.
 */
export const designateText = (posting: PostingReport): string | null => {
  if (!posting.designate) return null;
  const command =
    posting.commandFrom !== null ? `in command from ${posting.commandFrom}` : posting.end === null ? 'not in command yet' : 'never in command';
  return `Named ${posting.start} as designate, before the BCU went live; ${command}.`;
};

/** Days served as a number; for a posting still running, the days it had served by the report's date: `1,094 by 2019-12-31`. */
export const daysServedFigure = (posting: PostingReport, asAt: IsoDate): string => {
  if (posting.daysServed !== null) return formatCount(posting.daysServed);
  return posting.start <= asAt ? `${formatCount(daysBetween(posting.start, asAt))} by ${asAt}` : `none by ${asAt}`;
};

/**
 * TE-1: everything a bar of the tenure chart stands for, in one sentence group: officer, role,
 * acting or interim, dates, when a designate took command, days served, end reason, minimum term
 * and early departure.
 */
export const postingTitle = (posting: PostingReport, asAt: IsoDate): string => {
  const acting = posting.acting ? ' (acting)' : '';
  const interim = posting.interim ? ' (interim)' : '';
  const until = posting.end === null ? 'no end recorded' : `until ${posting.end}`;
  const departure = earlyDepartureText(posting);
  return [
    `${officerText(posting.officer)}: ${roleLabel(posting.role)}${acting}${interim} from ${posting.start} ${until}.`,
    designateText(posting) ?? '',
    `Days served: ${daysServedFigure(posting, asAt)}.`,
    `End: ${endText(posting)}.`,
    `Minimum term: ${minimumTermText(posting)}.`,
    departure === null ? '' : `${departure.charAt(0).toUpperCase()}${departure.slice(1)}.`,
  ]
    .filter((part) => part !== '')
    .join(' ');
};
