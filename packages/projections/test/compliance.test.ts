import { describe, expect, it } from 'vitest';
import { policyChangedFrom, policyWith } from '@borough-command/domain';
import { createComplianceView, createPolicyView, type ComplianceView, type DomainEnvelope } from '../src/index.js';
import { candidates, compliantProcess, decision, opening, partners, people, recordProcess } from './support/appointments.js';
import { d, envelopeLog } from './support/envelopes.js';

const ref = (envelope: DomainEnvelope | undefined) => ({
  eventId: envelope?.metadata.eventId,
  position: envelope?.position,
  stream: envelope?.stream,
  revision: envelope?.revision,
});

const viewOf = (envelopes: readonly DomainEnvelope[], view: ComplianceView = createComplianceView()): ComplianceView => {
  for (const envelope of envelopes) view.apply(envelope);
  return view;
};

const statuses = (view: ComplianceView, processId: string) =>
  view.complianceOf(processId)?.rules.map((rule) => [rule.rule, rule.status]);

/** Islington: the MP consulted but not the council before the interview, then abandoned. */
const islington = (log: ReturnType<typeof envelopeLog>) =>
  recordProcess(log, 'islington-2012', [
    opening('Islington', d('2012-05-01')),
    ['RoleDescriptionAttached', { role: 'borough-commander', version: 1, endorsedOn: d('2010-06-17'), at: d('2012-05-01') }],
    ['PartnerConsulted', { partner: partners.mp, at: d('2012-05-02') }],
    ['CandidateRecorded', { candidate: candidates.david, route: 'applied', at: d('2012-05-03') }],
    ['CandidateInterviewed', { candidateId: 'david', interviewedBy: people.areaCommander, at: d('2012-05-10') }],
    ['AppointmentProcessAbandoned', { reason: 'the borough joins a BCU', at: d('2012-05-20') }],
  ]);

/** Hackney 2009: decided before the three-year commitment applied, with no role description and no report yet. */
const hackney = (log: ReturnType<typeof envelopeLog>) =>
  recordProcess(log, 'hackney-2009', [
    opening('Hackney', d('2009-03-01')),
    ['CandidateRecorded', { candidate: candidates.alice, route: 'shortlisted', at: d('2009-03-02') }],
    ['CandidateInterviewed', { candidateId: 'alice', interviewedBy: people.areaCommander, at: d('2009-03-10') }],
    ['PartnerConsulted', { partner: partners.chiefExecutive, at: d('2009-03-11') }],
    ['PreferredCandidateProposed', { candidateId: 'alice', proposedBy: people.areaCommander, at: d('2009-03-12') }],
    ['ProposalAgreed', { candidateId: 'alice', agreedBy: people.actp, at: d('2009-03-13') }],
    ['ChosenCandidateDiscussed', { candidateId: 'alice', partners: [partners.chiefExecutive], at: d('2009-03-14') }],
    decision('Hackney', candidates.alice, [partners.chiefExecutive], d('2009-05-01')),
  ]);

/** Tower Hamlets 2011: agreed and decided with no discussion, no commitment and no partner. */
const towerHamlets = (log: ReturnType<typeof envelopeLog>) =>
  recordProcess(log, 'tower-hamlets-2011', [
    opening('Tower Hamlets', d('2011-01-03')),
    ['RoleDescriptionAttached', { role: 'borough-commander', version: 1, endorsedOn: d('2010-06-17'), at: d('2011-01-03') }],
    ['CandidateRecorded', { candidate: candidates.david, route: 'applied', at: d('2011-01-04') }],
    ['PreferredCandidateProposed', { candidateId: 'david', proposedBy: people.areaCommander, at: d('2011-01-05') }],
    ['ProposalAgreed', { candidateId: 'david', agreedBy: people.actp, at: d('2011-01-06') }],
    decision('Tower Hamlets', candidates.david, [], d('2011-01-07')),
    ['OutcomeReported', { directorHr: people.directorHr, at: d('2011-01-08') }],
  ]);

