import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  createBoroughCommand,
  domainEventRegistry,
  isoDate,
  policyWith,
  type DomainCommand,
  type DomainEvent,
  type Officer,
  type Policy,
} from '@borough-command/domain';
import { createInMemoryStore, type EventStore } from '@borough-command/domain/eventsourcing';
import { createComplianceView, rebuildViews } from '../src/index.js';
import { runCommandsUnder, type CommandsRun } from './support/run-commands.js';

const dana: Officer = { id: 'officer-dana', name: 'Dana Whitfield', rank: 'chief-superintendent' };
const camden = { kind: 'borough', name: 'Camden' } as const;
const base = { processId: 'camden-2013' };

/** A 2013 appointment that skips the role description, consults only the council, skips the discussion and the three-year commitment. */
const shortcuts: readonly DomainCommand[] = [
  { type: 'OpenAppointmentProcess', commandId: 'open', at: isoDate('2013-03-01'), ...base, unit: camden, role: 'borough-commander', areaCommander: 'Cdr Area North' },
  { type: 'ConsultPartner', commandId: 'consult', at: isoDate('2013-03-05'), ...base, partner: { kind: 'local-authority-leader', name: 'Camden leader' } },
  { type: 'RecordCandidate', commandId: 'apply', at: isoDate('2013-03-10'), ...base, candidate: dana, route: 'applied' },
  { type: 'InterviewCandidate', commandId: 'interview', at: isoDate('2013-03-20'), ...base, candidateId: dana.id },
  { type: 'ProposePreferredCandidate', commandId: 'propose', at: isoDate('2013-03-21'), ...base, candidateId: dana.id },
  { type: 'AgreeProposal', commandId: 'agree', at: isoDate('2013-03-22'), ...base, actp: 'AC Territorial Policing' },
  { type: 'TakeFinalDecision', commandId: 'decide', at: isoDate('2013-04-02'), ...base, policeAuthorityDecisionBy: 'MOPAC', mpsDecisionBy: 'AC Territorial Policing', startDate: isoDate('2013-05-01') },
];

const run = (policy: Policy): Promise<CommandsRun> => runCommandsUnder(policy, shortcuts);

