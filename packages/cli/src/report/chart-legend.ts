import type { IsoDate } from '@borough-command/domain';
import { breachMarkerPath, exceptionalMarkerPath, inPostMarkerPath } from './chart-geometry.js';
import { html, type Html } from './html.js';

const swatch = (drawing: Html): Html =>
  html`<svg class="legend-swatch" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 22" width="36" height="22" aria-hidden="true">${drawing}</svg>`;

const bar = (kind: 'substantive' | 'acting'): Html => html`<rect class="legend-bar ${kind}" x="2" y="5" width="32" height="14" rx="2"/>`;

/** The key to the tenure charts: what each bar, marker, line and band means, with the rule behind it. */
export const chartLegend = (asAt: IsoDate): Html => {
  const items: readonly (readonly [Html, string])[] = [
    [bar('substantive'), 'Substantive posting (PO-1), from its start up to its end, the successor’s first day'],
    [bar('acting'), 'Acting posting covering a vacancy (PO-1)'],
    [html`<rect class="legend-bar substantive" x="2" y="5" width="32" height="14" rx="2"/><path class="in-post-marker" d="${inPostMarkerPath(33, 12)}"/>`, 'Still in post: no end recorded'],
    [
      html`<rect class="legend-bar substantive" x="2" y="9" width="18" height="12" rx="2"/><path class="breach-marker" d="${breachMarkerPath(20, 9)}"/>`,
      'Early departure without an exceptional reason: a breach of the minimum term (PO-2, PO-3)',
    ],
    [
      html`<rect class="legend-bar substantive" x="2" y="9" width="18" height="12" rx="2"/><path class="exceptional-marker" d="${exceptionalMarkerPath(20, 9)}"/>`,
      'Early departure with an approved exceptional reason, including organisational restructure (PO-3, PO-6)',
    ],
    [html`<line class="vacancy" x1="2" x2="34" y1="12" y2="12"/>`, 'Vacancy: no commander, substantive or acting (TE-1)'],
    [html`<rect class="merged-band" x="2" y="2" width="32" height="18"/>`, 'Borough merged into a live BCU (RS-5)'],
    [html`<line class="as-at" x1="18" x2="18" y1="1" y2="21"/>`, `Report date: as at ${asAt}`],
  ];
  return html`<ul class="legend" aria-label="Key to the tenure charts">${items.map(([drawing, text]) => html`<li>${swatch(drawing)}<span>${text}</span></li>`)}</ul>`;
};
