import { describe, expect, it } from 'vitest';
import { foldEvents } from '../../src/eventsourcing/decider.js';
import { bcuOfBorough, findProgramme, findRestructureBcu } from '../../src/restructure/restructure-queries.js';
import type { RestructureEvent } from '../../src/restructure/restructure-events.js';
import {
  centralNorth,
  centralNorthBoroughs,
  centralNorthLive,
  centralNorthReady,
  command,
  day,
  decider,
  dissolved,
  evaluated,
  given,
  proposed,
  restructureId,
  roper,
  started,
} from './restructure-fixtures.js';

const abandonedPathfinder: RestructureEvent = {
  type: 'RestructureProgrammeAbandoned',
  data: { restructureId, programmeId: 'pathfinder', withdrawnBcus: [centralNorth], reason: 'Plans changed', at: day(50) },
};

describe('dissolving a BCU (RS-9)', () => {
  it('RS-9 dissolves a live BCU with a reason, naming the boroughs that return to borough commands', () => {
    given(centralNorthLive)
      .when(command('DissolveBcu', { bcu: centralNorth, reason: 'Pathfinder ended' }, day(300)))
      .then([{ type: 'BcuDissolved', data: { restructureId, bcu: centralNorth, boroughs: ['Camden', 'Islington'], reason: 'Pathfinder ended', at: day(300) } }]);
  });

  it('RS-9 refuses to dissolve a BCU that is only proposed', () => {
    given(centralNorthReady)
      .when(command('DissolveBcu', { bcu: centralNorth, reason: 'Never mind' }))
      .then({ _tag: 'BcuNotLive', rule: 'RS-9', status: 'proposed' });
  });

  it('RS-9 refuses to dissolve a BCU twice', () => {
    given([...centralNorthLive, dissolved(centralNorth, centralNorthBoroughs)])
      .when(command('DissolveBcu', { bcu: centralNorth, reason: 'Again' }))
      .then({ _tag: 'BcuNotLive', rule: 'RS-9', status: 'dissolved' });
  });

  it('RS-9 a dissolved BCU keeps its history and frees its boroughs', () => {
    const state = foldEvents(decider, [...centralNorthLive, dissolved(centralNorth, centralNorthBoroughs, day(300))]);
    expect(findRestructureBcu(state, centralNorth)).toMatchObject({ status: 'dissolved', wentLiveOn: day(10), closedOn: day(300), commander: { officer: roper } });
    expect(bcuOfBorough(state, 'Camden')).toBeUndefined();
  });

  it('RS-9 a dissolved BCU accepts nothing more', () => {
    given([...centralNorthLive, dissolved(centralNorth, centralNorthBoroughs)])
      .when(command('AppointBcuCommander', { bcu: centralNorth, officer: roper, interim: false }))
      .then({ _tag: 'BcuClosed', rule: 'RS-9', status: 'dissolved' });
    given([...centralNorthLive, dissolved(centralNorth, centralNorthBoroughs)])
      .when(command('TakeBcuLive', { bcu: centralNorth }))
      .then({ _tag: 'BcuClosed', rule: 'RS-9', status: 'dissolved' });
  });
});

