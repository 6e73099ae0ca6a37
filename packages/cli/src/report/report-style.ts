import { trustedMarkup, type Html } from './html.js';

/**
 * The report's one style sheet, inline: system fonts only, colours that survive a black-and-white
 * printer (acting bars are dashed, breaches and exceptional departures differ in shape), and print
 * rules for an A4 landscape page with each main section on a new page.
 */
export const reportStyle: Html = trustedMarkup(`
:root { color-scheme: light; }
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 1240px; padding: 20px 28px 40px; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "DejaVu Sans", Arial, sans-serif; font-size: 14px; line-height: 1.45; color: #1a1d21; background: #fff; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #1f4e79; }
h3 { font-size: 16px; margin: 20px 0 6px; }
a { color: #1f4e79; }
p { margin: 6px 0 10px; max-width: 72em; }
.meta { color: #4b5563; margin: 0; }
.rule-ids { font-size: 12px; font-weight: 600; color: #1f4e79; background: #e6eef7; border-radius: 3px; padding: 1px 6px; vertical-align: middle; }
.notes { border-left: 4px solid #d49b00; background: #fff8e1; padding: 8px 14px; margin: 14px 0; }
.notes h2 { font-size: 15px; border: 0; margin: 0 0 4px; padding: 0; }
.notes ul { margin: 0; padding-left: 20px; }
nav.toc ol { display: flex; flex-wrap: wrap; gap: 4px 18px; list-style: none; padding: 0; margin: 10px 0; }
dl.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(190px, 1fr)); gap: 8px; margin: 10px 0; }
dl.figures div { border: 1px solid #d0d5dc; border-radius: 4px; padding: 6px 10px; }
dl.figures dt { font-size: 12px; color: #4b5563; }
dl.figures dd { margin: 2px 0 0; font-size: 17px; font-weight: 600; font-variant-numeric: tabular-nums; }
.empty { color: #374151; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 14px; font-size: 12.5px; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border: 1px solid #d0d5dc; padding: 3px 6px; text-align: left; vertical-align: top; }
thead th { background: #eef1f5; font-weight: 600; }
tbody th { font-weight: 600; }
td.count { text-align: right; font-variant-numeric: tabular-nums; }
td.number { text-align: right; color: #4b5563; width: 2em; }
td.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
.sub { display: block; font-size: 11.5px; color: #4b5563; }
.sub.breach { color: #b3141c; font-weight: 600; }
.sub.exceptional { color: #7a4b00; }
.tag { font-size: 11px; border: 1px solid currentColor; border-radius: 3px; padding: 0 4px; white-space: nowrap; }
.tag.acting { color: #1f4e79; border-style: dashed; }
.none { color: #6b7280; font-style: italic; }
.flag { display: block; margin-top: 2px; font-size: 11.5px; font-weight: 600; color: #9a3412; }
ul.partners { margin: 0; padding-left: 16px; }
tr.departure-breach td:first-child { border-left: 4px solid #c0262d; }
tr.departure-exceptional td:first-child { border-left: 4px solid #e0a000; }
tr.has-breach th { border-left: 4px solid #c0262d; }
section.unit { margin: 0 0 22px; }
table.postings { table-layout: fixed; }
table.postings th:nth-child(1) { width: 3%; }
table.postings th:nth-child(2) { width: 19%; }
table.postings th:nth-child(3) { width: 13%; }
table.postings th:nth-child(4), table.postings th:nth-child(5) { width: 8.5%; }
table.postings th:nth-child(6) { width: 10%; }
table.postings th:nth-child(7) { width: 16%; }
section.unit h3 { margin-bottom: 2px; }
.unit-figures { font-size: 12.5px; color: #374151; margin: 0 0 4px; max-width: none; }
figure.chart { margin: 0 0 4px; }
svg.tenure-chart { display: block; width: 100%; height: auto; }
svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "DejaVu Sans", Arial, sans-serif; }
.posting-bar.substantive, .legend-bar.substantive { fill: #1f4e79; stroke: #fff; stroke-width: 1; }
.posting-bar.acting, .legend-bar.acting { fill: #d6e4f2; stroke: #1f4e79; stroke-width: 1.3; stroke-dasharray: 4 2; }
.bar-label { font-size: 11px; fill: #fff; pointer-events: none; }
.bar-label.acting { fill: #12314d; }
.in-post-marker { fill: #fff; }
.in-post-marker.acting { fill: #1f4e79; }
.breach-marker { fill: #c0262d; stroke: #fff; stroke-width: 0.8; }
.exceptional-marker { fill: #f2b600; stroke: #5c4100; stroke-width: 1; }
.vacancy { stroke: #6b7280; stroke-width: 3; stroke-dasharray: 2 3; }
.merged-band { fill: #e9edf2; }
.merged-label { font-size: 11px; fill: #4b5563; font-style: italic; }
.grid { stroke: #d5dae1; stroke-width: 1; }
.lane-rule { stroke: #eceff3; stroke-width: 1; }
.year-label { font-size: 11px; fill: #4b5563; text-anchor: middle; }
.lane-label { font-size: 11px; fill: #374151; text-anchor: end; }
.as-at { stroke: #111827; stroke-width: 1.3; stroke-dasharray: 5 3; }
ul.legend { display: flex; flex-wrap: wrap; gap: 6px 20px; list-style: none; padding: 8px 10px; margin: 10px 0 14px; border: 1px solid #d0d5dc; border-radius: 4px; font-size: 12.5px; }
ul.legend li { display: flex; align-items: center; gap: 6px; max-width: 36em; }
.legend-swatch { flex: none; }
nav.unit-index { display: flex; flex-wrap: wrap; gap: 2px 12px; font-size: 12.5px; margin: 0 0 16px; }
ul.status-key { display: flex; flex-wrap: wrap; gap: 4px 18px; list-style: none; padding: 0; font-size: 12.5px; }
table.compliance td.status, table.compliance th.rule { text-align: center; white-space: nowrap; }
table.compliance td.status { font-size: 14px; }
.status.followed { color: #166534; }
.status.not-followed { color: #b3141c; font-weight: 700; background: #fde8e8; }
.status.pending { color: #1e40af; }
.status.not-reached, .status.not-applicable { color: #6b7280; }
.process-id { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 11.5px; font-weight: 400; }
ul.not-followed li { margin: 3px 0; }
footer { margin-top: 32px; padding-top: 8px; border-top: 1px solid #d0d5dc; color: #4b5563; font-size: 12.5px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
  nav.toc, nav.unit-index { display: none; }
  .report-section { break-before: page; }
  h2, h3 { break-after: avoid; }
  section.unit, figure.chart, tr, ul.legend, dl.figures { break-inside: avoid; }
  thead { display: table-header-group; }
  table { font-size: 9pt; }
}
`);
