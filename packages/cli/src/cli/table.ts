import type { Style } from './style.js';
import { visibleWidth } from './style.js';

/** How a column lines up: text to the left, numbers to the right. */
export type Alignment = 'left' | 'right';

/** A column of a text table. */
export interface Column {
  readonly header: string;
  readonly align?: Alignment;
}

/** What an empty cell shows. */
export const EMPTY_CELL = '-';

const pad = (text: string, width: number, align: Alignment): string => {
  const gap = ' '.repeat(Math.max(0, width - visibleWidth(text)));
  return align === 'right' ? `${gap}${text}` : `${text}${gap}`;
};

/**
 * An aligned text table: a bold header line, then one line per row, columns two spaces apart, no
 * trailing spaces. A cell that is null or empty shows `-`.
 */
export const renderTable = (columns: readonly Column[], rows: readonly (readonly (string | number | null)[])[], style: Style): string[] => {
  const cells = rows.map((row) => columns.map((_, index) => {
    const cell = row[index];
    return cell === null || cell === undefined || cell === '' ? EMPTY_CELL : String(cell);
  }));
  const widths = columns.map((column, index) => Math.max(visibleWidth(column.header), ...cells.map((row) => visibleWidth(row[index] ?? ''))));
  const line = (values: readonly string[], decorate: (text: string) => string): string =>
    values
      .map((value, index) => decorate(pad(value, widths[index] ?? 0, columns[index]?.align ?? 'left')))
      .join('  ')
      .trimEnd();
  return [line(columns.map((column) => column.header), style.bold), ...cells.map((row) => line(row, (text) => text))];
};

/** Label-value lines, the values lined up after the longest label. */
export const renderFields = (fields: readonly (readonly [string, string])[], style: Style): string[] => {
  const width = Math.max(0, ...fields.map(([label]) => visibleWidth(label)));
  return fields.map(([label, value]) => `${style.bold(pad(label, width, 'left'))}  ${value}`.trimEnd());
};

/** A whole number with thousands separators, e.g. `1,258`. */
export const formatCount = (value: number): string => value.toLocaleString('en-GB', { maximumFractionDigits: 0 });

/** A share from 0 to 1 as a percentage with one decimal, e.g. `63.0%`; `-` when there is none. */
export const formatShare = (share: number | null): string => (share === null ? EMPTY_CELL : `${(share * 100).toFixed(1)}%`);

/** Days with one decimal at most, e.g. `1,095` or `1,043.5`; `-` when there are none. */
export const formatDays = (days: number | null): string =>
  days === null ? EMPTY_CELL : days.toLocaleString('en-GB', { maximumFractionDigits: 1 });

/** A count and a noun, the noun in the plural unless the count is one: `1 event`, `2 events`. */
export const counted = (count: number, singular: string, plural = `${singular}s`): string => `${formatCount(count)} ${count === 1 ? singular : plural}`;
