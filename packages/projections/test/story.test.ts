import * as E from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createBoroughCommand,
  domainEventRegistry,
  isoDate,
  policyWith,
  type DomainCommand,
  type DomainEvent,
  type Officer,
  type Partner,
} from '@borough-command/domain';
import { createInMemoryStore, type EventStore } from '@borough-command/domain/eventsourcing';
import { rebuildViews, type BoroughCommandViews } from '../src/index.js';

/**
 * A whole story through the domain service, checked against facts worked out by hand:
 * Camden appoints Alice Adeyemi in 2012 (AP-1..AP-10); the appointment starts her posting (AP-12);
 * she is assessed with the council's chief executive (PO-4); she leaves early for promotion in
 * `record` mode (PO-3: a breach); Harjit Gill covers as acting commander; Islington has Ben Baker;
 * Chloe Chowdhury is named interim commander-designate of the pathfinder BCU Central North on
 * 2016-10-01 (RS-4); Camden and Islington go live as Central North on 2017-01-16, which ends both
 * borough postings (PO-6) and puts Chloe in command (RS-4).
 */
const alice: Officer = { id: 'alice', name: 'Alice Adeyemi', rank: 'chief-superintendent' };
const ben: Officer = { id: 'ben', name: 'Ben Baker', rank: 'chief-superintendent' };
const chloe: Officer = { id: 'chloe', name: 'Chloe Chowdhury', rank: 'chief-superintendent' };
const harjit: Officer = { id: 'harjit', name: 'Harjit Gill', rank: 'superintendent' };
const superintendent = (id: string, name: string): Officer => ({ id, name, rank: 'superintendent' });
const femi = superintendent('femi', 'Femi Fraser');
const grace = superintendent('grace', 'Grace Okafor');
const leader: Partner = { kind: 'local-authority-leader', name: 'Sarah Hayward' };
const mp: Partner = { kind: 'mp', name: 'Frank Dobson' };
const chiefExecutive: Partner = { kind: 'local-authority-chief-executive', name: 'Mike Cooke' };
const camden = { kind: 'borough', name: 'Camden' } as const;
const islington = { kind: 'borough', name: 'Islington' } as const;
const centralNorth = { kind: 'bcu', name: 'Central North' } as const;
const processId = 'camden-2012';
const restructureId = 'met';
const d = isoDate;

let commandCount = 0;
const tell = async (service: ReturnType<typeof createBoroughCommand>, actor: string, command: Record<string, unknown>): Promise<void> => {
  commandCount += 1;
  const result = await service.execute({ ...command, commandId: `story-${String(commandCount)}` } as DomainCommand, { actor })();
  if (E.isLeft(result)) throw new Error(`${String(command['type'])} was refused: ${JSON.stringify(result.left, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))}`);
  if (result.right.failedReactions.length > 0) throw new Error(`${String(command['type'])} had a failed reaction`);
};