describe('AC-2 appointment compliance', () => {
  it('AC-2 shows every rule from AP-2 to AP-10 followed, in order, for a process by the book', () => {
    const log = envelopeLog();
    const steps = compliantProcess(log);
    const view = viewOf(log.all());
    const compliance = view.complianceOf('camden-2012');
    expect(compliance?.stage).toBe('completed');
    expect(compliance?.unit).toEqual({ kind: 'borough', name: 'Camden' });
    expect(statuses(view, 'camden-2012')).toEqual([
      ['AP-2', 'followed'],
      ['AP-3', 'followed'],
      ['AP-4', 'followed'],
      ['AP-5', 'followed'],
      ['AP-6', 'followed'],
      ['AP-7', 'followed'],
      ['AP-8', 'followed'],
      ['AP-9', 'followed'],
      ['AP-10', 'followed'],
    ]);
    expect(compliance?.followed).toEqual(['AP-2', 'AP-3', 'AP-4', 'AP-5', 'AP-6', 'AP-7', 'AP-8', 'AP-9', 'AP-10']);
    const rule = (id: string) => compliance?.rules.find((entry) => entry.rule === id);
    expect(rule('AP-2')?.evidence).toEqual([ref(steps.attached), ref(steps.interviewAlice)]);
    expect(rule('AP-3')?.evidence).toEqual([ref(steps.leader), ref(steps.mp), ref(steps.interviewAlice)]);
    expect(rule('AP-3')?.explanation).toContain('Sarah Hayward (local authority leader) on 2012-02-10');
    expect(rule('AP-3')?.explanation).toContain('kinds consulted: the local authority (chief executive or leader), an MP; missing: none');
    expect(rule('AP-6')?.evidence).toEqual([steps.proposeDavid, steps.declineDavid, steps.proposeAlice, steps.agreeAlice].map(ref));
    expect(rule('AP-6')?.explanation).toContain('Ian McPherson declined David Doyle on 2012-03-08 (needs more experience of partnership working)');
    expect(rule('AP-7')?.evidence).toEqual([steps.agreeAlice, steps.discussed, steps.confirmed].map(ref));
    expect(rule('AP-8')?.evidence).toEqual([steps.committed, steps.confirmed].map(ref));
    expect(rule('AP-9')?.explanation).toBe(
      'Kit Malthouse (police authority) and Bernard Hogan-Howe (MPS) appointed Alice Adeyemi on 2012-03-20, informed by Sarah Hayward (local authority leader), Frank Dobson (mp)',
    );
    expect(rule('AP-10')?.evidence).toEqual([steps.confirmed, steps.reported].map(ref));
  });

  it('AC-2 says AP-3 was not followed when the first interview came before any local authority consultation, and the rest was not reached once abandoned', () => {
    const log = envelopeLog();
    const [, , , , interview, abandoned] = islington(log);
    const view = viewOf(log.all());
    expect(statuses(view, 'islington-2012')).toEqual([
      ['AP-2', 'followed'],
      ['AP-3', 'not-followed'],
      ['AP-4', 'followed'],
      ['AP-5', 'not-reached'],
      ['AP-6', 'not-reached'],
      ['AP-7', 'not-reached'],
      ['AP-8', 'not-reached'],
      ['AP-9', 'not-reached'],
      ['AP-10', 'not-reached'],
    ]);
    const compliance = view.complianceOf('islington-2012');
    const ap3 = compliance?.rules[1];
    expect(ap3?.explanation).toBe(
      "the first interview took place on 2012-05-10 before every kind of partner required was consulted (kinds consulted: an MP; missing: the local authority (chief executive or leader), under policy version 'london-2012-01-16' in force on the date (the events name none))",
    );
    expect(ap3?.evidence.at(-1)).toEqual(ref(interview));
    expect(compliance?.rules[4]?.evidence.at(-1)).toEqual(ref(abandoned));
    expect(compliance?.stage).toBe('abandoned');
  });

  it('AC-2 leaves AP-2 not applicable before any description was endorsed (2010-06-17) and AP-8 before 2009-07-01, and flags the missing report', () => {
    const log = envelopeLog();
    hackney(log);
    const view = viewOf(log.all());
    expect(statuses(view, 'hackney-2009')).toEqual([
      ['AP-2', 'not-applicable'],
      ['AP-3', 'not-followed'],
      ['AP-4', 'followed'],
      ['AP-5', 'followed'],
      ['AP-6', 'followed'],
      ['AP-7', 'followed'],
      ['AP-8', 'not-applicable'],
      ['AP-9', 'followed'],
      ['AP-10', 'pending'],
    ]);
    expect(view.complianceOf('hackney-2009')?.rules[0]?.explanation).toContain(
      'no description of the borough-commander role had been endorsed by the first interview on 2009-',
    );
    expect(view.complianceOf('hackney-2009')?.rules[0]?.explanation).toContain('(the first was endorsed on 2010-06-17)');
    expect(view.complianceOf('hackney-2009')?.rules[6]?.explanation).toBe(
      "the decision was taken on 2009-05-01 under policy version 'london-1800' in force on the date (the events name none), which does not require the commitment",
    );
  });

  it('AC-2 judges AP-8 of a decision that names no policy version by the version in force on its date in the base policy', () => {
    const log = envelopeLog();
    hackney(log);
    const fromJanuary = policyChangedFrom(policyWith({ commitmentRequired: false }), d('2009-01-01'), { commitmentRequired: true }, 'from-2009-01-01');
    const view = viewOf(log.all(), createComplianceView(createPolicyView(fromJanuary)));
    expect(view.complianceOf('hackney-2009')?.rules[6]?.status).toBe('not-followed');
  });

  it('AC-2 flags a decision without consultation, interview, discussion, commitment or partners', () => {
    const log = envelopeLog();
    towerHamlets(log);
    const view = viewOf(log.all());
    expect(statuses(view, 'tower-hamlets-2011')).toEqual([
      ['AP-2', 'followed'],
      ['AP-3', 'not-followed'],
      ['AP-4', 'not-followed'],
      ['AP-5', 'not-followed'],
      ['AP-6', 'followed'],
      ['AP-7', 'not-followed'],
      ['AP-8', 'not-followed'],
      ['AP-9', 'not-followed'],
      ['AP-10', 'followed'],
    ]);
    const rules = view.complianceOf('tower-hamlets-2011')?.rules;
    expect(rules?.[1]?.explanation).toBe(
      "not every kind of partner required had been consulted (kinds consulted: none; missing: the local authority (chief executive or leader), an MP, the police authority's link member, under policy version 'london-2010-06-17' in force on the date (the events name none)) by the final decision on 2011-01-07",
    );
    expect(rules?.[2]?.explanation).toBe('no candidate had been interviewed by the final decision on 2011-01-07');
    expect(rules?.[3]?.explanation).toBe('David Doyle was proposed on 2011-01-05 without an interview');
    expect(rules?.[7]?.explanation).toBe('the decision on 2011-01-07 to appoint David Doyle was not informed by any partner');
  });

  it('AC-2 gives the London-wide share of decided appointments with local-authority involvement', () => {
    const log = envelopeLog();
    const camden = compliantProcess(log);
    islington(log);
    const hackneySteps = hackney(log);
    towerHamlets(log);
    const share = viewOf(log.all()).localAuthorityShare();
    // Camden (council leader consulted), Hackney (chief executive consulted late and in the discussion), Tower Hamlets (nobody);
    // Islington was abandoned, so never decided.
    expect(share).toMatchObject({ decidedAppointments: 3, withLocalAuthority: 2 });
    expect(share.share).toBeCloseTo(2 / 3, 10);
    expect(share.appointments.map((appointment) => [appointment.processId, appointment.involved])).toEqual([
      ['camden-2012', true],
      ['hackney-2009', true],
      ['tower-hamlets-2011', false],
    ]);
    expect(share.appointments[0]?.sources).toEqual([camden.confirmed, camden.leader, camden.discussed].map(ref));
    expect(share.appointments[1]?.sources).toEqual([hackneySteps[7], hackneySteps[3], hackneySteps[6]].map(ref));
  });

  it('AC-2 knows nothing of a process it never saw', () => {
    expect(createComplianceView().complianceOf('nowhere')).toBeUndefined();
    expect(createComplianceView().localAuthorityShare()).toEqual({ decidedAppointments: 0, withLocalAuthority: 0, share: null, appointments: [] });
  });
});
