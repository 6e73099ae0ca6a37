import { describe, it } from 'vitest';
import { centralNorthLive, command, day, evaluated, given, restructureId, started } from './restructure-fixtures.js';

describe('starting a restructure programme (RS-3)', () => {
  it('RS-3 starts a pathfinder programme in a force with no restructure yet', () => {
    given([])
      .when(command('StartRestructureProgramme', { programmeId: 'pathfinder', stage: 'pathfinder', name: 'BCU pathfinders' }, day(0)))
      .then([
        {
          type: 'RestructureProgrammeStarted',
          data: { restructureId, programmeId: 'pathfinder', stage: 'pathfinder', name: 'BCU pathfinders', at: day(0) },
        },
      ]);
  });

  it('RS-3 refuses to start a programme whose id is already taken', () => {
    given([started('pathfinder', 'pathfinder')])
      .when(command('StartRestructureProgramme', { programmeId: 'pathfinder', stage: 'pathfinder', name: 'Again' }))
      .then({ _tag: 'ProgrammeAlreadyStarted', rule: 'RS-3', programmeId: 'pathfinder' });
  });

  it('RS-3 refuses a roll-out before any pathfinder evaluation is recorded', () => {
    given([])
      .when(command('StartRestructureProgramme', { programmeId: 'roll-out', stage: 'roll-out', name: 'London-wide roll-out' }))
      .then({ _tag: 'PathfindersNotEvaluated', rule: 'RS-3', programmeId: 'roll-out' });
  });

  it('RS-3 refuses a roll-out while the pathfinders are live but not yet evaluated', () => {
    given(centralNorthLive)
      .when(command('StartRestructureProgramme', { programmeId: 'roll-out', stage: 'roll-out', name: 'London-wide roll-out' }))
      .then({ _tag: 'PathfindersNotEvaluated', rule: 'RS-3' });
  });

  it('RS-3 refuses a roll-out dated before the pathfinder evaluation, even when the evaluation is recorded first', () => {
    given([...centralNorthLive, evaluated('pathfinder', day(200))])
      .when(command('StartRestructureProgramme', { programmeId: 'roll-out', stage: 'roll-out', name: 'London-wide roll-out' }, day(150)))
      .then({ _tag: 'PathfindersNotEvaluated', rule: 'RS-3', programmeId: 'roll-out', at: day(150), evaluatedOn: day(200) });
  });

  it('RS-3 a roll-out may start on the day of the pathfinder evaluation', () => {
    given([...centralNorthLive, evaluated('pathfinder', day(200))])
      .when(command('StartRestructureProgramme', { programmeId: 'roll-out', stage: 'roll-out', name: 'London-wide roll-out' }, day(200)))
      .then([
        {
          type: 'RestructureProgrammeStarted',
          data: { restructureId, programmeId: 'roll-out', stage: 'roll-out', name: 'London-wide roll-out', at: day(200) },
        },
      ]);
  });

  it('RS-3 starts a roll-out once the pathfinder evaluation is recorded', () => {
    given([...centralNorthLive, evaluated()])
      .when(command('StartRestructureProgramme', { programmeId: 'roll-out', stage: 'roll-out', name: 'London-wide roll-out' }, day(400)))
      .then([
        {
          type: 'RestructureProgrammeStarted',
          data: { restructureId, programmeId: 'roll-out', stage: 'roll-out', name: 'London-wide roll-out', at: day(400) },
        },
      ]);
  });
});
