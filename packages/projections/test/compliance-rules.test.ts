import { describe, expect, it } from 'vitest';
import { createComplianceView, type RuleCompliance } from '../src/index.js';
import { candidates, decision, opening, partners, people, recordProcess, type StepSpec } from './support/appointments.js';
import { d, envelopeLog } from './support/envelopes.js';

const { alice, david } = candidates;
const attached: StepSpec = ['RoleDescriptionAttached', { role: 'borough-commander', version: 1, endorsedOn: d('2010-06-17'), at: d('2012-01-02') }];
const consulted: StepSpec = ['PartnerConsulted', { partner: partners.leader, at: d('2012-01-03') }];
const recorded = (candidate: typeof alice): StepSpec => ['CandidateRecorded', { candidate, route: 'applied', at: d('2012-01-04') }];
const interviewed = (candidateId: string, at = '2012-01-05'): StepSpec => [
  'CandidateInterviewed',
  { candidateId, interviewedBy: people.areaCommander, at: d(at) },
];
const proposed = (candidateId: string, at = '2012-01-06'): StepSpec => [
  'PreferredCandidateProposed',
  { candidateId, proposedBy: people.areaCommander, at: d(at) },
];
const agreed = (candidateId: string, at = '2012-01-07'): StepSpec => ['ProposalAgreed', { candidateId, agreedBy: people.actp, at: d(at) }];
const declined = (candidateId: string, at = '2012-01-07'): StepSpec => [
  'ProposalDeclined',
  { candidateId, declinedBy: people.actp, reason: 'not ready', at: d(at) },
];
const discussed: StepSpec = ['ChosenCandidateDiscussed', { candidateId: 'alice', partners: [partners.leader], at: d('2012-01-08') }];
const committed: StepSpec = ['ThreeYearCommitmentGiven', { candidateId: 'alice', at: d('2012-01-09') }];
const decided = decision('Camden', alice, [partners.leader], d('2012-01-10'));
const reported: StepSpec = ['OutcomeReported', { directorHr: people.directorHr, at: d('2012-01-11') }];

/** How a process of these steps stands against one rule. */
const ruleAfter = (rule: string, steps: readonly StepSpec[]): RuleCompliance | undefined => {
  const log = envelopeLog();
  recordProcess(log, 'p', [opening('Camden', d('2012-01-01')), ...steps]);
  const view = createComplianceView();
  for (const envelope of log.all()) view.apply(envelope);
  return view.complianceOf('p')?.rules.find((entry) => entry.rule === rule);
};

