import type { IsoDate } from '@borough-command/domain';

/**
 * Days counted from 1970-01-01 and back, without `Date` objects: the civil-calendar conversions of
 * Howard Hinnant's "chrono-compatible low-level date algorithms", fast enough for millions of events.
 */
export type DayNumber = number;

/** The day number of a date `YYYY-MM-DD`. */
export const dayNumberOf = (date: IsoDate): DayNumber => {
  const month = Number(date.slice(5, 7));
  const year = Number(date.slice(0, 4)) - (month <= 2 ? 1 : 0);
  const day = Number(date.slice(8, 10));
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
};

const two = (value: number): string => (value < 10 ? `0${String(value)}` : String(value));

/** The date `YYYY-MM-DD` of a day number. */
export const isoDateOfDay = (dayNumber: DayNumber): IsoDate => {
  const shifted = dayNumber + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex + (monthIndex < 10 ? 3 : -9);
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}` as IsoDate;
};
