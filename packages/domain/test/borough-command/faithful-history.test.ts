/**
 * Real London history as an auditor records it: successions, early departures of BCU commanders,
 * commanders named before go-live, 2009-10 appointments, the partners AP-3 asks for, interim
 * commanders and reasons that must be shown. Each test drives the service as a user would.
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createBoroughCommand, type BoroughCommand } from '../../src/borough-command/borough-command-service.js';
import { createInMemoryStore } from '../../src/eventsourcing/in-memory-store.js';
import { domainEventRegistry, type DomainEvent } from '../../src/borough-command/domain-events.js';
import { isoDate } from '../../src/shared/iso-date.js';
import { policyWith, type Policy } from '../../src/policy/policy.js';
import { postingStream } from '../../src/shared/streams.js';
import type { DomainCommand } from '../../src/borough-command/domain-commands.js';
import type { EventStore } from '../../src/eventsourcing/event-store.js';
import type { Officer } from '../../src/shared/vocabulary.js';
import { eli, pathfinderGoesLive } from './story.js';

const actor = { actor: 'auditor' };
const centralNorth = { kind: 'bcu', name: 'Central North' } as const;
const camden = { kind: 'borough', name: 'Camden' } as const;
const kohli: Officer = { id: 'officer-kohli', name: 'Raj Kohli', rank: 'chief-superintendent' };

const serviceOver = (policy?: Policy): { readonly store: EventStore<DomainEvent>; readonly service: BoroughCommand } => {
  const store = createInMemoryStore(domainEventRegistry);
  return { store, service: createBoroughCommand({ store, ...(policy === undefined ? {} : { policy }) }) };
};

const run = async (service: BoroughCommand, commands: readonly DomainCommand[]): Promise<void> => {
  for (const command of commands) {
    const outcome = await service.execute(command, actor)();
    if (E.isLeft(outcome)) expect.fail(`${command.type} ${command.commandId} failed: ${JSON.stringify(outcome.left)}`);
    expect(outcome.right.failedReactions).toEqual([]);
  }
};

const eventsOf = async (store: EventStore<DomainEvent>, stream: string): Promise<readonly DomainEvent[]> => {
  const read = await store.readStream(stream)();
  return E.isRight(read) ? read.right.map((recorded) => recorded.event) : [];
};

/** Central North going live on 2017-01-16 with Eli Marsh named on 2016-11-18: interim, or substantive when `interim` is false. */
const centralNorthLive = (interim: boolean): DomainCommand[] =>
  pathfinderGoesLive('Central North', ['Camden', 'Islington'], eli, isoDate('2017-01-16')).map((command) =>
    command.type === 'AppointBcuCommander' ? { ...command, interim } : command,
  );

const successor = (at: string, predecessorLeaves: Extract<DomainCommand, { type: 'AppointBcuCommander' }>['predecessorLeaves']): DomainCommand => ({
  type: 'AppointBcuCommander',
  commandId: `successor ${at}`,
  at: isoDate(at),
  restructureId: 'met',
  bcu: 'Central North',
  officer: kohli,
  interim: false,
  ...(predecessorLeaves === undefined ? {} : { predecessorLeaves }),
});