describe('AC-2 rule by rule', () => {
  it('AC-2 AP-2 is not followed when the role description of another role is attached', () => {
    const other: StepSpec = ['RoleDescriptionAttached', { role: 'link-borough-commander', version: 1, endorsedOn: d('2011-01-01'), at: d('2012-01-02') }];
    expect(ruleAfter('AP-2', [other])).toMatchObject({
      status: 'not-followed',
      explanation: 'the link-borough-commander role description was attached to a process for a borough-commander',
    });
    expect(ruleAfter('AP-2', [attached])?.status).toBe('followed');
    expect(ruleAfter('AP-2', [])?.status).toBe('pending');
  });

  it('AC-2 AP-3 counts only consultations before the first interview, and every kind the version in force requires (the local authority, an MP and the MPA link member in January 2012)', () => {
    const late: StepSpec = ['PartnerConsulted', { partner: partners.chiefExecutive, at: d('2012-01-05') }];
    expect(ruleAfter('AP-3', [attached, recorded(alice), interviewed('alice'), late])?.status).toBe('not-followed');
    const mp: StepSpec = ['PartnerConsulted', { partner: { kind: 'mp', name: 'Frank Dobson' }, at: d('2012-01-04') }];
    const linkMember: StepSpec = ['PartnerConsulted', { partner: { kind: 'link-member', name: 'Joanne McCartney' }, at: d('2012-01-04') }];
    expect(ruleAfter('AP-3', [attached, consulted, mp, recorded(alice), interviewed('alice')])).toMatchObject({
      status: 'not-followed',
      explanation: expect.stringContaining("missing: the police authority's link member") as unknown,
    });
    expect(ruleAfter('AP-3', [attached, consulted, mp, linkMember, recorded(alice), interviewed('alice')])?.status).toBe('followed');
  });

  it('AC-2 AP-4 flags an interview of someone who never applied, and a second interview', () => {
    expect(ruleAfter('AP-4', [attached, consulted, interviewed('alice')])).toMatchObject({
      status: 'not-followed',
      explanation: 'alice was interviewed on 2012-01-05 without having applied or been shortlisted',
    });
    expect(ruleAfter('AP-4', [attached, consulted, recorded(alice), interviewed('alice'), interviewed('alice', '2012-01-06')])).toMatchObject({
      status: 'not-followed',
      explanation: 'Alice Adeyemi was interviewed a second time on 2012-01-06',
    });
  });

  it('AC-2 AP-5 flags a proposal while another is pending', () => {
    const steps = [attached, consulted, recorded(alice), recorded(david), interviewed('alice'), interviewed('david'), proposed('alice'), proposed('david')];
    expect(ruleAfter('AP-5', steps)).toMatchObject({
      status: 'not-followed',
      explanation: 'David Doyle was proposed on 2012-01-06 while the proposal of Alice Adeyemi was pending',
    });
    expect(ruleAfter('AP-5', [...steps.slice(0, 7), declined('alice'), proposed('david', '2012-01-08')])?.status).toBe('followed');
  });

  it('AC-2 AP-6 flags an answer about a candidate who was not proposed, and waits on a pending proposal', () => {
    const before = [attached, consulted, recorded(alice), recorded(david), interviewed('alice'), interviewed('david'), proposed('alice')];
    expect(ruleAfter('AP-6', [...before, agreed('david')])).toMatchObject({
      status: 'not-followed',
      explanation: 'the ACTP answered on 2012-01-07 about David Doyle, who was not the candidate proposed',
    });
    expect(ruleAfter('AP-6', before)).toMatchObject({ status: 'pending', explanation: 'the proposal of Alice Adeyemi awaits the ACTP' });
    expect(ruleAfter('AP-6', [...before, agreed('alice')])?.status).toBe('followed');
  });

  it('AC-2 AP-7 needs the discussion after the agreement, not before', () => {
    const early: StepSpec = ['ChosenCandidateDiscussed', { candidateId: 'alice', partners: [partners.leader], at: d('2012-01-06') }];
    const steps = [attached, consulted, recorded(alice), interviewed('alice'), early, proposed('alice', '2012-01-06'), agreed('alice'), committed, decided];
    expect(ruleAfter('AP-7', steps)?.status).toBe('not-followed');
    expect(ruleAfter('AP-7', [attached, consulted, recorded(alice), interviewed('alice'), proposed('alice'), agreed('alice'), discussed])?.status).toBe('followed');
  });

  it('AC-2 AP-8 needs the appointed candidate\'s commitment before a decision from 2009-07-01', () => {
    const steps = [attached, consulted, recorded(alice), interviewed('alice'), proposed('alice'), agreed('alice'), discussed];
    expect(ruleAfter('AP-8', [...steps, decided])).toMatchObject({
      status: 'not-followed',
      explanation: 'Alice Adeyemi was appointed on 2012-01-10 without committing to serve three years',
    });
    expect(ruleAfter('AP-8', [...steps, committed, decided])?.status).toBe('followed');
  });

  it('AC-2 AP-9 needs a decision informed by at least one partner', () => {
    const steps = [attached, consulted, recorded(alice), interviewed('alice'), proposed('alice'), agreed('alice'), discussed, committed];
    expect(ruleAfter('AP-9', [...steps, decision('Camden', alice, [], d('2012-01-10'))])?.status).toBe('not-followed');
    expect(ruleAfter('AP-9', [...steps, decided])?.status).toBe('followed');
    expect(ruleAfter('AP-9', steps)?.status).toBe('pending');
  });

  it('AC-2 AP-10 needs the report after the decision', () => {
    const steps = [attached, consulted, recorded(alice), interviewed('alice'), proposed('alice'), agreed('alice'), discussed, committed];
    expect(ruleAfter('AP-10', [...steps, reported])).toMatchObject({ status: 'not-followed', explanation: 'an outcome was reported on 2012-01-11 before any final decision' });
    expect(ruleAfter('AP-10', [...steps, decided])).toMatchObject({
      status: 'pending',
      explanation: 'the decision of 2012-01-10 has not been reported to the Director HR',
    });
    expect(ruleAfter('AP-10', [...steps, decided, reported])?.status).toBe('followed');
  });
});
