import type { CommandUnit, IsoDate } from '@borough-command/domain';
import type { BoroughCommandViews, ContinuityFigures, PostingReport } from '@borough-command/projections';
import type { UnitAnchors } from './anchors.js';
import { chartLegend } from './chart-legend.js';
import { formatCount, formatRatio, formatTenure, NONE, rankLabel, roleLabel, unitLabel } from './format.js';
import { html, type Html } from './html.js';
import { unitLink } from './unit-link.js';
import { daysServedFigure, designateText, earlyDepartureOf, earlyDepartureText, endText, minimumTermText } from './posting-text.js';
import { tenureChart } from './tenure-chart.js';
import type { TimeAxis } from './time-axis.js';

/** What the tenure section needs besides the views. */
export interface TenureSectionInput {
  readonly views: BoroughCommandViews;
  readonly units: readonly CommandUnit[];
  readonly anchors: UnitAnchors;
  readonly axis: TimeAxis;
  readonly asAt: IsoDate;
}

const postingRow = (posting: PostingReport, number: number, asAt: IsoDate): Html => {
  const departure = earlyDepartureOf(posting);
  const early = earlyDepartureText(posting);
  const designate = designateText(posting);
  return html`<tr class="posting-row departure-${departure}${posting.acting ? ' acting' : ''}" data-posting-id="${posting.postingId}">
<td class="number">${number}</td>
<td>${posting.officer.name}<span class="sub">${rankLabel(posting.officer.rank)}</span></td>
<td>${roleLabel(posting.role)}${posting.acting ? html` <span class="tag acting">acting</span>` : ''}${posting.interim ? html` <span class="tag interim">interim</span>` : ''}${designate === null ? '' : html`<span class="sub">${designate}</span>`}</td>
<td class="date">${posting.start}</td>
<td class="date">${posting.end ?? NONE}</td>
<td class="count">${daysServedFigure(posting, asAt)}</td>
<td>${minimumTermText(posting)}</td>
<td>${endText(posting)}${early === null ? '' : html`<span class="sub ${departure}">${early}</span>`}</td>
</tr>`;
};

// TE-2 per unit, in one line under the unit's heading.
const unitFigures = (figures: ContinuityFigures): Html => {
  const { withExceptionalReason, withoutExceptionalReason } = figures.earlyDepartures;
  return html`<p class="unit-figures">Ended substantive postings: ${formatCount(figures.endedSubstantivePostings)} · mean tenure ${formatTenure(figures.meanTenureDays)} · median ${formatTenure(figures.medianTenureDays)} · minimum term met: ${figures.minimumTerm.applicable === 0 ? 'no posting it applies to has ended' : formatRatio(figures.minimumTerm.met, figures.minimumTerm.applicable, figures.minimumTerm.share)} · early departures: ${formatCount(withExceptionalReason.length)} with an exceptional reason, ${formatCount(withoutExceptionalReason.length)} without (breaches)</p>`;
};

const unitTenure = (input: TenureSectionInput, unit: CommandUnit): Html => {
  const tenure = input.views.tenure.tenureOf(unit);
  const anchor = input.anchors.of(unit) ?? `unit-${unit.kind}`;
  return html`<section class="unit" id="${anchor}">
<h3>${unitLabel(unit)}</h3>
${unitFigures(input.views.continuity.continuityOf(unit))}
<figure class="chart">${tenureChart({ tenure, axis: input.axis, asAt: input.asAt, chartId: `chart-${anchor}` })}</figure>
<table class="postings">
<caption class="visually-hidden">Postings of ${unitLabel(unit)}</caption>
<thead><tr><th scope="col">#</th><th scope="col">Officer</th><th scope="col">Role</th><th scope="col">Start</th><th scope="col">End</th><th scope="col">Days served</th><th scope="col">Minimum term</th><th scope="col">How it ended</th></tr></thead>
<tbody>${tenure.postings.map((posting, index) => postingRow(posting, index + 1, input.asAt))}</tbody>
</table>
</section>`;
};

/** TE-1: the tenure section: the key, then each command unit's TE-2 line, timeline chart and postings table. */
export const tenureSection = (input: TenureSectionInput): Html => {
  const postings = input.units.reduce((sum, unit) => sum + input.views.tenure.tenureOf(unit).postings.length, 0);
  return html`<section id="tenure" class="report-section">
<h2>Tenure per command unit <span class="rule-ids">TE-1, TE-2</span></h2>
<p>${formatCount(postings)} postings in ${formatCount(input.units.length)} command units, on one time axis from ${input.axis.from} to ${input.axis.until}. Hover over a bar, or read the table under each chart, for the officer, the dates, the days served and how the posting ended.</p>
${chartLegend(input.asAt)}
<nav class="unit-index" aria-label="Command units">${input.units.map((unit) => unitLink(input.anchors, unit))}</nav>
${input.units.map((unit) => unitTenure(input, unit))}
</section>`;
};
