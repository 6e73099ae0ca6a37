import { describe, expect, it } from 'vitest';
import {
  AREA_COMMANDER,
  CAMDEN,
  CENTRAL_NORTH,
  LEADER,
  PROCESS,
  consult,
  d,
  given,
  oneOfEachCommand,
  open,
  opened,
} from './appointment-fixtures.js';

describe('AP-1 opening an appointment process', () => {
  it('AP-1 opens a process for a London borough, a role and the area commander who runs it', () => {
    given([]).when(open()).then([
      {
        type: 'AppointmentProcessOpened',
        data: { processId: PROCESS, unit: CAMDEN, role: 'borough-commander', areaCommander: AREA_COMMANDER, at: d('2011-03-01') },
      },
    ]);
  });

  it('AP-1 opens a link borough commander process for a borough', () => {
    given([]).when(open({ role: 'link-borough-commander' })).then([
      {
        type: 'AppointmentProcessOpened',
        data: { processId: PROCESS, unit: CAMDEN, role: 'link-borough-commander', areaCommander: AREA_COMMANDER, at: d('2011-03-01') },
      },
    ]);
  });

  it('AP-1 opens a BCU commander process for a BCU', () => {
    given([]).when(open({ unit: CENTRAL_NORTH, role: 'bcu-commander', at: d('2016-11-18') })).then([
      {
        type: 'AppointmentProcessOpened',
        data: { processId: PROCESS, unit: CENTRAL_NORTH, role: 'bcu-commander', areaCommander: AREA_COMMANDER, at: d('2016-11-18') },
      },
    ]);
  });

  it('AP-1 refuses every other command before the process is opened', () => {
    for (const command of oneOfEachCommand().filter((c) => c.type !== 'OpenAppointmentProcess')) {
      given([]).when(command).then({ _tag: 'ProcessNotOpened', rule: 'AP-1', processId: PROCESS, commandType: command.type });
    }
  });

  it('AP-1 refuses opening the same process twice', () => {
    given(opened).when(open({ at: d('2011-03-02') })).then({ _tag: 'ProcessAlreadyOpened', rule: 'AP-1', openedOn: d('2011-03-01') });
  });

  it('AP-1 refuses a borough that is not one of London\'s 32 (the City of London is not one)', () => {
    given([]).when(open({ unit: { kind: 'borough', name: 'City of London' } })).then({
      _tag: 'NotALondonBorough',
      rule: 'AP-1',
      borough: 'City of London',
    });
    given([]).when(open({ unit: { kind: 'borough', name: 'camden' } })).then({ _tag: 'NotALondonBorough', rule: 'AP-1', borough: 'camden' });
  });

  it('AP-1 refuses a borough role for a BCU and the BCU commander role for a borough', () => {
    given([]).when(open({ unit: CENTRAL_NORTH, role: 'borough-commander' })).then({
      _tag: 'RoleDoesNotFitUnit',
      rule: 'AP-1',
      role: 'borough-commander',
      unit: CENTRAL_NORTH,
    });
    given([]).when(open({ unit: CENTRAL_NORTH, role: 'link-borough-commander' })).then({ _tag: 'RoleDoesNotFitUnit', rule: 'AP-1' });
    given([]).when(open({ unit: CAMDEN, role: 'bcu-commander' })).then({ _tag: 'RoleDoesNotFitUnit', rule: 'AP-1', unit: CAMDEN });
  });

  it('AP-1 refuses a command addressed to another process', () => {
    given(opened).when({ ...consult(LEADER), processId: 'islington-2011' }).then({
      _tag: 'WrongProcess',
      rule: 'AP-1',
      processId: PROCESS,
      commandProcessId: 'islington-2011',
    });
  });

  it('AP-1 rejections say what was refused in a sentence', () => {
    const { result } = given([]).when(open({ unit: { kind: 'borough', name: 'Gotham' } }));
    expect(result).toMatchObject({ _tag: 'Left', left: { message: expect.stringContaining("'Gotham'") as unknown } });
  });
});
