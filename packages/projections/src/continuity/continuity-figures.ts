import type { CommanderRole, CommandUnit, EndReason, IsoDate, Officer } from '@borough-command/domain';
import { daysBetween } from '@borough-command/domain';
import type { EventRef } from '../views/event-ref.js';
import { compareText } from '../views/units.js';

/** One ended posting as the continuity view keeps it. */
export interface EndedPosting {
  readonly postingId: string;
  readonly unit: CommandUnit;
  readonly officer: Officer;
  readonly role: CommanderRole;
  readonly acting: boolean;
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly minimumTermEnd: IsoDate | null;
  readonly minimumTermMet: boolean | null;
  readonly exceptional: boolean;
  readonly reason: EndReason;
  readonly approvedBy: string | null;
  readonly ended: EventRef;
  breach: EventRef | null;
}

/** TE-2: a posting that ended before its minimum term: a borough's commander or a BCU's alike. */
export interface EarlyDeparture {
  readonly postingId: string;
  readonly unit: CommandUnit;
  readonly officer: Officer;
  readonly role: CommanderRole;
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly minimumTermEnd: IsoDate | null;
  /** Days from the end to the day the minimum term would have been reached. */
  readonly daysShort: number | null;
  readonly reason: EndReason;
  readonly approvedBy: string | null;
  /** The `PostingEnded` event, and the `MinimumTermBreached` event when one was recorded. */
  readonly sources: readonly EventRef[];
}

/** What the continuity figures describe: one command unit, or London as a whole. */
export type ContinuityScope = { readonly kind: 'unit'; readonly unit: CommandUnit } | { readonly kind: 'london' };

/** TE-2: continuity of command for a unit or for London, with the events behind every figure. */
export interface ContinuityFigures {
  readonly scope: ContinuityScope;
  /** How many substantive postings have ended: the tenures the mean and median are taken over. */
  readonly endedSubstantivePostings: number;
  /** Mean days served by the ended substantive postings; null when none has ended. */
  readonly meanTenureDays: number | null;
  /** Median days served by the ended substantive postings (the mean of the middle two for an even count). */
  readonly medianTenureDays: number | null;
  /** The `PostingEnded` events of the ended substantive postings. */
  readonly tenureSources: readonly EventRef[];
  /** PO-2: ended postings the minimum term applies to, how many met it, and the share (0 to 1). */
  readonly minimumTerm: {
    readonly applicable: number;
    readonly met: number;
    readonly share: number | null;
    readonly sources: readonly EventRef[];
  };
  /** PO-3: postings ended before the minimum term, with an approved exceptional reason and without one (breaches). */
  readonly earlyDepartures: {
    readonly withExceptionalReason: readonly EarlyDeparture[];
    readonly withoutExceptionalReason: readonly EarlyDeparture[];
  };
}

const compareEnded = (a: EndedPosting, b: EndedPosting): number =>
  compareText(a.end, b.end) ||
  compareText(a.unit.kind, b.unit.kind) ||
  compareText(a.unit.name, b.unit.name) ||
  compareText(a.postingId, b.postingId);

/** The median of numbers sorted ascending; the mean of the middle two for an even count. */
export const medianOfSorted = (sorted: readonly number[]): number | null => {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
};

const earlyDeparture = (posting: EndedPosting): EarlyDeparture => ({
  postingId: posting.postingId,
  unit: posting.unit,
  officer: posting.officer,
  role: posting.role,
  start: posting.start,
  end: posting.end,
  minimumTermEnd: posting.minimumTermEnd,
  daysShort: posting.minimumTermEnd === null ? null : daysBetween(posting.end, posting.minimumTermEnd),
  reason: posting.reason,
  approvedBy: posting.approvedBy,
  sources: posting.breach === null ? [posting.ended] : [posting.ended, posting.breach],
});

/** TE-2: the continuity figures of a set of ended postings. */
export const continuityFigures = (scope: ContinuityScope, postings: readonly EndedPosting[]): ContinuityFigures => {
  const ordered = [...postings].sort(compareEnded);
  // TE-2: tenure is measured on ended substantive postings only; acting cover is not a tenure.
  const substantive = ordered.filter((posting) => !posting.acting);
  const days = substantive.map((posting) => daysBetween(posting.start, posting.end));
  const total = days.reduce((sum, value) => sum + value, 0);
  // PO-2: the share is taken among ended postings the minimum term applies to, as their ends recorded
  // it: not acting ones, nor (RS-4) interim ones, whose minimum-term end the domain leaves null.
  const applicable = ordered.filter((posting) => posting.minimumTermMet !== null);
  const met = applicable.filter((posting) => posting.minimumTermMet === true);
  // PO-3: an early departure is an end before the minimum term; exceptional only with an approved exceptional reason.
  const early = ordered.filter((posting) => posting.minimumTermMet === false);
  return {
    scope,
    endedSubstantivePostings: substantive.length,
    meanTenureDays: days.length === 0 ? null : total / days.length,
    medianTenureDays: medianOfSorted([...days].sort((a, b) => a - b)),
    tenureSources: substantive.map((posting) => posting.ended),
    minimumTerm: {
      applicable: applicable.length,
      met: met.length,
      share: applicable.length === 0 ? null : met.length / applicable.length,
      sources: applicable.map((posting) => posting.ended),
    },
    earlyDepartures: {
      withExceptionalReason: early.filter((posting) => posting.exceptional).map(earlyDeparture),
      withoutExceptionalReason: early.filter((posting) => !posting.exceptional).map(earlyDeparture),
    },
  };
};
