import type { IsoDate } from '@borough-command/domain';
import { positionOn, type TimeAxis } from './time-axis.js';

/** Width of every chart's drawing, in SVG units; the page scales it to the column. */
export const CHART_WIDTH = 1000;
/** Width of the row labels on the left of a chart. */
export const LABEL_WIDTH = 160;
/** Where the plot ends on the right. */
export const PLOT_RIGHT = 990;
/** Height of a row of bars. */
export const LANE_HEIGHT = 28;
/** Height of a bar inside its row. */
export const BAR_HEIGHT = 16;
/** Space above a bar inside its row, where the early-departure markers sit. */
export const BAR_OFFSET = 9;
/** Space above the first row. */
export const CHART_TOP = 4;
/** Height of the year labels under the rows. */
export const AXIS_HEIGHT = 18;
/** Size of the text inside and beside bars. */
export const LABEL_FONT_SIZE = 11;
/** A generous estimate of the width of one character of the label font, to decide whether a label fits. */
export const CHARACTER_WIDTH = 6.6;
/** The narrowest a bar is drawn, so a posting of a day or less stays visible. */
export const MINIMUM_BAR_WIDTH = 2;

/** The horizontal position of a date on a chart. */
export const xOf = (axis: TimeAxis, date: IsoDate): number => LABEL_WIDTH + positionOn(axis, date) * (PLOT_RIGHT - LABEL_WIDTH);

/** A coordinate written with one decimal, the same on every machine. */
export const coordinate = (value: number): string => value.toFixed(1);

/** Whether a text fits in a width at the label font size. */
export const textFits = (text: string, width: number): boolean => text.length * CHARACTER_WIDTH + 8 <= width;

/** The breach marker (PO-3): a triangle pointing down at `x`, its tip at `y`. */
export const breachMarkerPath = (x: number, y: number): string =>
  `M${coordinate(x - 6)} ${coordinate(y - 9)}H${coordinate(x + 6)}L${coordinate(x)} ${coordinate(y)}Z`;

/** The marker of an early departure with an exceptional reason (PO-3, PO-6): a diamond centred on `x`, its bottom at `y`. */
export const exceptionalMarkerPath = (x: number, y: number): string =>
  `M${coordinate(x)} ${coordinate(y - 10)}L${coordinate(x + 5)} ${coordinate(y - 5)}L${coordinate(x)} ${coordinate(y)}L${coordinate(x - 5)} ${coordinate(y - 5)}Z`;

/** The in-post marker: an arrow head pointing right, its tip at `x`, centred on `y`. */
export const inPostMarkerPath = (x: number, y: number): string =>
  `M${coordinate(x - 7)} ${coordinate(y - 5)}L${coordinate(x - 1)} ${coordinate(y)}L${coordinate(x - 7)} ${coordinate(y + 5)}Z`;
