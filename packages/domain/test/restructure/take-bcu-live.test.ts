import { describe, expect, it } from 'vitest';
import { foldEvents } from '../../src/eventsourcing/decider.js';
import { policyWith } from '../../src/policy/policy.js';
import { bcuOfBorough, commandUnitOfBorough, liveBcus } from '../../src/restructure/restructure-queries.js';
import {
  centralNorth,
  centralNorthLive,
  centralNorthReady,
  centralNorthWentLive,
  command,
  commanderAppointed,
  consulted,
  day,
  decider,
  given,
  givenUnder,
  gwillim,
  roper,
  superintendentAssigned,
  supts,
  without,
} from './restructure-fixtures.js';

const takeLive = () => command('TakeBcuLive', { bcu: centralNorth }, day(10));

describe('taking a BCU live (RS-5)', () => {
  it('RS-5 takes Central North live with its commander, four function leads and a dedicated superintendent per borough', () => {
    given(centralNorthReady).when(takeLive()).then([centralNorthWentLive]);
  });

  it('RS-5 the boroughs of a live BCU are policed by the BCU', () => {
    const state = foldEvents(decider, centralNorthLive);
    expect(liveBcus(state).map((bcu) => bcu.name)).toEqual([centralNorth]);
    expect(bcuOfBorough(state, 'Camden')?.status).toBe('live');
    expect(commandUnitOfBorough(state, 'Islington')).toEqual({ kind: 'bcu', name: centralNorth });
    expect(commandUnitOfBorough(state, 'Hackney')).toEqual({ kind: 'borough', name: 'Hackney' });
  });

  it('RS-5 refuses to go live before the commander is appointed', () => {
    given(without(centralNorthReady, (event) => event.type === 'BcuCommanderAppointed'))
      .when(takeLive())
      .then({ _tag: 'LeadershipIncomplete', rule: 'RS-5', commanderMissing: true, functionsWithoutLead: [], boroughsWithoutDedicatedSuperintendent: [] });
  });

  it('RS-2 refuses to go live before a consultation that is recorded but dated after the go-live', () => {
    const lateMopac = [
      ...without(centralNorthReady, (event) => event.type === 'BcuConsultationRecorded' && event.data.consultee === 'mopac'),
      consulted(centralNorth, 'mopac', null, day(11)),
    ];
    given(lateMopac)
      .when(takeLive())
      .then({ _tag: 'ConsultationsMissing', rule: 'RS-2', missing: [{ consultee: 'mopac', borough: null }] });
    const liveOnDay11 = centralNorthWentLive.type === 'BcuWentLive' ? { ...centralNorthWentLive, data: { ...centralNorthWentLive.data, at: day(11) } } : centralNorthWentLive;
    given(lateMopac).when(command('TakeBcuLive', { bcu: centralNorth }, day(11))).then([liveOnDay11]);
  });

  it('RS-5 refuses to go live while one superintendent leads two core functions (a journal written before each function needed its own lead)', () => {
    given([...without(centralNorthReady, (event) => event.type === 'SuperintendentAssigned' && event.data.leads === 'investigation'), superintendentAssigned(centralNorth, supts.d, 'investigation', null)])
      .when(takeLive())
      .then({ _tag: 'LeadershipIncomplete', rule: 'RS-5', functionsSharingALead: ['investigation', 'protecting-vulnerable-people'] });
  });

  it('RS-5 refuses to go live while a core function has no lead', () => {
    given(without(centralNorthReady, (event) => event.type === 'SuperintendentAssigned' && event.data.leads === 'investigation'))
      .when(takeLive())
      .then({ _tag: 'LeadershipIncomplete', rule: 'RS-5', commanderMissing: false, functionsWithoutLead: ['investigation'] });
  });

  it('RS-5 refuses to go live while a borough has no dedicated superintendent', () => {
    const withoutIslington = without(centralNorthReady, (event) => event.type === 'SuperintendentAssigned' && event.data.dedicatedTo === 'Islington');
    given([...withoutIslington, superintendentAssigned(centralNorth, supts.b, 'response', null)])
      .when(takeLive())
      .then({
        _tag: 'LeadershipIncomplete',
        rule: 'RS-5',
        functionsWithoutLead: [],
        boroughsWithoutDedicatedSuperintendent: ['Islington'],
        message: "BCU 'Central North' cannot go live: Islington has no dedicated superintendent.",
      });
  });

  it('RS-5 lists every gap in the leadership at once', () => {
    given(without(centralNorthReady, (event) => event.type === 'SuperintendentAssigned' || event.type === 'BcuCommanderAppointed'))
      .when(takeLive())
      .then({
        _tag: 'LeadershipIncomplete',
        commanderMissing: true,
        functionsWithoutLead: ['neighbourhoods', 'response', 'investigation', 'protecting-vulnerable-people'],
        boroughsWithoutDedicatedSuperintendent: ['Camden', 'Islington'],
      });
  });

  it('RS-5 the core functions to lead come from the policy', () => {
    const threeFunctions = policyWith({ coreFunctions: ['neighbourhoods', 'response', 'investigation'] });
    const result = givenUnder(threeFunctions)(
      without(centralNorthReady, (event) => event.type === 'SuperintendentAssigned' && event.data.leads === 'protecting-vulnerable-people'),
    ).when(takeLive()).result;
    expect(result._tag).toBe('Right');
  });

  it('RS-5 carries the commander’s interim flag and the latest holder of each role into the go-live event', () => {
    const replaced = [...centralNorthReady, commanderAppointed(centralNorth, gwillim, false, day(8), { predecessor: roper, predecessorLeaves: { reason: 'promotion', detail: null, approvedBy: null } }), superintendentAssigned(centralNorth, supts.e, 'protecting-vulnerable-people', null, day(9))];
    const decision = given(replaced).when(takeLive()).result;
    expect(decision._tag === 'Right' && decision.right[0]).toMatchObject({
      type: 'BcuWentLive',
      data: {
        commander: gwillim,
        interim: false,
        functionLeads: [
          { function: 'neighbourhoods', superintendent: supts.a },
          { function: 'response', superintendent: supts.b },
          { function: 'investigation', superintendent: supts.c },
          { function: 'protecting-vulnerable-people', superintendent: supts.e },
        ],
      },
    });
  });

  it('RS-5 refuses to take a live BCU live again', () => {
    given(centralNorthLive).when(takeLive()).then({ _tag: 'BcuAlreadyLive', rule: 'RS-5', bcu: centralNorth });
  });

  it('RS-5 refuses to take live a BCU that was never proposed', () => {
    given(centralNorthReady).when(command('TakeBcuLive', { bcu: 'East Area' })).then({ _tag: 'UnknownBcu', rule: 'RS-5', bcu: 'East Area' });
  });
});
