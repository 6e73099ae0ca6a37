import { daysBetween, type CommanderRole, type IsoDate, type Officer } from '@borough-command/domain';
import type { MembershipPeriod } from '../views/bcu-membership.js';
import { presentRefs, type EventRef } from '../views/event-ref.js';
import { comparePostings, type PostingRow } from '../views/posting-rows.js';
import { compareText } from '../views/units.js';

/**
 * What filled the time between two substantive postings of a role: nobody (`vacancy`), an acting
 * commander (`acting`), or nothing because the borough was merged into a live BCU (`merged`).
 */
export type PeriodKind = 'vacancy' | 'acting' | 'merged';

/** TE-1: a period between substantive commands of one role in a command unit. */
export interface TenurePeriod {
  readonly kind: PeriodKind;
  readonly role: CommanderRole;
  readonly from: IsoDate;
  /** The first day after the period, or null while it lasts. */
  readonly until: IsoDate | null;
  /** Whole days from `from` to `until`; null while it lasts. */
  readonly days: number | null;
  /** The acting posting of an `acting` period. */
  readonly actingPostingId: string | null;
  readonly actingOfficer: Officer | null;
  /** The BCU of a `merged` period. */
  readonly bcu: string | null;
  /**
   * The events that bound the period: the substantive end and the next start (RS-4: its
   * `CommandTakenUp` for a designate posting), the acting posting, or the BCU's go-live and dissolution.
   */
  readonly sources: readonly EventRef[];
}

interface Cover {
  readonly kind: 'acting' | 'merged';
  readonly from: IsoDate;
  readonly until: IsoDate | null;
  readonly row: PostingRow | null;
  readonly membership: MembershipPeriod | null;
}

interface Segment {
  readonly from: IsoDate;
  until: IsoDate | null;
  readonly cover: Cover | null;
}

const covers = (cover: Cover, date: IsoDate): boolean => cover.from <= date && (cover.until === null || date < cover.until);

const within = (date: IsoDate, from: IsoDate, until: IsoDate | null): boolean => date > from && (until === null || date < until);

const coverAt = (acting: readonly Cover[], merged: readonly Cover[], date: IsoDate): Cover | null =>
  acting.find((cover) => covers(cover, date)) ?? merged.find((cover) => covers(cover, date)) ?? null;

const toPeriod = (role: CommanderRole, segment: Segment, bounds: readonly EventRef[]): TenurePeriod => {
  const { cover } = segment;
  return {
    kind: cover === null ? 'vacancy' : cover.kind,
    role,
    from: segment.from,
    until: segment.until,
    days: segment.until === null ? null : daysBetween(segment.from, segment.until),
    actingPostingId: cover?.row?.postingId ?? null,
    actingOfficer: cover?.row?.officer ?? null,
    bcu: cover?.membership?.bcu ?? null,
    sources:
      cover === null
        ? bounds
        : cover.row !== null
          ? presentRefs(cover.row.started, cover.row.ended)
          : presentRefs(cover.membership?.wentLive, cover.membership?.dissolved),
  };
};

/** Splits the gap `[from, until)` into vacancy, acting and merged periods. */
const splitGap = (
  role: CommanderRole,
  from: IsoDate,
  until: IsoDate | null,
  actingRows: readonly PostingRow[],
  memberships: readonly MembershipPeriod[],
  bounds: readonly EventRef[],
): readonly TenurePeriod[] => {
  const overlaps = (cover: Cover): boolean =>
    (cover.until === null || cover.until > from) && (until === null || cover.from < until) && (cover.until === null || cover.from < cover.until);
  const acting = actingRows
    .map((row): Cover => ({ kind: 'acting', from: row.commandFrom ?? row.start, until: row.end, row, membership: null }))
    .filter(overlaps);
  const merged = memberships
    .map((membership): Cover => ({ kind: 'merged', from: membership.from, until: membership.until, row: null, membership }))
    .filter(overlaps);
  const boundaries = new Set<IsoDate>([from]);
  for (const cover of [...acting, ...merged]) {
    if (within(cover.from, from, until)) boundaries.add(cover.from);
    if (cover.until !== null && within(cover.until, from, until)) boundaries.add(cover.until);
  }
  const starts = [...boundaries].sort(compareText);
  const segments: Segment[] = [];
  starts.forEach((start, index) => {
    const end = starts[index + 1] ?? until;
    const cover = coverAt(acting, merged, start);
    const previous = segments[segments.length - 1];
    if (previous !== undefined && previous.cover === cover) previous.until = end;
    else segments.push({ from: start, until: end, cover });
  });
  return segments.map((segment) => toPeriod(role, segment, bounds));
};

/** RS-4: substantive postings whose holders took command, in the order they did. */
const inCommand = (rows: readonly PostingRow[]): readonly (PostingRow & { readonly commandFrom: IsoDate })[] =>
  rows
    .filter((row): row is PostingRow & { commandFrom: IsoDate } => row.commandFrom !== null)
    .sort((a, b) => compareText(a.commandFrom, b.commandFrom) || comparePostings(a, b));

/**
 * TE-1: the periods between consecutive substantive commands of each role, and after the last one
 * when it has ended: acting cover, BCU membership, and vacancy for what neither covers. A command
 * runs from the day its holder took it (RS-4: a designate posting from its unit's go-live, one that
 * never took command not at all) to its end, so a successor who starts the day the predecessor
 * leaves leaves no gap. Time before a unit's first command is not a period (the view does not know
 * when to start; a BCU was not commanded before it went live), nor is time after `closedOn`, the day
 * a BCU was dissolved.
 */
export const periodsBetweenPostings = (
  rows: readonly PostingRow[],
  memberships: readonly MembershipPeriod[],
  closedOn: IsoDate | null = null,
): readonly TenurePeriod[] => {
  const sorted = [...rows].sort(comparePostings);
  const roles: CommanderRole[] = [];
  for (const row of sorted) if (!row.acting && !roles.includes(row.role)) roles.push(row.role);
  const periods: TenurePeriod[] = [];
  for (const role of roles) {
    const substantive = inCommand(sorted.filter((row) => row.role === role && !row.acting));
    const acting = inCommand(sorted.filter((row) => row.role === role && row.acting));
    substantive.forEach((previous, index) => {
      if (previous.end === null) return;
      const next = substantive[index + 1];
      const nextCommand = next?.commandFrom ?? null;
      const until = closedOn !== null && (nextCommand === null || closedOn < nextCommand) ? closedOn : nextCommand;
      if (until !== null && until <= previous.end) return;
      periods.push(...splitGap(role, previous.end, until, acting, memberships, presentRefs(previous.ended, next?.takenUp ?? next?.started)));
    });
  }
  return periods;
};
