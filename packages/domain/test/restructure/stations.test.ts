import { describe, it } from 'vitest';
import {
  centralNorth,
  centralNorthReady,
  command,
  day,
  given,
  restructureId,
  stationRegistered,
  without,
} from './restructure-fixtures.js';

describe('24/7 police stations (RS-8)', () => {
  it('RS-8 registers a borough’s police station open 24/7', () => {
    given([])
      .when(command('RegisterTwentyFourHourStation', { borough: 'Redbridge', station: 'Ilford' }, day(6)))
      .then([{ type: 'TwentyFourHourStationRegistered', data: { restructureId, borough: 'Redbridge', station: 'Ilford', at: day(6) } }]);
  });

  it('RS-8 refuses to register the same station twice', () => {
    given([stationRegistered('Redbridge', 'Ilford')])
      .when(command('RegisterTwentyFourHourStation', { borough: 'Redbridge', station: 'Ilford' }))
      .then({ _tag: 'StationAlreadyRegistered', rule: 'RS-8', station: 'Ilford' });
  });

  it('RS-8 refuses a station outside London’s 32 boroughs', () => {
    given([])
      .when(command('RegisterTwentyFourHourStation', { borough: 'City of London', station: 'Bishopsgate' }))
      .then({ _tag: 'NotALondonBorough', rule: 'RS-8', borough: 'City of London' });
  });

  it('RS-8 closes a 24/7 station when the borough keeps another', () => {
    given([stationRegistered('Havering', 'Romford'), stationRegistered('Havering', 'Hornchurch')])
      .when(command('CloseTwentyFourHourStation', { borough: 'Havering', station: 'Hornchurch', reason: 'Front counter closed at night' }, day(20)))
      .then([
        {
          type: 'TwentyFourHourStationClosed',
          data: { restructureId, borough: 'Havering', station: 'Hornchurch', reason: 'Front counter closed at night', at: day(20) },
        },
      ]);
  });

  it('RS-8 refuses to close a borough’s last 24/7 station', () => {
    given([stationRegistered('Havering', 'Romford'), stationRegistered('Camden', 'Holborn')])
      .when(command('CloseTwentyFourHourStation', { borough: 'Havering', station: 'Romford', reason: 'Buildings shared across the BCU' }))
      .then({ _tag: 'LastTwentyFourHourStation', rule: 'RS-8', borough: 'Havering', station: 'Romford' });
  });

  it('RS-8 refuses to close the one left after another closed', () => {
    const closed = {
      type: 'TwentyFourHourStationClosed' as const,
      data: { restructureId, borough: 'Havering', station: 'Hornchurch', reason: 'Estate review', at: day(20) },
    };
    given([stationRegistered('Havering', 'Romford'), stationRegistered('Havering', 'Hornchurch'), closed])
      .when(command('CloseTwentyFourHourStation', { borough: 'Havering', station: 'Romford', reason: 'Estate review' }))
      .then({ _tag: 'LastTwentyFourHourStation', rule: 'RS-8', station: 'Romford' });
  });

  it('RS-8 refuses to close a station that is not registered in the borough', () => {
    given([stationRegistered('Havering', 'Romford'), stationRegistered('Havering', 'Hornchurch')])
      .when(command('CloseTwentyFourHourStation', { borough: 'Havering', station: 'Ilford', reason: 'Estate review' }))
      .then({ _tag: 'UnknownStation', rule: 'RS-8', station: 'Ilford' });
  });

  it('RS-8 refuses to take a BCU live while a borough has no 24/7 station', () => {
    given(without(centralNorthReady, (event) => event.type === 'TwentyFourHourStationRegistered' && event.data.borough === 'Camden'))
      .when(command('TakeBcuLive', { bcu: centralNorth }))
      .then({ _tag: 'NoTwentyFourHourStation', rule: 'RS-8', boroughs: ['Camden'] });
  });
});
