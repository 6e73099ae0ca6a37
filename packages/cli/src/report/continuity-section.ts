import type { CommandUnit } from '@borough-command/domain';
import type { BoroughCommandViews, ContinuityFigures, EarlyDeparture } from '@borough-command/projections';
import type { UnitAnchors } from './anchors.js';
import { endReasonLabel, formatCount, formatRatio, formatTenure, NONE, rankLabel, roleLabel, unitLabel } from './format.js';
import { html, type Html } from './html.js';
import { unitLink } from './unit-link.js';

/** What the continuity section needs besides the views. */
export interface ContinuitySectionInput {
  readonly views: BoroughCommandViews;
  readonly units: readonly CommandUnit[];
  readonly anchors: UnitAnchors;
}

const minimumTermFigure = (figures: ContinuityFigures): string =>
  figures.minimumTerm.applicable === 0 ? NONE : formatRatio(figures.minimumTerm.met, figures.minimumTerm.applicable, figures.minimumTerm.share);

// TE-2 London-wide: the headline figures.
const londonFigures = (figures: ContinuityFigures): Html => {
  const { withExceptionalReason, withoutExceptionalReason } = figures.earlyDepartures;
  const cells: readonly (readonly [string, string])[] = [
    ['Ended substantive postings', formatCount(figures.endedSubstantivePostings)],
    ['Mean tenure', formatTenure(figures.meanTenureDays)],
    ['Median tenure', formatTenure(figures.medianTenureDays)],
    ['Minimum term met', minimumTermFigure(figures)],
    ['Early departures with an exceptional reason', formatCount(withExceptionalReason.length)],
    ['Early departures without one (breaches)', formatCount(withoutExceptionalReason.length)],
  ];
  return html`<dl class="figures">${cells.map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`)}</dl>`;
};

const unitRow = (input: ContinuitySectionInput, unit: CommandUnit): Html => {
  const figures = input.views.continuity.continuityOf(unit);
  const breaches = figures.earlyDepartures.withoutExceptionalReason.length;
  return html`<tr${breaches > 0 ? html` class="has-breach"` : ''}>
<th scope="row">${unitLink(input.anchors, unit)}</th>
<td class="count">${formatCount(figures.endedSubstantivePostings)}</td>
<td class="count">${formatTenure(figures.meanTenureDays)}</td>
<td class="count">${formatTenure(figures.medianTenureDays)}</td>
<td class="count">${minimumTermFigure(figures)}</td>
<td class="count">${formatCount(figures.earlyDepartures.withExceptionalReason.length)}</td>
<td class="count">${formatCount(breaches)}</td>
</tr>`;
};

const departureRow = (departure: EarlyDeparture, withApproval: boolean): Html => html`<tr data-posting-id="${departure.postingId}">
<td>${departure.officer.name}<span class="sub">${rankLabel(departure.officer.rank)}</span></td>
<td>${unitLabel(departure.unit)}<span class="sub">${roleLabel(departure.role)}</span></td>
<td class="date">${departure.start}</td>
<td class="date">${departure.end}</td>
<td class="date">${departure.minimumTermEnd ?? NONE}</td>
<td class="count">${departure.daysShort === null ? NONE : formatCount(departure.daysShort)}</td>
<td>${endReasonLabel(departure.reason)}</td>
${withApproval ? html`<td>${departure.approvedBy ?? NONE}</td>` : ''}
</tr>`;

const departuresTable = (caption: string, departures: readonly EarlyDeparture[], withApproval: boolean): Html =>
  departures.length === 0
    ? html`<p class="empty">${caption}: none.</p>`
    : html`<table class="departures">
<caption>${caption}: ${formatCount(departures.length)}</caption>
<thead><tr><th scope="col">Officer</th><th scope="col">Command unit</th><th scope="col">Start</th><th scope="col">End</th><th scope="col">Minimum term due</th><th scope="col">Days short</th><th scope="col">Reason</th>${withApproval ? html`<th scope="col">Approved by</th>` : ''}</tr></thead>
<tbody>${departures.map((departure) => departureRow(departure, withApproval))}</tbody>
</table>`;

/** TE-2: continuity London-wide and per command unit, and every early departure, breaches first. */
export const continuitySection = (input: ContinuitySectionInput): Html => {
  const london = input.views.continuity.londonWide();
  return html`<section id="continuity" class="report-section">
<h2>Continuity of command <span class="rule-ids">TE-2</span></h2>
<p>Tenure is measured on substantive postings that have ended (acting cover is not a tenure). The minimum-term share counts ended postings the minimum term applies to (PO-2). An early departure is an end before the minimum term: with an approved exceptional reason (personal, professional, organisational restructure) or without one, a breach (PO-3).</p>
<h3>London-wide</h3>
${londonFigures(london)}
${departuresTable('Breaches of the minimum term', london.earlyDepartures.withoutExceptionalReason, false)}
${departuresTable('Early departures with an exceptional reason', london.earlyDepartures.withExceptionalReason, true)}
<h3>Per command unit</h3>
<table class="continuity">
<thead><tr><th scope="col">Command unit</th><th scope="col">Ended substantive postings</th><th scope="col">Mean tenure</th><th scope="col">Median tenure</th><th scope="col">Minimum term met</th><th scope="col">Early, exceptional</th><th scope="col">Breaches</th></tr></thead>
<tbody>${input.units.map((unit) => unitRow(input, unit))}</tbody>
</table>
</section>`;
};
