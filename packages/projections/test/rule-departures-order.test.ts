/**
 * `record` mode for the rules of the order of things, through the domain service and the views:
 * two substantive commanders in post at once (PO-1), a late assessment (PO-5), proposals out of
 * turn (AP-5, AP-6) and an abandonment after the decision (AP-11) are recorded with their
 * departures, which AC-2 lists; AC-1 names the later-started commander while both are in post.
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { isoDate, policyWith, type DomainCommand, type Officer } from '@borough-command/domain';
import { rebuildViews } from '../src/index.js';
import { runCommandsUnder } from './support/run-commands.js';

const camden = { kind: 'borough', name: 'Camden' } as const;
const dana: Officer = { id: 'officer-dana', name: 'Dana Whitfield', rank: 'chief-superintendent' };
const ed: Officer = { id: 'officer-ed', name: 'Ed Okafor', rank: 'chief-superintendent' };


const record = policyWith({ enforcement: 'record' });
const enforce = policyWith({ enforcement: 'enforce' });

describe('record mode for one commander at a time (PO-1) and ended postings (PO-5), through the views', () => {
  // Ed took command of Camden before Dana's posting was recorded as ended; a PDR of Dana's came after she left.
  const commands: readonly DomainCommand[] = [
    { type: 'StartPosting', commandId: 'dana starts', at: isoDate('2013-05-01'), unit: camden, postingId: 'camden-dana', role: 'borough-commander', officer: dana, acting: false },
    { type: 'StartPosting', commandId: 'ed starts', at: isoDate('2016-06-20'), unit: camden, postingId: 'camden-ed', role: 'borough-commander', officer: ed, acting: false },
    { type: 'EndPosting', commandId: 'dana leaves', at: isoDate('2016-09-30'), unit: camden, postingId: 'camden-dana', reason: 'retirement', approvedBy: 'AC Territorial Policing' },
    { type: 'AssessPerformance', commandId: 'dana pdr', at: isoDate('2016-11-01'), unit: camden, postingId: 'camden-dana', assessedBy: 'Commander North', partners: [] },
  ];

  it('PO-1 PO-5 enforce mode refuses the second commander in post', async () => {
    expect((await runCommandsUnder(enforce, commands)).refused).toBe('ed starts PO-1 UnitAlreadyCommanded');
  });

  it('PO-1 PO-5 record mode records both with their departures; AC-1 names the later-started commander while both are in post, TE-1 shows both; AC-2 lists the departures', async () => {
    const { store, refused } = await runCommandsUnder(record, commands);
    expect(refused).toBeUndefined();
    const rebuilt = await rebuildViews(store, { policy: record })();
    if (E.isLeft(rebuilt)) return expect.fail(JSON.stringify(rebuilt.left));
    const views = rebuilt.right;
    expect(views.compliance.departures().map((departure) => `${departure.rule} ${departure.departure} ${departure.subject} ${departure.at}`)).toEqual([
      'PO-1 UnitAlreadyCommanded posting camden-ed 2016-06-20',
      'PO-5 PostingAlreadyEnded posting camden-dana 2016-11-01',
    ]);
    const on = (date: string) => {
      const answer = views.accountability.accountabilityOn('Camden', isoDate(date));
      return E.isRight(answer) ? answer.right.commander?.officer.id : `refused: ${JSON.stringify(answer.left)}`;
    };
    expect([on('2016-06-19'), on('2016-07-01'), on('2016-10-01')]).toEqual([dana.id, ed.id, ed.id]);
    expect(views.tenure.postingsOn(camden, isoDate('2016-07-01')).map((posting) => posting.officer.id).sort()).toEqual([dana.id, ed.id]);
  });
});

describe('record mode for the order of an appointment (AP-5, AP-6, AP-11), through the views', () => {
  const base = { processId: 'camden-2013' };
  const alice: Officer = { id: 'officer-alice', name: 'Alice Mensah', rank: 'chief-superintendent' };
  const commands: readonly DomainCommand[] = [
    { type: 'OpenAppointmentProcess', commandId: 'open', at: isoDate('2013-03-01'), ...base, unit: camden, role: 'borough-commander', areaCommander: 'Cdr Area North' },
    { type: 'AttachRoleDescription', commandId: 'attach', at: isoDate('2013-03-02'), ...base, version: 1 },
    { type: 'ConsultPartner', commandId: 'consult leader', at: isoDate('2013-03-05'), ...base, partner: { kind: 'local-authority-leader', name: 'Camden leader' } },
    { type: 'ConsultPartner', commandId: 'consult mp', at: isoDate('2013-03-05'), ...base, partner: { kind: 'mp', name: 'Camden MP' } },
    { type: 'ConsultPartner', commandId: 'consult link member', at: isoDate('2013-03-05'), ...base, partner: { kind: 'link-member', name: 'Camden link member' } },
    { type: 'RecordCandidate', commandId: 'dana applies', at: isoDate('2013-03-10'), ...base, candidate: dana, route: 'applied' },
    { type: 'RecordCandidate', commandId: 'alice applies', at: isoDate('2013-03-10'), ...base, candidate: alice, route: 'applied' },
    { type: 'InterviewCandidate', commandId: 'interview dana', at: isoDate('2013-03-20'), ...base, candidateId: dana.id },
    { type: 'ProposePreferredCandidate', commandId: 'propose dana', at: isoDate('2013-03-21'), ...base, candidateId: dana.id },
    { type: 'DeclineProposal', commandId: 'decline dana', at: isoDate('2013-03-22'), ...base, actp: 'AC Territorial Policing', reason: 'not yet' },
    // AP-5: Alice was never interviewed; AP-6: Dana was declined and is proposed again.
    { type: 'ProposePreferredCandidate', commandId: 'propose alice', at: isoDate('2013-03-25'), ...base, candidateId: alice.id },
    { type: 'ProposePreferredCandidate', commandId: 'propose dana again', at: isoDate('2013-03-26'), ...base, candidateId: dana.id },
    { type: 'AgreeProposal', commandId: 'agree', at: isoDate('2013-03-27'), ...base, actp: 'AC Territorial Policing' },
    { type: 'DiscussChosenCandidate', commandId: 'discuss', at: isoDate('2013-03-28'), ...base, partners: [{ kind: 'local-authority-leader', name: 'Camden leader' }] },
    { type: 'RecordThreeYearCommitment', commandId: 'commit', at: isoDate('2013-03-29'), ...base, candidateId: dana.id },
    { type: 'TakeFinalDecision', commandId: 'decide', at: isoDate('2013-04-02'), ...base, policeAuthorityDecisionBy: 'MOPAC', mpsDecisionBy: 'AC Territorial Policing', startDate: isoDate('2013-05-01') },
    // AP-11: abandoned after the decision.
    { type: 'AbandonAppointmentProcess', commandId: 'abandon', at: isoDate('2013-04-20'), ...base, reason: 'the appointee withdrew' },
  ];

  it('AP-5 AP-6 AP-11 enforce mode refuses the first proposal out of turn', async () => {
    expect((await runCommandsUnder(enforce, commands)).refused).toBe('propose alice AP-5 CandidateNotInterviewed');
  });

  it('AP-5 AP-6 AP-11 record mode records every step with its departure; AC-2 lists them and judges AP-5 and AP-6 not followed', async () => {
    const { store, refused } = await runCommandsUnder(record, commands);
    expect(refused).toBeUndefined();
    const rebuilt = await rebuildViews(store, { policy: record })();
    if (E.isLeft(rebuilt)) return expect.fail(JSON.stringify(rebuilt.left));
    const departures = rebuilt.right.compliance.departures().filter((departure) => departure.subject === 'appointment camden-2013');
    expect(departures.map((departure) => `${departure.rule} ${departure.departure}`)).toEqual([
      'AP-5 CandidateNotInterviewed',
      'AP-5 ProposalAlreadyPending',
      'AP-6 CandidateAlreadyDeclined',
      'AP-11 TooLateToAbandon',
    ]);
    const compliance = rebuilt.right.compliance.complianceOf('camden-2013');
    const status = (rule: string) => compliance?.rules.find((item) => item.rule === rule)?.status;
    expect([status('AP-5'), status('AP-6')]).toEqual(['not-followed', 'not-followed']);
  });
});
