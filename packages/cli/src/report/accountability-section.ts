import * as E from 'fp-ts/lib/Either.js';
import { londonBoroughs, type IsoDate, type Partner } from '@borough-command/domain';
import type { Accountability, BoroughCommandViews, CommanderDesignate, CommanderOnDate } from '@borough-command/projections';
import type { UnitAnchors } from './anchors.js';
import { NONE, partnerText, rankLabel, roleLabel } from './format.js';
import { html, type Html } from './html.js';
import { unitLink } from './unit-link.js';

/** What the accountability section needs besides the views. */
export interface AccountabilitySectionInput {
  readonly views: BoroughCommandViews;
  readonly anchors: UnitAnchors;
  readonly asAt: IsoDate;
}

const nobody = html`<span class="none">none recorded</span>`;

const commanderText = (commander: CommanderOnDate, withRole: boolean): Html =>
  html`<div class="commander">${withRole ? html`<span class="sub">${roleLabel(commander.role)}</span>` : ''}${commander.officer.name}${commander.acting ? html` <span class="tag acting">acting</span>` : ''}${commander.interim ? html` <span class="tag interim">interim</span>` : ''}<span class="sub">${rankLabel(commander.officer.rank)}, since ${commander.since}${commander.designate ? `, named ${commander.postingStart} as designate` : ''}</span></div>`;

// RS-4: the commander named for the BCU the borough is to join: shown, but not accountable until it goes live.
const designateText = (designate: CommanderDesignate): Html =>
  html`<div class="commander-designate"><span class="sub">commander-designate of ${designate.bcu} (BCU)</span>${designate.officer.name}${designate.interim ? html` <span class="tag interim">interim</span>` : ''}<span class="sub">named ${designate.namedOn}; not accountable until the BCU goes live</span></div>`;

const partnerList = (partners: readonly Partner[]): Html =>
  partners.length === 0 ? nobody : html`<ul class="partners">${partners.map((partner) => html`<li>${partnerText(partner)}</li>`)}</ul>`;

// AC-1: one borough's answer as at the date.
const boroughRow = (input: AccountabilitySectionInput, answer: Accountability): Html => {
  const { commandUnit, commander, dedicatedSuperintendent, lineManager, appointmentPartners, assessmentPartners, unpartneredAssessment } = answer;
  return html`<tr>
<th scope="row">${answer.borough}</th>
<td>${unitLink(input.anchors, commandUnit.unit)}${commandUnit.merged ? html`<span class="sub">merged BCU</span>` : html`<span class="sub">borough command</span>`}</td>
<td>${commander === null ? nobody : commanderText(commander, commandUnit.merged)}${answer.otherCommanders.map((other) => commanderText(other, true))}${answer.commanderDesignate === null ? '' : designateText(answer.commanderDesignate)}</td>
<td>${dedicatedSuperintendent === null ? (commandUnit.merged ? nobody : html`<span class="none">not merged</span>`) : html`${dedicatedSuperintendent.superintendent.name}<span class="sub">since ${dedicatedSuperintendent.since}</span>`}</td>
<td>${lineManager === null ? nobody : lineManager.name}</td>
<td>${answer.oversightBody ?? NONE}</td>
<td>${appointmentPartners === null ? html`<span class="none">no appointment recorded</span>` : html`${partnerList(appointmentPartners.partners)}<span class="sub">decided ${appointmentPartners.decidedOn}</span>`}</td>
<td>${partnerList(assessmentPartners.partners)}${unpartneredAssessment === null ? '' : html`<span class="flag">PO-4: assessment on ${unpartneredAssessment.on} had no partner</span>`}</td>
</tr>`;
};

const refusedRow = (borough: string, message: string): Html => html`<tr><th scope="row">${borough}</th><td colspan="7">${message}</td></tr>`;

/**
 * AC-1: accountability for each of London's 32 boroughs as at the report's date: command unit,
 * commander and acting or interim status, the commander-designate of a BCU not live yet (RS-4),
 * dedicated superintendent, line manager, oversight body, and the partners in the commander's
 * appointment and assessments.
 */
export const accountabilitySection = (input: AccountabilitySectionInput): Html => {
  const answers = londonBoroughs.map((borough) => ({ borough: borough.name, answer: input.views.accountability.accountabilityOn(borough.name, input.asAt) }));
  const bodies = [...new Set(answers.flatMap(({ answer }) => (E.isRight(answer) && answer.right.oversightBody !== null ? [answer.right.oversightBody] : [])))];
  return html`<section id="accountability" class="report-section">
<h2>Accountability as at ${input.asAt} <span class="rule-ids">AC-1</span></h2>
<p>Who answered for each borough on ${input.asAt}, and to whom. Oversight body on that date: ${bodies.length === 0 ? NONE : bodies.join('; ')}. A borough merged into a live BCU answers through the BCU commander and its dedicated superintendent (RS-5). Partners are those involved in the commander’s appointment (AP-9) and those who contributed to the commander’s assessments up to the date (PO-4).</p>
<table class="accountability">
<thead><tr><th scope="col">Borough</th><th scope="col">Command unit</th><th scope="col">Commander</th><th scope="col">Dedicated superintendent</th><th scope="col">Line manager</th><th scope="col">Oversight body</th><th scope="col">Partners in the appointment</th><th scope="col">Partners in assessments</th></tr></thead>
<tbody>${answers.map(({ borough, answer }) => (E.isRight(answer) ? boroughRow(input, answer.right) : refusedRow(borough, answer.left.message)))}</tbody>
</table>
</section>`;
};