const tellStory = async (store: EventStore<DomainEvent>): Promise<void> => {
  const service = createBoroughCommand({ store, policy: policyWith({ enforcement: 'record' }), clock: () => new Date('2024-01-01T00:00:00.000Z') });
  const step = (actor: string, command: Record<string, unknown>) => tell(service, actor, command);
  await step('grey', { type: 'OpenAppointmentProcess', processId, at: d('2012-02-01'), unit: camden, role: 'borough-commander', areaCommander: 'Area Commander Grey' });
  await step('grey', { type: 'AttachRoleDescription', processId, at: d('2012-02-02'), version: 1 });
  await step('grey', { type: 'ConsultPartner', processId, at: d('2012-02-10'), partner: leader });
  await step('grey', { type: 'ConsultPartner', processId, at: d('2012-02-11'), partner: mp });
  await step('grey', { type: 'RecordCandidate', processId, at: d('2012-02-15'), candidate: alice, route: 'applied' });
  await step('grey', { type: 'InterviewCandidate', processId, at: d('2012-03-01'), candidateId: 'alice' });
  await step('grey', { type: 'ProposePreferredCandidate', processId, at: d('2012-03-05'), candidateId: 'alice' });
  await step('mcpherson', { type: 'AgreeProposal', processId, at: d('2012-03-08'), actp: 'Ian McPherson' });
  await step('grey', { type: 'DiscussChosenCandidate', processId, at: d('2012-03-12'), partners: [leader, chiefExecutive] });
  await step('grey', { type: 'RecordThreeYearCommitment', processId, at: d('2012-03-13'), candidateId: 'alice' });
  await step('mopac', {
    type: 'TakeFinalDecision',
    processId,
    at: d('2012-03-20'),
    policeAuthorityDecisionBy: 'Kit Malthouse',
    mpsDecisionBy: 'Bernard Hogan-Howe',
    startDate: d('2012-04-02'),
  });
  await step('hr', { type: 'ReportOutcome', processId, at: d('2012-03-22'), directorHr: 'Martin Tiplady' });
  await step('grey', { type: 'AssessPerformance', at: d('2012-10-01'), unit: camden, postingId: processId, assessedBy: 'Area Commander Grey', partners: [chiefExecutive] });
  await step('grey', { type: 'EndPosting', at: d('2013-06-30'), unit: camden, postingId: processId, reason: 'promotion' });
  await step('grey', { type: 'StartPosting', at: d('2013-07-01'), unit: camden, postingId: 'camden-acting', role: 'borough-commander', officer: harjit, acting: true, lineManager: 'Area Commander Grey' });
  await step('grey', { type: 'StartPosting', at: d('2014-05-01'), unit: islington, postingId: 'islington-2014', role: 'borough-commander', officer: ben, acting: false, lineManager: 'Area Commander Grey' });

  const at = d('2016-10-01');
  const bcu = 'Central North';
  await step('met', { type: 'StartRestructureProgramme', restructureId, at, programmeId: 'pathfinder', stage: 'pathfinder', name: 'Pathfinder BCUs' });
  await step('met', { type: 'ProposeBcu', restructureId, at, programmeId: 'pathfinder', bcu, boroughs: ['Camden', 'Islington'] });
  for (const borough of ['Camden', 'Islington']) {
    await step('met', { type: 'RecordBcuConsultation', restructureId, at, bcu, consultee: 'local-authority-leader', name: `Leader of ${borough}`, borough });
    await step('met', { type: 'RecordBcuConsultation', restructureId, at, bcu, consultee: 'local-authority-chief-executive', name: `Chief executive of ${borough}`, borough });
    await step('met', { type: 'AllocateDedicatedWardOfficers', restructureId, at, borough, officersPerWard: 2 });
    await step('met', { type: 'RegisterTwentyFourHourStation', restructureId, at, borough, station: `${borough} police station` });
  }
  await step('met', { type: 'RecordBcuConsultation', restructureId, at, bcu, consultee: 'mopac', name: 'MOPAC' });
  await step('met', { type: 'AppointBcuCommander', restructureId, at, bcu, officer: chloe, interim: true });
  await step('met', { type: 'AssignSuperintendent', restructureId, at, bcu, superintendent: femi, leads: 'neighbourhoods', dedicatedTo: 'Camden' });
  await step('met', { type: 'AssignSuperintendent', restructureId, at, bcu, superintendent: grace, leads: 'response', dedicatedTo: 'Islington' });
  await step('met', { type: 'AssignSuperintendent', restructureId, at, bcu, superintendent: superintendent('james', 'James Jones'), leads: 'investigation' });
  await step('met', { type: 'AssignSuperintendent', restructureId, at, bcu, superintendent: superintendent('kemi', 'Kemi Khan'), leads: 'protecting-vulnerable-people' });
  await step('met', { type: 'TakeBcuLive', restructureId, at: d('2017-01-16'), bcu });
};

let views: BoroughCommandViews;

beforeAll(async () => {
  const store = createInMemoryStore(domainEventRegistry);
  await tellStory(store);
  const rebuilt = await rebuildViews(store, { policy: policyWith({ enforcement: 'record' }) })();
  if (E.isLeft(rebuilt)) throw new Error(rebuilt.left.message);
  views = rebuilt.right;
});

const asAt = (borough: string, date: string) => {
  const answer = views.accountability.accountabilityOn(borough, d(date));
  if (E.isLeft(answer)) throw new Error(answer.left.message);
  return answer.right;
};

