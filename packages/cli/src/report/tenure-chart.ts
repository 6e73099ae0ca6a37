import type { IsoDate } from '@borough-command/domain';
import type { PostingReport, TenurePeriod, UnitTenure } from '@borough-command/projections';
import { chartLanes, type ChartLane } from './chart-lanes.js';
import {
  AXIS_HEIGHT,
  BAR_HEIGHT,
  BAR_OFFSET,
  breachMarkerPath,
  CHART_TOP,
  CHART_WIDTH,
  coordinate,
  exceptionalMarkerPath,
  inPostMarkerPath,
  LABEL_WIDTH,
  LANE_HEIGHT,
  MINIMUM_BAR_WIDTH,
  PLOT_RIGHT,
  textFits,
  xOf,
} from './chart-geometry.js';
import { formatCount, roleLabel, unitLabel } from './format.js';
import { html, joinHtml, noHtml, type Html } from './html.js';
import { earlyDepartureOf, earlyDepartureText, postingTitle } from './posting-text.js';
import { startOfYear, type TimeAxis } from './time-axis.js';

/** What a tenure chart draws: one unit's TE-1 tenure on the shared axis. */
export interface TenureChartInput {
  readonly tenure: UnitTenure;
  readonly axis: TimeAxis;
  /** The report's date: the as-at line, and the days served so far by postings still running. */
  readonly asAt: IsoDate;
  /** A page-unique id for the chart's accessible name. */
  readonly chartId: string;
}

interface Frame {
  readonly axis: TimeAxis;
  readonly asAt: IsoDate;
  readonly plotTop: number;
  readonly plotBottom: number;
}

const laneTop = (index: number): number => CHART_TOP + index * LANE_HEIGHT;

const barEnd = (frame: Frame, posting: PostingReport): number => xOf(frame.axis, posting.end ?? frame.axis.until);

const barLabel = (posting: PostingReport, number: number, width: number): string | null => {
  if (textFits(posting.officer.name, width)) return posting.officer.name;
  const short = String(number);
  return textFits(short, width) ? short : null;
};

// TE-1, PO-3: a breach is drawn as a red triangle, an early departure with an exceptional reason as an amber diamond.
const earlyDepartureMarker = (posting: PostingReport, x: number, barTop: number): Html => {
  const kind = earlyDepartureOf(posting);
  if (kind === 'none') return noHtml;
  const title = `${posting.officer.name}, ${posting.end ?? ''}: ${earlyDepartureText(posting) ?? ''}`;
  return kind === 'breach'
    ? html`<path class="breach-marker" data-posting-id="${posting.postingId}" d="${breachMarkerPath(x, barTop - 1)}"><title>${title}</title></path>`
    : html`<path class="exceptional-marker" data-posting-id="${posting.postingId}" d="${exceptionalMarkerPath(x, barTop - 1)}"><title>${title}</title></path>`;
};

// TE-1: one bar per posting, from its start to its end (or the axis's end while in post), acting postings styled apart.
const postingBar = (frame: Frame, posting: PostingReport, number: number, lane: number): Html => {
  const top = laneTop(lane) + BAR_OFFSET;
  const x = xOf(frame.axis, posting.start);
  const width = Math.max(MINIMUM_BAR_WIDTH, barEnd(frame, posting) - x);
  const inPost = posting.end === null;
  const classes = ['posting-bar', posting.acting ? 'acting' : 'substantive', inPost ? 'in-post' : '', `departure-${earlyDepartureOf(posting)}`]
    .filter((name) => name !== '')
    .join(' ');
  const label = barLabel(posting, number, width - (inPost ? 8 : 0));
  const middle = top + BAR_HEIGHT / 2;
  return html`<g class="posting">
<rect class="${classes}" data-posting-id="${posting.postingId}" x="${coordinate(x)}" y="${coordinate(top)}" width="${coordinate(width)}" height="${BAR_HEIGHT}" rx="2"><title>${number}. ${postingTitle(posting, frame.asAt)}</title></rect>
${label === null ? noHtml : html`<text class="bar-label${posting.acting ? ' acting' : ''}" x="${coordinate(x + 4)}" y="${coordinate(middle + 4)}" aria-hidden="true">${label}</text>`}
${inPost ? html`<path class="in-post-marker${posting.acting ? ' acting' : ''}" d="${inPostMarkerPath(x + width, middle)}" aria-hidden="true"/>` : noHtml}
${earlyDepartureMarker(posting, x + width, top)}
</g>`;
};

const laneOfRole = (lanes: readonly ChartLane[], period: TenurePeriod): number =>
  lanes.findIndex((lane) => lane.role === period.role && lane.firstOfRole);

const periodEnd = (frame: Frame, period: TenurePeriod): number => xOf(frame.axis, period.until ?? frame.axis.until);

// TE-1: a vacancy between substantive postings that no acting commander covered, as a dotted line.
const vacancyLine = (frame: Frame, lanes: readonly ChartLane[], period: TenurePeriod): Html => {
  const lane = laneOfRole(lanes, period);
  if (lane < 0) return noHtml;
  const y = laneTop(lane) + BAR_OFFSET + BAR_HEIGHT / 2;
  const until = period.until === null ? 'no end recorded' : `until ${period.until} (${formatCount(period.days ?? 0)} days)`;
  return html`<line class="vacancy" x1="${coordinate(xOf(frame.axis, period.from))}" x2="${coordinate(periodEnd(frame, period))}" y1="${coordinate(y)}" y2="${coordinate(y)}"><title>${roleLabel(period.role)}: vacant from ${period.from} ${until}</title></line>`;
};

