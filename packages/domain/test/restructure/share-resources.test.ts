import { describe, it } from 'vitest';
import {
  centralNorth,
  centralNorthBoroughs,
  centralNorthLive,
  centralNorthReady,
  command,
  day,
  dissolved,
  given,
  restructureId,
} from './restructure-fixtures.js';

describe('sharing resources across a BCU (RS-6)', () => {
  it('RS-6 shares people, buildings, technology and vehicles across a live BCU', () => {
    given(centralNorthLive)
      .when(command('ShareResources', { bcu: centralNorth, resources: ['people', 'buildings', 'technology', 'vehicles'] }, day(30)))
      .then([
        {
          type: 'ResourcesShared',
          data: { restructureId, bcu: centralNorth, resources: ['people', 'buildings', 'technology', 'vehicles'], at: day(30) },
        },
      ]);
  });

  it('RS-6 records each resource once', () => {
    given(centralNorthLive)
      .when(command('ShareResources', { bcu: centralNorth, resources: ['vehicles', 'people', 'vehicles'] }, day(30)))
      .then([{ type: 'ResourcesShared', data: { restructureId, bcu: centralNorth, resources: ['vehicles', 'people'], at: day(30) } }]);
  });

  it('RS-6 refuses to share resources across a BCU that is not live yet', () => {
    given(centralNorthReady)
      .when(command('ShareResources', { bcu: centralNorth, resources: ['buildings'] }))
      .then({ _tag: 'BcuNotLive', rule: 'RS-6', bcu: centralNorth, status: 'proposed' });
  });

  it('RS-6 refuses to share resources across a dissolved BCU', () => {
    given([...centralNorthLive, dissolved(centralNorth, centralNorthBoroughs)])
      .when(command('ShareResources', { bcu: centralNorth, resources: ['vehicles'] }))
      .then({ _tag: 'BcuNotLive', rule: 'RS-6', status: 'dissolved' });
  });

  it('RS-6 refuses to share resources across an unknown BCU', () => {
    given(centralNorthLive)
      .when(command('ShareResources', { bcu: 'East Area', resources: ['vehicles'] }))
      .then({ _tag: 'UnknownBcu', rule: 'RS-6', bcu: 'East Area' });
  });
});
