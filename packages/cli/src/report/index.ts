/**
 * The HTML report: one self-contained page of the views (tenure timelines, continuity,
 * accountability as at a date, appointment compliance) for an auditor to read or print.
 */
export { renderReport, DEFAULT_REPORT_TITLE, type ReportOptions } from './render-report.js';
/** Escapes text for HTML, as the report does with everything that came from events. */
export { escapeHtml } from './html.js';