// TE-1: the time a borough spent merged into a live BCU, as a shaded band behind its rows.
const mergedBand = (frame: Frame, period: TenurePeriod): Html => {
  const x = xOf(frame.axis, period.from);
  const width = Math.max(MINIMUM_BAR_WIDTH, periodEnd(frame, period) - x);
  const bcu = period.bcu ?? 'a BCU';
  const label = `merged into ${bcu}`;
  const until = period.until === null ? '' : ` until ${period.until}`;
  return html`<g class="merged">
<rect class="merged-band" x="${coordinate(x)}" y="${coordinate(frame.plotTop)}" width="${coordinate(width)}" height="${coordinate(frame.plotBottom - frame.plotTop)}"><title>Merged into ${bcu} from ${period.from}${until}</title></rect>
${textFits(label, width) ? html`<text class="merged-label" x="${coordinate(x + 4)}" y="${coordinate(frame.plotTop + BAR_OFFSET + BAR_HEIGHT / 2 + 4)}" aria-hidden="true">${label}</text>` : noHtml}
</g>`;
};

const mergedPeriods = (periods: readonly TenurePeriod[]): readonly TenurePeriod[] => {
  const seen = new Set<string>();
  return periods.filter((period) => {
    if (period.kind !== 'merged') return false;
    const key = `${period.bcu ?? ''}\u0000${period.from}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

const yearGrid = (frame: Frame): Html => {
  const { axis } = frame;
  const lines = [...axis.years.map(startOfYear), axis.until].map((date) => {
    const x = coordinate(xOf(axis, date));
    return html`<line class="grid" x1="${x}" x2="${x}" y1="${coordinate(frame.plotTop)}" y2="${coordinate(frame.plotBottom)}"/>`;
  });
  const labels = axis.years.map((year) => {
    const middle = (xOf(axis, startOfYear(year)) + xOf(axis, startOfYear(year + 1))) / 2;
    return html`<text class="year-label" x="${coordinate(middle)}" y="${coordinate(frame.plotBottom + 13)}">${year}</text>`;
  });
  return html`<g class="axis" aria-hidden="true">${lines}${labels}</g>`;
};

const asAtLine = (frame: Frame): Html => {
  if (frame.asAt < frame.axis.from || frame.asAt >= frame.axis.until) return noHtml;
  const x = coordinate(xOf(frame.axis, frame.asAt));
  return html`<line class="as-at" x1="${x}" x2="${x}" y1="${coordinate(frame.plotTop)}" y2="${coordinate(frame.plotBottom)}"><title>As at ${frame.asAt}</title></line>`;
};

const laneLabels = (lanes: readonly ChartLane[]): Html =>
  joinHtml(
    lanes.map((lane, index) => {
      const y = laneTop(index) + BAR_OFFSET + BAR_HEIGHT / 2 + 4;
      const rule = coordinate(laneTop(index + 1));
      return html`<line class="lane-rule" x1="${LABEL_WIDTH}" x2="${PLOT_RIGHT}" y1="${rule}" y2="${rule}"/>${lane.firstOfRole ? html`<text class="lane-label" x="${LABEL_WIDTH - 8}" y="${coordinate(y)}">${roleLabel(lane.role)}</text>` : noHtml}`;
    }),
  );

/**
 * TE-1 as an inline SVG: one row per role (more when postings of a role overlap), one bar per
 * posting with an accessible title (officer, dates, days served, end reason), acting postings
 * styled apart, early departures marked (breaches apart from those with an exceptional reason),
 * vacancies, the time merged into a BCU, the shared year axis and the as-at line.
 */
export const tenureChart = ({ tenure, axis, asAt, chartId }: TenureChartInput): Html => {
  const lanes = chartLanes(tenure.postings);
  const rows = Math.max(1, lanes.length);
  const frame: Frame = { axis, asAt, plotTop: CHART_TOP, plotBottom: laneTop(rows) };
  const height = frame.plotBottom + AXIS_HEIGHT;
  const numberOf = (posting: PostingReport): number => tenure.postings.indexOf(posting) + 1;
  const bars = lanes.flatMap((lane, index) => lane.postings.map((posting) => postingBar(frame, posting, numberOf(posting), index)));
  const vacancies = tenure.periods.filter((period) => period.kind === 'vacancy').map((period) => vacancyLine(frame, lanes, period));
  const postings = tenure.postings.length;
  return html`<svg class="tenure-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${CHART_WIDTH} ${coordinate(height)}" width="${CHART_WIDTH}" height="${coordinate(height)}" aria-labelledby="${chartId}-title">
<title id="${chartId}-title">Tenure of ${unitLabel(tenure.unit)}: ${postings} posting${postings === 1 ? '' : 's'}, ${axis.years[0] ?? ''} to ${axis.years[axis.years.length - 1] ?? ''}</title>
${mergedPeriods(tenure.periods).map((period) => mergedBand(frame, period))}
${yearGrid(frame)}
${laneLabels(lanes)}
${vacancies}
${bars}
${asAtLine(frame)}
</svg>`;
};