describe('abandoning a programme (RS-9)', () => {
  it('RS-9 abandons a programme with a reason, withdrawing its proposed BCUs', () => {
    given(centralNorthReady)
      .when(command('AbandonRestructureProgramme', { programmeId: 'pathfinder', reason: 'Plans changed' }, day(50)))
      .then([abandonedPathfinder]);
  });

  it('RS-9 refuses to abandon a programme while one of its BCUs is live', () => {
    given(centralNorthLive)
      .when(command('AbandonRestructureProgramme', { programmeId: 'pathfinder', reason: 'Plans changed' }))
      .then({ _tag: 'ProgrammeHasLiveBcu', rule: 'RS-9', liveBcus: [centralNorth] });
  });

  it('RS-9 abandons a programme once its live BCUs are dissolved, withdrawing only the proposed ones', () => {
    given([...centralNorthLive, dissolved(centralNorth, centralNorthBoroughs), proposed('East Area', ['Barking and Dagenham', 'Havering', 'Redbridge'])])
      .when(command('AbandonRestructureProgramme', { programmeId: 'pathfinder', reason: 'Model not pursued' }, day(400)))
      .then([
        {
          type: 'RestructureProgrammeAbandoned',
          data: { restructureId, programmeId: 'pathfinder', withdrawnBcus: ['East Area'], reason: 'Model not pursued', at: day(400) },
        },
      ]);
  });

  it('RS-9 an abandoned programme accepts nothing more', () => {
    const afterAbandon = [...centralNorthReady, abandonedPathfinder];
    given(afterAbandon)
      .when(command('ProposeBcu', { programmeId: 'pathfinder', bcu: 'East Area', boroughs: ['Havering', 'Redbridge'] }))
      .then({ _tag: 'ProgrammeAbandoned', rule: 'RS-9', programmeId: 'pathfinder' });
    given(afterAbandon)
      .when(command('AbandonRestructureProgramme', { programmeId: 'pathfinder', reason: 'Again' }))
      .then({ _tag: 'ProgrammeAbandoned', rule: 'RS-9' });
    given(afterAbandon)
      .when(command('RecordPathfinderEvaluation', { programmeId: 'pathfinder', evaluatedBy: 'MOPAC', findings: 'None' }))
      .then({ _tag: 'ProgrammeAbandoned', rule: 'RS-9' });
  });

  it('RS-9 a withdrawn BCU accepts nothing more and frees its boroughs for another BCU', () => {
    const afterAbandon = [...centralNorthReady, abandonedPathfinder];
    given(afterAbandon).when(command('TakeBcuLive', { bcu: centralNorth })).then({ _tag: 'BcuClosed', rule: 'RS-9', status: 'withdrawn' });
    given(afterAbandon)
      .when(command('RecordBcuConsultation', { bcu: centralNorth, consultee: 'mopac', name: 'Sophie Linden' }))
      .then({ _tag: 'BcuClosed', rule: 'RS-9' });
    given([...afterAbandon, started('second', 'pathfinder', day(60))])
      .when(command('ProposeBcu', { programmeId: 'second', bcu: 'North Central', boroughs: ['Camden', 'Islington'] }, day(61)))
      .then([
        {
          type: 'BcuProposed',
          data: { restructureId, programmeId: 'second', bcu: 'North Central', boroughs: ['Camden', 'Islington'], pathfinder: true, at: day(61) },
        },
      ]);
  });

  it('RS-9 abandoning a programme keeps the evaluation already recorded: a roll-out may still start', () => {
    const history = [...centralNorthLive, evaluated(), dissolved(centralNorth, centralNorthBoroughs, day(250))];
    const abandoned: RestructureEvent = {
      type: 'RestructureProgrammeAbandoned',
      data: { restructureId, programmeId: 'pathfinder', withdrawnBcus: [], reason: 'Pathfinder stage closed', at: day(260) },
    };
    const state = foldEvents(decider, [...history, abandoned]);
    expect(findProgramme(state, 'pathfinder')).toMatchObject({ abandoned: true, evaluated: true });
    given([...history, abandoned])
      .when(command('StartRestructureProgramme', { programmeId: 'roll-out', stage: 'roll-out', name: 'Roll-out' }, day(270)))
      .then([{ type: 'RestructureProgrammeStarted', data: { restructureId, programmeId: 'roll-out', stage: 'roll-out', name: 'Roll-out', at: day(270) } }]);
  });

  it('RS-9 refuses to abandon a programme that was never started', () => {
    given([]).when(command('AbandonRestructureProgramme', { programmeId: 'pathfinder', reason: 'x' })).then({ _tag: 'UnknownProgramme', rule: 'RS-9' });
  });
});