describe('a whole story through the domain service', () => {
  it('TE-1 Camden: Alice 454 days and a breach, a day of vacancy, Harjit acting, then merged into Central North', () => {
    const tenure = views.tenure.tenureOf(camden);
    expect(tenure.postings.map((posting) => [posting.postingId, posting.officer.name, posting.acting, posting.start, posting.end, posting.daysServed, posting.minimumTerm, posting.endReason, posting.breached])).toEqual([
      // 2012-04-02 to 2013-04-02 is 365 days, then 89 to 2013-06-30.
      ['camden-2012', 'Alice Adeyemi', false, '2012-04-02', '2013-06-30', 454, 'not-met', 'promotion', true],
      // Ended by the BCU going live (PO-6).
      ['camden-acting', 'Harjit Gill', true, '2013-07-01', '2017-01-16', 1295, 'not-applicable', 'organisational-restructure', false],
    ]);
    expect(tenure.postings[0]?.lineManager).toBe('Area Commander Grey');
    expect(tenure.postings[0]?.appointmentProcessId).toBe(processId);
    expect(tenure.periods.map((period) => [period.kind, period.from, period.until, period.actingOfficer?.name ?? period.bcu])).toEqual([
      ['vacancy', '2013-06-30', '2013-07-01', null],
      ['acting', '2013-07-01', '2017-01-16', 'Harjit Gill'],
      ['merged', '2017-01-16', null, 'Central North'],
    ]);
    const islingtonTenure = views.tenure.tenureOf(islington);
    expect(islingtonTenure.postings.map((posting) => [posting.officer.name, posting.daysServed, posting.minimumTerm, posting.exceptional])).toEqual([
      ['Ben Baker', 991, 'not-met', true],
    ]);
    // RS-4: Chloe was named interim commander-designate on 2016-10-01 and took command at go-live;
    // an interim posting has no minimum term.
    const centralNorthTenure = views.tenure.tenureOf(centralNorth);
    expect(
      centralNorthTenure.postings.map((posting) => [
        posting.officer.name,
        posting.role,
        posting.start,
        posting.designate,
        posting.commandFrom,
        posting.interim,
        posting.end,
        posting.minimumTermEnd,
        posting.minimumTerm,
      ]),
    ).toEqual([['Chloe Chowdhury', 'bcu-commander', '2016-10-01', true, '2017-01-16', true, null, null, 'not-applicable']]);
    expect(centralNorthTenure.postings[0]?.sources.map((source) => source.stream)).toEqual(['posting-bcu-central-north', 'posting-bcu-central-north']);
    expect(centralNorthTenure.periods).toEqual([]);
  });

  it('TE-2 London: two ended substantive postings (454 and 991 days), neither met the minimum, one a breach', () => {
    const london = views.continuity.londonWide();
    expect(london.endedSubstantivePostings).toBe(2);
    expect(london.meanTenureDays).toBe((454 + 991) / 2);
    expect(london.medianTenureDays).toBe((454 + 991) / 2);
    expect(london.minimumTerm).toMatchObject({ applicable: 2, met: 0, share: 0 });
    expect(london.earlyDepartures.withExceptionalReason.map((departure) => [departure.officer.name, departure.reason])).toEqual([['Ben Baker', 'organisational-restructure']]);
    // 2013-06-30 to the third anniversary, 2015-04-02: 641 days short.
    expect(london.earlyDepartures.withoutExceptionalReason.map((departure) => [departure.officer.name, departure.reason, departure.daysShort, departure.sources.length])).toEqual([
      ['Alice Adeyemi', 'promotion', 641, 2],
    ]);
  });

  it('TE-3 careers: one posting each for Alice, Harjit, Ben and Chloe', () => {
    expect(views.careers.officers().map((officer) => officer.id)).toEqual(['alice', 'ben', 'chloe', 'harjit']);
    expect(views.careers.careerOf('alice')?.postings.map((posting) => [posting.unit.name, posting.start, posting.end])).toEqual([['Camden', '2012-04-02', '2013-06-30']]);
    expect(views.careers.careerOf('chloe')?.postings.map((posting) => [posting.unit.name, posting.role])).toEqual([['Central North', 'bcu-commander']]);
  });

  it('AC-1 Camden as at five dates: Alice under MOPAC, assessed with the chief executive, Harjit acting (Chloe designate), then Central North', () => {
    const june2012 = asAt('Camden', '2012-06-01');
    expect(june2012.commander).toMatchObject({ officer: alice, acting: false });
    expect(june2012.lineManager?.name).toBe('Area Commander Grey');
    expect(june2012.oversightBody).toBe("Mayor's Office for Policing and Crime (MOPAC)");
    // Consulted first (the leader, the MP), then the chief executive from the discussion.
    expect(june2012.appointmentPartners?.partners).toEqual([leader, mp, chiefExecutive]);
    expect(june2012.assessmentPartners.partners).toEqual([]);
    expect(asAt('Camden', '2012-12-01').assessmentPartners.partners).toEqual([chiefExecutive]);
    expect(asAt('Camden', '2013-06-30').commander).toBeNull();
    const acting = asAt('Camden', '2013-07-01');
    expect(acting.commander).toMatchObject({ officer: harjit, acting: true });
    expect(acting.appointmentPartners).toBeNull();
    // RS-4: named, not yet accountable: Harjit still answers for Camden, Chloe is the commander-designate.
    const designated = asAt('Camden', '2016-12-01');
    expect(designated.commander).toMatchObject({ officer: harjit, acting: true });
    expect(designated.commanderDesignate).toMatchObject({ officer: chloe, bcu: 'Central North', interim: true, namedOn: '2016-10-01' });
    const merged = asAt('Camden', '2017-01-16');
    expect(merged.commandUnit.unit).toEqual(centralNorth);
    expect(merged.commander).toMatchObject({ officer: chloe, role: 'bcu-commander', acting: false, interim: true, designate: true, postingStart: '2016-10-01', since: '2017-01-16' });
    expect(merged.commanderDesignate).toBeNull();
    expect(merged.dedicatedSuperintendent?.superintendent).toEqual(femi);
    expect(merged.lineManager).toBeNull();
    expect(asAt('Islington', '2017-02-01').dedicatedSuperintendent?.superintendent).toEqual(grace);
    expect(asAt('Islington', '2017-01-15').commander?.officer).toEqual(ben);
  });

  it('AC-2 the Camden appointment followed AP-2 to AP-10; the one decided appointment had the council involved', () => {
    expect(views.compliance.complianceOf(processId)?.rules.map((rule) => [rule.rule, rule.status])).toEqual(
      ['AP-2', 'AP-3', 'AP-4', 'AP-5', 'AP-6', 'AP-7', 'AP-8', 'AP-9', 'AP-10'].map((rule) => [rule, 'followed']),
    );
    expect(views.compliance.localAuthorityShare()).toMatchObject({ decidedAppointments: 1, withLocalAuthority: 1, share: 1 });
  });

  it('AU-1 the Camden trail: every decision in the order recorded, the posting right after the decision', () => {
    const entries = views.audit.trailOf(processId)?.entries ?? [];
    expect(entries.map((entry) => [entry.rule, entry.when.at, entry.who.actor])).toEqual([
      ['AP-1', '2012-02-01', 'grey'],
      ['AP-2', '2012-02-02', 'grey'],
      ['AP-3', '2012-02-10', 'grey'],
      ['AP-3', '2012-02-11', 'grey'],
      ['AP-4', '2012-02-15', 'grey'],
      ['AP-4', '2012-03-01', 'grey'],
      ['AP-5', '2012-03-05', 'grey'],
      ['AP-6', '2012-03-08', 'mcpherson'],
      ['AP-7', '2012-03-12', 'grey'],
      ['AP-8', '2012-03-13', 'grey'],
      ['AP-9', '2012-03-20', 'mopac'],
      ['AP-12', '2012-04-02', 'mopac'],
      ['AP-10', '2012-03-22', 'hr'],
    ]);
    expect(entries.every((entry) => entry.when.recordedAt === '2024-01-01T00:00:00.000Z')).toBe(true);
    expect(entries.map((entry) => entry.source.stream).at(-2)).toBe('posting-borough-camden');
  });
});