describe('real history, recorded faithfully', () => {
  it('RS-4 a successor appointed to a live BCU ends the predecessor’s posting and starts the successor’s, the same day, in one decision', async () => {
    const { store, service } = serviceOver();
    await run(service, [...centralNorthLive(false), successor('2020-01-06', { reason: 'retirement', approvedBy: 'AC Territorial Policing' })]);
    const bcu = await eventsOf(store, postingStream(centralNorth));
    expect(bcu.map((event) => event.type)).toEqual(['PostingStarted', 'CommandTakenUp', 'PostingEnded', 'PostingStarted']);
    expect(bcu[2]).toMatchObject({ data: { officer: eli, end: '2020-01-06', reason: 'retirement', minimumTermMet: true } });
    expect(bcu[3]).toMatchObject({ data: { officer: kohli, start: '2020-01-06', designate: false, minimumTermEnd: '2023-01-06' } });
  });

  it('PO-2 PO-3 a substantive BCU commander who leaves for promotion 93 days after go-live breaches the three-year minimum, recorded as such', async () => {
    const recorded = serviceOver(policyWith({ enforcement: 'record' }));
    await run(recorded.service, [...centralNorthLive(false), successor('2017-04-19', { reason: 'promotion' })]);
    const bcu = await eventsOf(recorded.store, postingStream(centralNorth));
    const started = bcu.find((event) => event.type === 'PostingStarted');
    expect(started).toMatchObject({ data: { minimumTermEnd: '2019-11-18' } });
    expect(bcu.filter((event) => event.type === 'MinimumTermBreached')).toMatchObject([
      { data: { officer: eli, end: '2017-04-19', reason: 'promotion', missing: 'exceptional-reason' } },
    ]);
    expect(bcu.filter((event) => event.type === 'PostingStarted').at(-1)).toMatchObject({ data: { officer: kohli, start: '2017-04-19' } });
  });

  it('RS-4 a commander named before go-live has a designate posting from the day named, which takes command at go-live without a PO-1 conflict', async () => {
    const { store, service } = serviceOver();
    await run(service, centralNorthLive(false));
    const bcu = await eventsOf(store, postingStream(centralNorth));
    expect(bcu).toMatchObject([
      { type: 'PostingStarted', data: { officer: eli, start: '2016-11-18', designate: true, interim: false } },
      { type: 'CommandTakenUp', data: { officer: eli, at: '2017-01-16' } },
    ]);
  });

  it('RS-4 an interim BCU commander’s posting is interim, with no minimum term', async () => {
    const { store, service } = serviceOver();
    await run(service, centralNorthLive(true));
    const [named] = await eventsOf(store, postingStream(centralNorth));
    expect(named).toMatchObject({ type: 'PostingStarted', data: { interim: true, minimumTermEnd: null } });
  });

  it('RS-4 PO-3 in enforce mode a successor whose predecessor’s early departure is not justified is refused before anything is recorded', async () => {
    const { store, service } = serviceOver();
    await run(service, centralNorthLive(false));
    const before = await eventsOf(store, 'restructure-met');
    const refused = await service.execute(successor('2017-04-19', { reason: 'promotion' }), actor)();
    expect(E.isLeft(refused) && refused.left).toMatchObject({
      _tag: 'CommandRejected',
      stream: postingStream(centralNorth),
      rejection: { _tag: 'EarlyEndWithoutExceptionalReason', rule: 'PO-3', missing: ['exceptional-reason', 'approval'] },
    });
    expect(await eventsOf(store, 'restructure-met')).toEqual(before);
    // Shown and approved, the same departure goes through.
    await run(service, [successor('2017-04-19', { reason: 'professional', detail: 'Seconded to the national crime agency', approvedBy: 'AC Territorial Policing' })]);
    expect((await eventsOf(store, postingStream(centralNorth))).at(-1)).toMatchObject({ type: 'PostingStarted', data: { officer: kohli } });
  });

  it('RS-4 a successor without the predecessor’s departure is refused, naming the commander in place', async () => {
    const { service } = serviceOver();
    await run(service, centralNorthLive(false));
    const refused = await service.execute(successor('2018-03-01', undefined), actor)();
    expect(E.isLeft(refused) && refused.left).toMatchObject({ rejection: { _tag: 'PredecessorDepartureMissing', rule: 'RS-4', commander: eli } });
  });

  const eliLeaves = (at: string): DomainCommand => ({
    type: 'EndPosting',
    commandId: `Eli leaves ${at}`,
    at: isoDate(at),
    unit: centralNorth,
    postingId: 'Central North from 2016-11-18',
    reason: 'professional',
    detail: 'Seconded to a national unit',
    approvedBy: 'AC Territorial Policing',
  });

  it('RS-4 a BCU commander whose posting ended with no successor named leaves the BCU without a commander: the next one, months later, replaces no one', async () => {
    const { store, service } = serviceOver();
    await run(service, [...centralNorthLive(false), eliLeaves('2018-05-31')]);
    const appointed = await service.execute(successor('2018-09-03', undefined), actor)();
    if (E.isLeft(appointed)) expect.fail(`the next commander was refused: ${JSON.stringify(appointed.left)}`);
    expect(appointed.right.handled.map((handled) => handled.command.type)).toEqual(['RecordBcuCommanderLeft', 'AppointBcuCommander', 'StartPosting']);
    const restructure = await eventsOf(store, 'restructure-met');
    expect(restructure.slice(-2)).toMatchObject([
      { type: 'BcuCommanderLeft', data: { bcu: 'Central North', officer: eli, postingId: 'Central North from 2016-11-18', at: '2018-05-31' } },
      { type: 'BcuCommanderAppointed', data: { officer: kohli, live: true, predecessor: null, predecessorLeaves: null, at: '2018-09-03' } },
    ]);
    const bcu = await eventsOf(store, postingStream(centralNorth));
    expect(bcu.slice(-2)).toMatchObject([
      { type: 'PostingEnded', data: { officer: eli, end: '2018-05-31' } },
      { type: 'PostingStarted', data: { officer: kohli, start: '2018-09-03', designate: false } },
    ]);
    // Sent again, the appointment writes nothing, and the departure is not recorded twice.
    await run(service, [successor('2018-09-03', undefined)]);
    expect((await eventsOf(store, 'restructure-met')).filter((event) => event.type === 'BcuCommanderLeft')).toHaveLength(1);
  });

  it('RS-4 RS-5 a commander named before go-live who left before it leaves the BCU without a commander: it cannot go live until one is appointed', async () => {
    const { store, service } = serviceOver();
    const story = centralNorthLive(false);
    const goLive = story.at(-1) as DomainCommand;
    await run(service, [...story.slice(0, -1), eliLeaves('2016-12-20')]);
    const refused = await service.execute(goLive, actor)();
    expect(E.isLeft(refused) && refused.left).toMatchObject({ rejection: { _tag: 'LeadershipIncomplete', rule: 'RS-5', commanderMissing: true } });
    expect((await eventsOf(store, 'restructure-met')).at(-1)).toMatchObject({ type: 'BcuCommanderLeft', data: { officer: eli, at: '2016-12-20' } });
    const interimSuccessor: DomainCommand = { type: 'AppointBcuCommander', commandId: 'interim successor', at: isoDate('2017-01-09'), restructureId: 'met', bcu: 'Central North', officer: kohli, interim: true };
    await run(service, [interimSuccessor, goLive]);
    expect((await eventsOf(store, postingStream(centralNorth))).slice(-2)).toMatchObject([
      { type: 'PostingStarted', data: { officer: kohli, designate: true, interim: true } },
      { type: 'CommandTakenUp', data: { officer: kohli, at: '2017-01-16' } },
    ]);
  });

  const appointment2009 = (consulted: readonly Extract<DomainCommand, { type: 'ConsultPartner' }>['partner'][]): DomainCommand[] => {
    const base = { processId: 'camden-2009' };
    return [
      { type: 'OpenAppointmentProcess', commandId: 'open', at: isoDate('2009-09-01'), ...base, unit: camden, role: 'borough-commander', areaCommander: 'Cdr Area North' },
      ...consulted.map((partner, index): DomainCommand => ({ type: 'ConsultPartner', commandId: `consult ${String(index)}`, at: isoDate('2009-09-05'), ...base, partner })),
      { type: 'RecordCandidate', commandId: 'apply', at: isoDate('2009-09-10'), ...base, candidate: eli, route: 'applied' },
      { type: 'InterviewCandidate', commandId: 'interview', at: isoDate('2009-09-20'), ...base, candidateId: eli.id },
    ];
  };

  it('AP-2 does not apply before a description of the role was endorsed: a 2009 interview goes ahead without one', async () => {
    const { store, service } = serviceOver();
    await run(
      service,
      appointment2009([
        { kind: 'local-authority-leader', name: 'Camden leader' },
        { kind: 'link-member', name: 'MPA link member for Camden' },
      ]),
    );
    expect((await eventsOf(store, 'appointment-camden-2009')).map((event) => event.type)).toContain('CandidateInterviewed');
  });

  it('AP-3 an interview needs each kind of partner the policy in force requires: in 2011 the local authority, an MP and the MPA link member', async () => {
    const { service } = serviceOver();
    const [open, ...rest] = appointment2009([{ kind: 'local-authority-leader', name: 'Camden leader' }]);
    const attach: DomainCommand = { type: 'AttachRoleDescription', commandId: 'attach', at: isoDate('2009-09-01'), processId: 'camden-2009', version: 1 };
    const commands = [open, attach, ...rest].map((command) => ({
      ...command,
      processId: 'camden-2011',
      at: isoDate((command as DomainCommand).at.replace('2009', '2011')),
    })) as DomainCommand[];
    await run(service, commands.slice(0, -1));
    const refused = await service.execute(commands.at(-1) as DomainCommand, actor)();
    expect(E.isLeft(refused) && refused.left).toMatchObject({
      rejection: { _tag: 'PartnersNotConsulted', rule: 'AP-3', missing: ['mp', 'link-member'], policyVersion: 'london-2010-06-17' },
    });
  });

  it('PO-3 organisational restructure must name a restructure that touches the unit; the end records the event that does', async () => {
    const { store, service } = serviceOver();
    const proposeOnly = centralNorthLive(false).filter((command) => command.type === 'StartRestructureProgramme' || command.type === 'ProposeBcu');
    const startCamden: DomainCommand = {
      type: 'StartPosting', commandId: 'camden start', at: isoDate('2015-06-01'), unit: camden, postingId: 'camden-2015', role: 'borough-commander', officer: kohli, acting: false,
    };
    await run(service, [startCamden, ...proposeOnly]);
    const end = (bcu: string): DomainCommand => ({
      type: 'EndPosting', commandId: `end naming ${bcu}`, at: isoDate('2016-12-01'), unit: camden, postingId: 'camden-2015',
      reason: 'organisational-restructure', approvedBy: 'AC Territorial Policing', restructure: { restructureId: 'met', bcu },
    });
    const elsewhere = await service.execute(end('East Area'), actor)();
    expect(E.isLeft(elsewhere) && elsewhere.left).toMatchObject({ rejection: { _tag: 'RestructureDoesNotTouchUnit', rule: 'PO-3' } });
    await run(service, [end('Central North')]);
    const ended = (await eventsOf(store, postingStream(camden))).find((event) => event.type === 'PostingEnded');
    expect(ended).toMatchObject({ data: { exceptional: true, restructure: { restructureId: 'met', bcu: 'Central North' } } });
    expect(ended?.type === 'PostingEnded' ? ended.data.restructure?.eventId : undefined).toMatch(/^[0-9a-f-]{36}$/);
  });
});
