import { describe, it } from 'vitest';
import {
  centralNorth,
  centralNorthBoroughs,
  centralNorthLive,
  command,
  day,
  dissolved,
  evaluated,
  given,
  proposed,
  restructureId,
  started,
} from './restructure-fixtures.js';

const propose = (bcu: string, boroughs: readonly string[], programmeId = 'pathfinder') =>
  command('ProposeBcu', { programmeId, bcu, boroughs }, day(1));

describe('proposing a BCU (RS-1)', () => {
  it('RS-1 proposes a pathfinder BCU merging two distinct London boroughs', () => {
    given([started('pathfinder', 'pathfinder')])
      .when(propose('Central North', ['Camden', 'Islington']))
      .then([
        {
          type: 'BcuProposed',
          data: { restructureId, programmeId: 'pathfinder', bcu: 'Central North', boroughs: ['Camden', 'Islington'], pathfinder: true, at: day(1) },
        },
      ]);
  });

  it('RS-1 marks a BCU proposed in a roll-out programme as not a pathfinder', () => {
    given([...centralNorthLive, evaluated(), started('roll-out', 'roll-out', day(300))])
      .when(propose('North West', ['Barnet', 'Brent', 'Harrow'], 'roll-out'))
      .then([
        {
          type: 'BcuProposed',
          data: { restructureId, programmeId: 'roll-out', bcu: 'North West', boroughs: ['Barnet', 'Brent', 'Harrow'], pathfinder: false, at: day(1) },
        },
      ]);
  });

  it('RS-1 refuses a BCU of a single borough', () => {
    given([started('pathfinder', 'pathfinder')])
      .when(propose('Camden only', ['Camden']))
      .then({ _tag: 'TooFewBoroughs', rule: 'RS-1', bcu: 'Camden only', boroughs: ['Camden'] });
  });

  it('RS-1 refuses a BCU that names the same borough twice', () => {
    given([started('pathfinder', 'pathfinder')])
      .when(propose('Camden twice', ['Camden', 'Camden']))
      .then({ _tag: 'DuplicateBorough', rule: 'RS-1', borough: 'Camden' });
  });

  it('RS-1 refuses a BCU with a borough that is not one of London’s 32', () => {
    given([started('pathfinder', 'pathfinder')])
      .when(propose('Central', ['Camden', 'City of London']))
      .then({ _tag: 'NotALondonBorough', rule: 'RS-1', borough: 'City of London' });
  });

  it('RS-1 refuses a borough that is already in another proposed BCU, naming borough and BCU', () => {
    given([started('pathfinder', 'pathfinder'), proposed(centralNorth, centralNorthBoroughs)])
      .when(propose('North Central', ['Islington', 'Hackney']))
      .then({ _tag: 'BoroughInAnotherBcu', rule: 'RS-1', borough: 'Islington', otherBcu: centralNorth, otherStatus: 'proposed' });
  });

  it('RS-1 refuses a borough that is already in a live BCU', () => {
    given(centralNorthLive)
      .when(propose('North Central', ['Hackney', 'Camden']))
      .then({ _tag: 'BoroughInAnotherBcu', rule: 'RS-1', borough: 'Camden', otherBcu: centralNorth, otherStatus: 'live' });
  });

  it('RS-1 lets the boroughs of a dissolved BCU join another BCU', () => {
    given([...centralNorthLive, dissolved(centralNorth, centralNorthBoroughs, day(100))])
      .when(propose('Camden and Hackney', ['Camden', 'Hackney']))
      .then([
        {
          type: 'BcuProposed',
          data: { restructureId, programmeId: 'pathfinder', bcu: 'Camden and Hackney', boroughs: ['Camden', 'Hackney'], pathfinder: true, at: day(1) },
        },
      ]);
  });

  it('RS-1 refuses a second BCU with a name already used in the restructure, even once dissolved', () => {
    given([...centralNorthLive, dissolved(centralNorth, centralNorthBoroughs, day(100))])
      .when(propose(centralNorth, ['Hackney', 'Tower Hamlets']))
      .then({ _tag: 'BcuNameTaken', rule: 'RS-1', bcu: centralNorth });
  });

  it('RS-1 refuses a BCU in a programme that was never started', () => {
    given([]).when(propose(centralNorth, ['Camden', 'Islington'])).then({ _tag: 'UnknownProgramme', rule: 'RS-1', programmeId: 'pathfinder' });
  });
});
