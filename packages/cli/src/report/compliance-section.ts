import type { RuleId } from '@borough-command/domain';
import {
  compareText,
  compareUnits,
  type AppointmentCompliance,
  type BoroughCommandViews,
  type ComplianceStatus,
  type RecordedDeparture,
  type RuleCompliance,
} from '@borough-command/projections';
import type { UnitAnchors } from './anchors.js';
import { formatCount, formatRatio, NONE, roleLabel } from './format.js';
import { html, type Html } from './html.js';
import { unitLink } from './unit-link.js';

/** What the compliance section needs besides the views. */
export interface ComplianceSectionInput {
  readonly views: BoroughCommandViews;
  readonly anchors: UnitAnchors;
}

/** The rules AC-2 checks, in order. */
const CHECKED_RULES: readonly RuleId[] = ['AP-2', 'AP-3', 'AP-4', 'AP-5', 'AP-6', 'AP-7', 'AP-8', 'AP-9', 'AP-10'];

const STATUS_MARKS: Readonly<Record<ComplianceStatus, readonly [string, string]>> = {
  followed: ['✓', 'followed'],
  'not-followed': ['✗', 'not followed'],
  pending: ['…', 'pending: the open process has not reached the step'],
  'not-reached': ['–', 'not reached: the process was abandoned first'],
  'not-applicable': ['n/a', 'not applicable (AP-8 before its date)'],
};

const statusCell = (rule: RuleCompliance | undefined): Html => {
  if (rule === undefined) return html`<td class="status">${NONE}</td>`;
  const [mark, words] = STATUS_MARKS[rule.status];
  return html`<td class="status ${rule.status}" title="${rule.rule} ${words}: ${rule.explanation}"><span aria-hidden="true">${mark}</span><span class="visually-hidden">${rule.rule} ${words}: ${rule.explanation}</span></td>`;
};

const compareProcesses = (a: AppointmentCompliance, b: AppointmentCompliance): number => {
  if (a.unit !== null && b.unit !== null) return compareUnits(a.unit, b.unit) || compareText(a.processId, b.processId);
  if (a.unit === null && b.unit === null) return compareText(a.processId, b.processId);
  return a.unit === null ? 1 : -1;
};

// AC-2: one appointment against AP-2..AP-10.
const processRow = (input: ComplianceSectionInput, compliance: AppointmentCompliance): Html => html`<tr class="stage-${compliance.stage}">
<th scope="row" class="process-id">${compliance.processId}</th>
<td>${compliance.unit === null ? NONE : unitLink(input.anchors, compliance.unit)}</td>
<td>${compliance.role === null ? NONE : roleLabel(compliance.role)}</td>
<td>${compliance.stage}</td>
${CHECKED_RULES.map((rule) => statusCell(compliance.rules.find((checked) => checked.rule === rule)))}
<td class="count">${formatCount(compliance.followed.length)} of ${formatCount(CHECKED_RULES.length)}</td>
<td>${compliance.localAuthority.involved ? 'yes' : 'no'}</td>
</tr>`;

const breaches = (appointments: readonly AppointmentCompliance[]): Html => {
  const broken = appointments.flatMap((compliance) =>
    compliance.rules.filter((rule) => rule.status === 'not-followed').map((rule) => ({ processId: compliance.processId, rule })),
  );
  if (broken.length === 0) return html`<p class="empty">No appointment broke any of AP-2 to AP-10.</p>`;
  return html`<h3>Rules not followed: ${formatCount(broken.length)}</h3>
<ul class="not-followed">${broken.map(({ processId, rule }) => html`<li><strong>${rule.rule}</strong> in <span class="process-id">${processId}</span>: ${rule.explanation}</li>`)}</ul>`;
};

// Every departure from a rule that record mode recorded as it happened, appointments and restructure alike.
const recordedDepartures = (departures: readonly RecordedDeparture[]): Html =>
  departures.length === 0
    ? html``
    : html`<h3>Departures recorded as they happened: ${formatCount(departures.length)}</h3>
<ul class="departures">${departures.map((departure) => html`<li><strong>${departure.rule}</strong> on ${departure.at}, ${departure.subject}: ${departure.message}</li>`)}</ul>`;

const statusKey = (): Html =>
  html`<ul class="status-key" aria-label="Key to the statuses">${Object.entries(STATUS_MARKS).map(([status, [mark, words]]) => html`<li><span class="status ${status}">${mark}</span> ${words}</li>`)}</ul>`;

/**
 * AC-2: the London-wide share of decided appointments with local-authority involvement, and each
 * appointment process against AP-2..AP-10 (the explanation of every mark is its tooltip), then
 * every rule not followed with its explanation, and the departures `record` mode recorded.
 */
export const complianceSection = (input: ComplianceSectionInput): Html => {
  const { compliance } = input.views;
  const appointments = compliance
    .processes()
    .flatMap((processId) => {
      const checked = compliance.complianceOf(processId);
      return checked === undefined ? [] : [checked];
    })
    .sort(compareProcesses);
  const share = compliance.localAuthorityShare();
  return html`<section id="compliance" class="report-section">
<h2>Appointment compliance <span class="rule-ids">AC-2</span></h2>
<dl class="figures">
<div><dt>Appointment processes</dt><dd>${formatCount(appointments.length)}</dd></div>
<div><dt>Decided appointments</dt><dd>${formatCount(share.decidedAppointments)}</dd></div>
<div><dt>With local-authority involvement</dt><dd>${share.decidedAppointments === 0 ? NONE : formatRatio(share.withLocalAuthority, share.decidedAppointments, share.share)}</dd></div>
</dl>
<p>Local-authority involvement: the local authority’s chief executive or leader was consulted before the first interview (AP-3) or took part in the discussion of the chosen candidate (AP-7). For context, 63% of Londoners felt the MPS should be most accountable to their borough (seed 000).</p>
${statusKey()}
<table class="compliance">
<thead><tr><th scope="col">Process</th><th scope="col">Command unit</th><th scope="col">Role</th><th scope="col">Stage</th>${CHECKED_RULES.map((rule) => html`<th scope="col" class="rule">${rule}</th>`)}<th scope="col">Followed</th><th scope="col">Local authority</th></tr></thead>
<tbody>${appointments.map((appointment) => processRow(input, appointment))}</tbody>
</table>
${breaches(appointments)}
${recordedDepartures(compliance.departures())}
</section>`;
};