describe('record mode for the appointment rules (AP-2, AP-3, AP-7, AP-8)', () => {
  it('AP-2 AP-3 AP-7 AP-8 in record mode an appointment that skipped them is recorded as it happened, each departure with its rule; AC-2 counts them as not followed and the trail shows them', async () => {
    const { store, refused } = await run(policyWith({ enforcement: 'record' }));
    expect(refused).toBeUndefined();
    const read = await store.readStream('appointment-camden-2013')();
    if (E.isLeft(read)) return expect.fail(JSON.stringify(read.left));
    const types = read.right.map((recorded) => recorded.event.type);
    // Each departure is recorded just before the step that went ahead without it.
    expect(types.slice(3, 6)).toEqual(['AppointmentRuleDeparted', 'AppointmentRuleDeparted', 'CandidateInterviewed']);
    expect(types.slice(-3)).toEqual(['AppointmentRuleDeparted', 'AppointmentRuleDeparted', 'AppointmentConfirmed']);
    const departures = read.right.flatMap((recorded) => (recorded.event.type === 'AppointmentRuleDeparted' ? [recorded.event.data] : []));
    expect(departures.map((departure) => [departure.rule, departure.departure])).toEqual([
      ['AP-2', 'RoleDescriptionNotAttached'],
      ['AP-3', 'PartnersNotConsulted'],
      ['AP-7', 'ChosenCandidateNotDiscussed'],
      ['AP-8', 'ThreeYearCommitmentMissing'],
    ]);
    expect(departures[1]?.message).toContain('an MP');
    const rebuilt = await rebuildViews(store)();
    if (E.isLeft(rebuilt)) return expect.fail(JSON.stringify(rebuilt.left));
    const compliance = rebuilt.right.compliance.complianceOf('camden-2013');
    const status = (rule: string) => compliance?.rules.find((item) => item.rule === rule)?.status;
    expect([status('AP-2'), status('AP-3'), status('AP-7'), status('AP-8')]).toEqual(['not-followed', 'not-followed', 'not-followed', 'not-followed']);
    const trail = rebuilt.right.audit.trailOf('camden-2013');
    expect(trail?.entries.filter((entry) => entry.decision.includes('departure')).map((entry) => entry.rule)).toEqual(['AP-2', 'AP-3', 'AP-7', 'AP-8']);
    expect(rebuilt.right.compliance.departures().map((departure) => `${departure.rule} ${departure.subject}`)).toEqual([
      'AP-2 appointment camden-2013',
      'AP-3 appointment camden-2013',
      'AP-7 appointment camden-2013',
      'AP-8 appointment camden-2013',
    ]);    // A snapshot keeps them; one written before departures were recorded (no `departures`) restores with none.
    const snapshot = rebuilt.right.compliance.snapshot();
    const again = createComplianceView();
    expect(E.isRight(again.restore(JSON.parse(JSON.stringify(snapshot))))).toBe(true);
    expect(again.departures()).toHaveLength(4);
    const { departures: _left, ...older } = snapshot.state;
    expect(E.isRight(again.restore({ ...snapshot, state: older }))).toBe(true);
    expect(again.departures()).toEqual([]);
    expect(again.complianceOf('camden-2013')?.rules.find((rule) => rule.rule === 'AP-3')?.status).toBe('not-followed');
  });

  it('RS-2 RS-3 RS-5 RS-7 RS-8 in record mode a BCU that went live without its consultations, leads, ward officers and stations, and a roll-out before any evaluation, are recorded with each departure; AC-2 lists them', async () => {
    const store: EventStore<DomainEvent> = createInMemoryStore(domainEventRegistry);
    const service = createBoroughCommand({ store, policy: policyWith({ enforcement: 'record' }) });
    const restructureId = 'met';
    const commander: Officer = { id: 'cs-roper', name: 'Catherine Roper', rank: 'chief-superintendent' };
    const commands: readonly DomainCommand[] = [
      { type: 'StartRestructureProgramme', commandId: 'pathfinder', at: isoDate('2016-10-01'), restructureId, programmeId: 'pathfinder', stage: 'pathfinder', name: 'BCU pathfinders' },
      { type: 'ProposeBcu', commandId: 'propose', at: isoDate('2016-11-18'), restructureId, programmeId: 'pathfinder', bcu: 'Central North', boroughs: ['Camden', 'Islington'] },
      { type: 'AppointBcuCommander', commandId: 'commander', at: isoDate('2016-11-18'), restructureId, bcu: 'Central North', officer: commander, interim: true },
      { type: 'TakeBcuLive', commandId: 'live', at: isoDate('2017-01-01'), restructureId, bcu: 'Central North' },
      { type: 'StartRestructureProgramme', commandId: 'roll-out', at: isoDate('2017-02-01'), restructureId, programmeId: 'roll-out', stage: 'roll-out', name: 'Roll-out' },
    ];
    for (const command of commands) {
      const outcome = await service.execute(command, { actor: 'auditor' })();
      if (E.isLeft(outcome)) expect.fail(`${command.commandId}: ${JSON.stringify(outcome.left)}`);
    }
    const rebuilt = await rebuildViews(store)();
    if (E.isLeft(rebuilt)) return expect.fail(JSON.stringify(rebuilt.left));
    expect(rebuilt.right.compliance.departures().map((departure) => `${departure.rule} ${departure.departure} ${departure.subject}`)).toEqual([
      'RS-5 LeadershipIncomplete BCU Central North',
      'RS-2 ConsultationsMissing BCU Central North',
      'RS-7 WardOfficersNotAllocated BCU Central North',
      'RS-8 NoTwentyFourHourStation BCU Central North',
      'RS-3 PathfindersNotEvaluated restructure met',
    ]);
    // The BCU went live all the same: its commander took command.
    const camden = rebuilt.right.accountability.accountabilityOn('Camden', isoDate('2017-06-01'));
    expect(E.isRight(camden) && camden.right).toMatchObject({ commander: { officer: commander } });
  });

  it('RS-4 in record mode a superintendent named interim commander of a BCU outside the pathfinders is recorded with both departures, and has the posting', async () => {
    const store: EventStore<DomainEvent> = createInMemoryStore(domainEventRegistry);
    const service = createBoroughCommand({ store, policy: policyWith({ enforcement: 'record' }) });
    const restructureId = 'met';
    const acting: Officer = { id: 'supt-hale', name: 'Ben Hale', rank: 'superintendent' };
    const commands: readonly DomainCommand[] = [
      { type: 'StartRestructureProgramme', commandId: 'roll-out', at: isoDate('2018-02-12'), restructureId, programmeId: 'roll-out', stage: 'roll-out', name: 'Roll-out' },
      { type: 'ProposeBcu', commandId: 'propose', at: isoDate('2018-02-12'), restructureId, programmeId: 'roll-out', bcu: 'North Area', boroughs: ['Enfield', 'Haringey'] },
      { type: 'AppointBcuCommander', commandId: 'commander', at: isoDate('2018-06-01'), restructureId, bcu: 'North Area', officer: acting, interim: true },
    ];
    for (const command of commands) {
      const outcome = await service.execute(command, { actor: 'auditor' })();
      if (E.isLeft(outcome)) expect.fail(`${command.commandId}: ${JSON.stringify(outcome.left)}`);
    }
    const rebuilt = await rebuildViews(store)();
    if (E.isLeft(rebuilt)) return expect.fail(JSON.stringify(rebuilt.left));
    expect(rebuilt.right.compliance.departures().map((departure) => `${departure.rule} ${departure.departure}`)).toEqual([
      'RS-3 PathfindersNotEvaluated',
      'RS-4 WrongCommanderRank',
      'RS-4 InterimOutsidePathfinder',
    ]);
    expect(rebuilt.right.tenure.tenureOf({ kind: 'bcu', name: 'North Area' }).postings).toMatchObject([{ officer: acting, interim: true, designate: true }]);
  });

  it('AP-9 in record mode an appointee who took up the post before the final decision is recorded with the departure; the posting starts on the day they took it up; enforce mode refuses it', async () => {
    const early: readonly DomainCommand[] = [
      { type: 'OpenAppointmentProcess', commandId: 'open', at: isoDate('2013-03-01'), ...base, unit: camden, role: 'borough-commander', areaCommander: 'Cdr Area North' },
      { type: 'AttachRoleDescription', commandId: 'attach', at: isoDate('2013-03-01'), ...base, version: 1 },
      { type: 'ConsultPartner', commandId: 'consult', at: isoDate('2013-03-05'), ...base, partner: { kind: 'local-authority-leader', name: 'Camden leader' } },
      { type: 'ConsultPartner', commandId: 'consult mp', at: isoDate('2013-03-06'), ...base, partner: { kind: 'mp', name: 'Holborn MP' } },
      { type: 'RecordCandidate', commandId: 'apply', at: isoDate('2013-03-10'), ...base, candidate: dana, route: 'applied' },
      { type: 'InterviewCandidate', commandId: 'interview', at: isoDate('2013-03-20'), ...base, candidateId: dana.id },
      { type: 'ProposePreferredCandidate', commandId: 'propose', at: isoDate('2013-03-21'), ...base, candidateId: dana.id },
      { type: 'AgreeProposal', commandId: 'agree', at: isoDate('2013-03-22'), ...base, actp: 'AC Territorial Policing' },
      { type: 'DiscussChosenCandidate', commandId: 'discuss', at: isoDate('2013-03-23'), ...base, partners: [{ kind: 'local-authority-leader', name: 'Camden leader' }] },
      { type: 'RecordThreeYearCommitment', commandId: 'commit', at: isoDate('2013-03-24'), ...base, candidateId: dana.id },
      { type: 'TakeFinalDecision', commandId: 'decide', at: isoDate('2013-04-02'), ...base, policeAuthorityDecisionBy: 'MOPAC', mpsDecisionBy: 'AC Territorial Policing', startDate: isoDate('2013-03-25') },
    ];
    const outcomes = async (policy: Policy): Promise<{ readonly store: EventStore<DomainEvent>; readonly refused: readonly string[] }> => {
      const store: EventStore<DomainEvent> = createInMemoryStore(domainEventRegistry);
      const service = createBoroughCommand({ store, policy });
      const refused: string[] = [];
      for (const command of early) {
        const outcome = await service.execute(command, { actor: 'auditor' })();
        if (E.isLeft(outcome)) refused.push(`${command.commandId} ${outcome.left._tag === 'CommandRejected' ? outcome.left.rejection.rule : outcome.left._tag}`);
      }
      return { store, refused };
    };
    const enforced = await outcomes(policyWith({ enforcement: 'enforce' }));
    expect(enforced.refused).toEqual(['decide AP-9']);
    const recorded = await outcomes(policyWith({ enforcement: 'record' }));
    expect(recorded.refused).toEqual([]);
    const rebuilt = await rebuildViews(recorded.store)();
    if (E.isLeft(rebuilt)) return expect.fail(JSON.stringify(rebuilt.left));
    expect(rebuilt.right.compliance.departures().map((departure) => `${departure.rule} ${departure.departure} ${departure.subject}`)).toEqual([
      'AP-9 StartBeforeDecision appointment camden-2013',
    ]);
    expect(rebuilt.right.tenure.tenureOf(camden).postings).toMatchObject([{ officer: dana, start: '2013-03-25' }]);
  });

  it('RS-6 in record mode resources shared across a BCU\'s boroughs before it went live are recorded with the departure; enforce mode refuses them', async () => {
    const restructureId = 'met';
    const commands: readonly DomainCommand[] = [
      { type: 'StartRestructureProgramme', commandId: 'pathfinder', at: isoDate('2016-10-01'), restructureId, programmeId: 'pathfinder', stage: 'pathfinder', name: 'BCU pathfinders' },
      { type: 'ProposeBcu', commandId: 'propose', at: isoDate('2016-11-18'), restructureId, programmeId: 'pathfinder', bcu: 'Central North', boroughs: ['Camden', 'Islington'] },
      { type: 'ShareResources', commandId: 'share', at: isoDate('2016-12-01'), restructureId, bcu: 'Central North', resources: ['vehicles', 'buildings'] },
    ];
    const sharedUnder = (policy: Policy): Promise<CommandsRun> => runCommandsUnder(policy, commands);
    expect((await sharedUnder(policyWith({ enforcement: 'enforce' }))).refused).toBe('share RS-6 BcuNotLive');
    const recorded = await sharedUnder(policyWith({ enforcement: 'record' }));
    expect(recorded.refused).toBeUndefined();
    const read = await recorded.store.readStream('restructure-met')();
    if (E.isLeft(read)) return expect.fail(JSON.stringify(read.left));
    expect(read.right.slice(-2).map((event) => event.event)).toMatchObject([
      { type: 'RestructureRuleDeparted', data: { rule: 'RS-6', departure: 'BcuNotLive', bcu: 'Central North' } },
      { type: 'ResourcesShared', data: { bcu: 'Central North', resources: ['vehicles', 'buildings'] } },
    ]);
    const rebuilt = await rebuildViews(recorded.store)();
    if (E.isLeft(rebuilt)) return expect.fail(JSON.stringify(rebuilt.left));
    expect(rebuilt.right.compliance.departures().map((departure) => `${departure.rule} ${departure.departure} ${departure.subject}`)).toEqual(['RS-6 BcuNotLive BCU Central North']);
  });

  it('PO-1 in record mode a handover whose recorded dates overlap (the successor started before the predecessor\'s recorded end) is recorded with the departure; AC-1 names the successor in the overlap; enforce mode refuses it', async () => {
    const ed: Officer = { id: 'officer-ed', name: 'Ed Okafor', rank: 'chief-superintendent' };
    const commands: readonly DomainCommand[] = [
      { type: 'StartPosting', commandId: 'dana starts', at: isoDate('2013-05-01'), unit: camden, postingId: 'camden-dana', role: 'borough-commander', officer: dana, acting: false },
      { type: 'EndPosting', commandId: 'dana leaves', at: isoDate('2016-06-30'), unit: camden, postingId: 'camden-dana', reason: 'retirement', approvedBy: 'AC Territorial Policing' },
      { type: 'StartPosting', commandId: 'ed starts', at: isoDate('2016-06-20'), unit: camden, postingId: 'camden-ed', role: 'borough-commander', officer: ed, acting: false },
    ];
    const startedUnder = (policy: Policy): Promise<CommandsRun> => runCommandsUnder(policy, commands);
    expect((await startedUnder(policyWith({ enforcement: 'enforce' }))).refused).toBe('ed starts PO-1 OverlapsEarlierPosting');
    const recorded = await startedUnder(policyWith({ enforcement: 'record' }));
    expect(recorded.refused).toBeUndefined();
    const read = await recorded.store.readStream('posting-borough-camden')();
    if (E.isLeft(read)) return expect.fail(JSON.stringify(read.left));
    expect(read.right.slice(-2).map((event) => event.event)).toMatchObject([
      { type: 'PostingRuleDeparted', data: { rule: 'PO-1', departure: 'OverlapsEarlierPosting', postingId: 'camden-ed', at: '2016-06-20' } },
      { type: 'PostingStarted', data: { officer: ed, start: '2016-06-20' } },
    ]);
    const rebuilt = await rebuildViews(recorded.store)();
    if (E.isLeft(rebuilt)) return expect.fail(JSON.stringify(rebuilt.left));
    expect(rebuilt.right.compliance.departures().map((departure) => `${departure.rule} ${departure.departure} ${departure.subject}`)).toEqual(['PO-1 OverlapsEarlierPosting posting camden-ed']);
    const inOverlap = rebuilt.right.accountability.accountabilityOn('Camden', isoDate('2016-06-25'));
    expect(E.isRight(inOverlap) && inOverlap.right).toMatchObject({ commander: { officer: ed, since: '2016-06-20' } });
    const before = rebuilt.right.accountability.accountabilityOn('Camden', isoDate('2016-06-19'));
    expect(E.isRight(before) && before.right).toMatchObject({ commander: { officer: dana } });
  });

  it('RS-5 a BCU without a commander does not go live even in record mode: its go-live names the commander', async () => {
    const store: EventStore<DomainEvent> = createInMemoryStore(domainEventRegistry);
    const service = createBoroughCommand({ store, policy: policyWith({ enforcement: 'record' }) });
    const restructureId = 'met';
    for (const command of [
      { type: 'StartRestructureProgramme', commandId: 'pathfinder', at: isoDate('2016-10-01'), restructureId, programmeId: 'pathfinder', stage: 'pathfinder', name: 'BCU pathfinders' },
      { type: 'ProposeBcu', commandId: 'propose', at: isoDate('2016-11-18'), restructureId, programmeId: 'pathfinder', bcu: 'Central North', boroughs: ['Camden', 'Islington'] },
    ] as const satisfies readonly DomainCommand[]) {
      const outcome = await service.execute(command, { actor: 'auditor' })();
      if (E.isLeft(outcome)) expect.fail(JSON.stringify(outcome.left));
    }
    const live = await service.execute({ type: 'TakeBcuLive', commandId: 'live', at: isoDate('2017-01-01'), restructureId, bcu: 'Central North' }, { actor: 'auditor' })();
    expect(E.isLeft(live) && live.left).toMatchObject({ _tag: 'CommandRejected', rejection: { _tag: 'LeadershipIncomplete', rule: 'RS-5', commanderMissing: true } });
  });

  it('AP-2 in enforce mode the same appointment is refused at the interview, and nothing of the step is recorded', async () => {
    const { store, refused } = await run(policyWith({ enforcement: 'enforce' }));
    expect(refused).toBe('interview AP-2 RoleDescriptionNotAttached');
    const read = await store.readStream('appointment-camden-2013')();
    expect(E.isRight(read) && read.right.map((recorded) => recorded.event.type)).not.toContain('AppointmentRuleDeparted');
  });
});
