import { describe, it } from 'vitest';
import { policyWith } from '../../src/policy/policy.js';
import { isoDate } from '../../src/shared/iso-date.js';
import {
  centralNorth,
  centralNorthReady,
  command,
  day,
  given,
  givenUnder,
  restructureId,
  without,
} from './restructure-fixtures.js';

const allocate = (borough: string, officersPerWard: number, exceptions?: readonly { ward: string; officers: number }[], at = day(5)) =>
  command('AllocateDedicatedWardOfficers', exceptions === undefined ? { borough, officersPerWard } : { borough, officersPerWard, exceptions }, at);

/** Seed 003: the second dedicated ward officer in every ward 'by the end of 2017'. */
const END_OF_2017 = isoDate('2017-12-31');

describe('dedicated ward officers (RS-7)', () => {
  it('RS-7 allocates two DWOs a ward in Camden and records its 18 wards', () => {
    given([])
      .when(allocate('Camden', 2))
      .then([
        {
          type: 'DedicatedWardOfficersAllocated',
          data: { restructureId, borough: 'Camden', officersPerWard: 2, exceptions: [], wards: 18, at: day(5) },
        },
      ]);
  });

  it('RS-7 lets pathfinder sites have more than two, with wards that differ', () => {
    given([])
      .when(allocate('Havering', 3, [{ ward: 'Romford Town', officers: 5 }]))
      .then([
        {
          type: 'DedicatedWardOfficersAllocated',
          data: { restructureId, borough: 'Havering', officersPerWard: 3, exceptions: [{ ward: 'Romford Town', officers: 5 }], wards: 18, at: day(5) },
        },
      ]);
  });

  it('RS-7 before the end of 2017 one DWO a ward was the commitment in force (seed 003: from one to two by the end of 2017)', () => {
    given([])
      .when(allocate('Islington', 1, undefined, isoDate('2017-12-30')))
      .then([
        {
          type: 'DedicatedWardOfficersAllocated',
          data: { restructureId, borough: 'Islington', officersPerWard: 1, exceptions: [], wards: 16, at: isoDate('2017-12-30') },
        },
      ]);
    given([]).when(allocate('Islington', 0, undefined, isoDate('2017-12-30'))).then({ _tag: 'WardBelowMinimum', rule: 'RS-7', minimum: 1 });
  });

  it('RS-7 refuses one DWO a ward from the end of 2017, naming the count and the minimum', () => {
    given([])
      .when(allocate('Islington', 1, undefined, END_OF_2017))
      .then({ _tag: 'WardBelowMinimum', rule: 'RS-7', borough: 'Islington', ward: null, officers: 1, minimum: 2 });
  });

  it('RS-7 refuses an allocation that leaves one ward below two, naming the ward', () => {
    given([])
      .when(allocate('Islington', 2, [{ ward: 'Highbury East', officers: 3 }, { ward: 'Bunhill', officers: 1 }], END_OF_2017))
      .then({
        _tag: 'WardBelowMinimum',
        rule: 'RS-7',
        borough: 'Islington',
        ward: 'Bunhill',
        officers: 1,
        message: "Ward 'Bunhill' of Islington would have 1 dedicated ward officer; each ward keeps at least 2.",
      });
  });

  it('RS-7 refuses a ward with no dedicated officer at all', () => {
    given([]).when(allocate('Camden', 2, [{ ward: 'Holborn and Covent Garden', officers: 0 }])).then({ _tag: 'WardBelowMinimum', officers: 0 });
  });

  it('RS-7 takes the minimum from the policy', () => {
    givenUnder(policyWith({ minimumDedicatedWardOfficers: 3 }))([])
      .when(allocate('Camden', 2))
      .then({ _tag: 'WardBelowMinimum', rule: 'RS-7', officers: 2, minimum: 3 });
  });

  it('RS-7 refuses a ward listed twice among the exceptions', () => {
    given([])
      .when(allocate('Camden', 2, [{ ward: 'Kilburn', officers: 3 }, { ward: 'Kilburn', officers: 4 }]))
      .then({ _tag: 'DuplicateWardException', rule: 'RS-7', ward: 'Kilburn' });
  });

  it('RS-7 refuses more exceptions than the borough has wards', () => {
    const exceptions = Array.from({ length: 17 }, (_, index) => ({ ward: `Ward ${String(index + 1)}`, officers: 3 }));
    given([]).when(allocate('Islington', 2, exceptions)).then({ _tag: 'TooManyWardExceptions', rule: 'RS-7', exceptions: 17, wards: 16 });
  });

  it('RS-7 refuses an allocation for a name that is not a London borough', () => {
    given([]).when(allocate('City of London', 2)).then({ _tag: 'NotALondonBorough', rule: 'RS-7', borough: 'City of London' });
  });

  it('RS-7 refuses to take a BCU live before every borough has its DWOs allocated', () => {
    given(without(centralNorthReady, (event) => event.type === 'DedicatedWardOfficersAllocated' && event.data.borough === 'Islington'))
      .when(command('TakeBcuLive', { bcu: centralNorth }))
      .then({ _tag: 'WardOfficersNotAllocated', rule: 'RS-7', boroughs: ['Islington'] });
  });
});
