import type { IsoDate } from '@borough-command/domain';
import { html, type Html } from './html.js';
import { reportStyle } from './report-style.js';

/**
 * No request may leave the page: no scripts, no fonts, no images other than inline data, no
 * frames, no forms. A script that found its way in would be refused by the browser and reported.
 */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** What the page frame shows around the sections. */
export interface PageFrame {
  readonly title: string;
  readonly asAt: IsoDate;
  readonly generatedAt: string | undefined;
  readonly notes: readonly string[];
  /** Headline figures: label and value. */
  readonly summary: readonly (readonly [string, string])[];
  /** The sections, with their anchors and headings for the contents. */
  readonly sections: readonly { readonly id: string; readonly heading: string; readonly body: Html }[];
}

const notesBox = (notes: readonly string[]): Html =>
  notes.length === 0 ? html`` : html`<aside class="notes" aria-labelledby="notes-heading"><h2 id="notes-heading">Notes</h2><ul>${notes.map((note) => html`<li>${note}</li>`)}</ul></aside>`;

/** The whole page: one self-contained HTML document with its style sheet inline and no script. */
export const page = (frame: PageFrame): Html => html`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${frame.title}</title>
<style>${reportStyle}</style>
</head>
<body>
<header>
<h1>${frame.title}</h1>
<p class="meta">As at ${frame.asAt}${frame.generatedAt === undefined ? '' : html` · generated ${frame.generatedAt}`}</p>
</header>
${notesBox(frame.notes)}
<nav class="toc" aria-label="Contents"><ol>${frame.sections.map((section) => html`<li><a href="#${section.id}">${section.heading}</a></li>`)}</ol></nav>
<dl class="figures summary">${frame.summary.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}</dl>
<main>
${frame.sections.map((section) => section.body)}
</main>
<footer>
<p>Every figure and row is projected from the recorded events by the views named beside each heading (TE-1 tenure, TE-2 continuity, AC-1 accountability, AC-2 appointment compliance); each view can name the events behind it. Dates are calendar dates, year-month-day. A posting runs from its start up to its end date, which is the successor’s first day.</p>
</footer>
</body>
</html>
`;
