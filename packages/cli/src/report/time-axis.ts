import { daysBetween, isoDate, type IsoDate } from '@borough-command/domain';

/** The time axis every tenure chart shares: whole calendar years, from 1 January of the first to 1 January after the last. */
export interface TimeAxis {
  readonly from: IsoDate;
  readonly until: IsoDate;
  /** The years shown, first to last. */
  readonly years: readonly number[];
}

const yearOf = (date: IsoDate): number => Number(date.slice(0, 4));

const newYearsDay = (year: number): IsoDate => isoDate(`${String(year).padStart(4, '0')}-01-01`);

/** The axis covering every date given, in whole years (at least one year). */
export const timeAxisCovering = (dates: readonly IsoDate[], fallback: IsoDate): TimeAxis => {
  const years = dates.length === 0 ? [yearOf(fallback)] : dates.map(yearOf);
  const first = Math.min(...years);
  const last = Math.max(...years);
  return {
    from: newYearsDay(first),
    until: newYearsDay(last + 1),
    years: Array.from({ length: last - first + 1 }, (_, index) => first + index),
  };
};

/** 1 January of a year on the axis. */
export const startOfYear = (year: number): IsoDate => newYearsDay(year);

/** Where a date falls on the axis, from 0 (its first day) to 1 (the day after its last); clamped to that range. */
export const positionOn = (axis: TimeAxis, date: IsoDate): number => {
  const span = daysBetween(axis.from, axis.until);
  const offset = daysBetween(axis.from, date);
  return Math.min(1, Math.max(0, offset / span));
};
