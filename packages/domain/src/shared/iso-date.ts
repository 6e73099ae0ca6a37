import * as t from 'io-ts';

/** The brand that marks a checked calendar date. */
export interface IsoDateBrand {
  readonly IsoDate: unique symbol;
}

/** A calendar date written `YYYY-MM-DD`, checked to exist (no 30 February). */
export type IsoDate = t.Branded<string, IsoDateBrand>;

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Tells whether a string is a real calendar date in `YYYY-MM-DD` form. */
export const isIsoDate = (value: unknown): value is IsoDate => {
  if (typeof value !== 'string') return false;
  const match = SHAPE.exec(value);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= 1800 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
};

/** io-ts codec of a calendar date `YYYY-MM-DD` between the years 1800 and 2200. */
export const IsoDateCodec = t.brand(t.string, (value): value is IsoDate => isIsoDate(value), 'IsoDate');

/** Parses a trusted literal date; throws on a programmer's typo. */
export const isoDate = (value: string): IsoDate => {
  if (!isIsoDate(value)) throw new Error(`'${value}' is not a calendar date YYYY-MM-DD`);
  return value;
};

const toUtc = (date: IsoDate): number => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10) as IsoDate;

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: IsoDate, to: IsoDate): number => Math.round((toUtc(to) - toUtc(from)) / DAY_MS);

/** The date `days` days after `date`. */
export const addDays = (date: IsoDate, days: number): IsoDate => fromUtc(toUtc(date) + days * DAY_MS);

/**
 * The `years`-th anniversary of a date on the calendar. An anniversary of 29 February in a year
 * without one falls on 1 March.
 */
export const addYears = (date: IsoDate, years: number): IsoDate => {
  const year = Number(date.slice(0, 4)) + years;
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  if (day <= daysInMonth(year, month)) {
    return `${String(year).padStart(4, '0')}-${date.slice(5, 7)}-${date.slice(8, 10)}` as IsoDate;
  }
  return fromUtc(Date.UTC(year, month - 1, day));
};

/** Orders two dates: negative when `a` is earlier, 0 when equal, positive when later. */
export const compareDates = (a: IsoDate, b: IsoDate): number => (a < b ? -1 : a > b ? 1 : 0);

/** The later of two dates. */
export const laterOf = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? b : a);
