import { describe, it } from 'vitest';
import {
  centralNorth,
  centralNorthBoroughs,
  centralNorthConsultations,
  centralNorthReady,
  command,
  day,
  given,
  proposed,
  restructureId,
  started,
  without,
} from './restructure-fixtures.js';

const proposedOnly = [started('pathfinder', 'pathfinder'), proposed(centralNorth, centralNorthBoroughs)];

describe('consulting on a BCU (RS-2)', () => {
  it('RS-2 records the consultation of a borough’s local authority leader', () => {
    given(proposedOnly)
      .when(command('RecordBcuConsultation', { bcu: centralNorth, consultee: 'local-authority-leader', name: 'Georgia Gould', borough: 'Camden' }, day(2)))
      .then([
        {
          type: 'BcuConsultationRecorded',
          data: { restructureId, bcu: centralNorth, consultee: 'local-authority-leader', borough: 'Camden', name: 'Georgia Gould', at: day(2) },
        },
      ]);
  });

  it('RS-2 records the consultation of MOPAC for the whole BCU', () => {
    given(proposedOnly)
      .when(command('RecordBcuConsultation', { bcu: centralNorth, consultee: 'mopac', name: 'Sophie Linden' }, day(2)))
      .then([
        {
          type: 'BcuConsultationRecorded',
          data: { restructureId, bcu: centralNorth, consultee: 'mopac', borough: null, name: 'Sophie Linden', at: day(2) },
        },
      ]);
  });

  it('RS-2 refuses a local authority consultation that names no borough', () => {
    given(proposedOnly)
      .when(command('RecordBcuConsultation', { bcu: centralNorth, consultee: 'local-authority-chief-executive', name: 'Mike Cooke' }))
      .then({ _tag: 'ConsultationNeedsBorough', rule: 'RS-2', consultee: 'local-authority-chief-executive' });
  });

  it('RS-2 refuses a local authority consultation for a borough outside the BCU', () => {
    given(proposedOnly)
      .when(command('RecordBcuConsultation', { bcu: centralNorth, consultee: 'local-authority-leader', name: 'Philip Glanville', borough: 'Hackney' }))
      .then({ _tag: 'BoroughNotInBcu', rule: 'RS-2', borough: 'Hackney', bcu: centralNorth });
  });

  it('RS-2 refuses a MOPAC consultation that names a borough', () => {
    given(proposedOnly)
      .when(command('RecordBcuConsultation', { bcu: centralNorth, consultee: 'mopac', name: 'Sophie Linden', borough: 'Camden' }))
      .then({ _tag: 'BoroughGivenForMopac', rule: 'RS-2', borough: 'Camden' });
  });

  it('RS-2 refuses a consultation about a BCU that was never proposed', () => {
    given(proposedOnly)
      .when(command('RecordBcuConsultation', { bcu: 'East Area', consultee: 'mopac', name: 'Sophie Linden' }))
      .then({ _tag: 'UnknownBcu', rule: 'RS-2', bcu: 'East Area' });
  });

  it('RS-2 refuses to take a BCU live before anyone is consulted, listing every borough’s leader and chief executive and MOPAC', () => {
    given(without(centralNorthReady, (event) => centralNorthConsultations.includes(event)))
      .when(command('TakeBcuLive', { bcu: centralNorth }))
      .then({
        _tag: 'ConsultationsMissing',
        rule: 'RS-2',
        missing: [
          { consultee: 'local-authority-leader', borough: 'Camden' },
          { consultee: 'local-authority-chief-executive', borough: 'Camden' },
          { consultee: 'local-authority-leader', borough: 'Islington' },
          { consultee: 'local-authority-chief-executive', borough: 'Islington' },
          { consultee: 'mopac', borough: null },
        ],
      });
  });

  it('RS-2 refuses to take a BCU live when only one borough’s chief executive is missing, naming just that one', () => {
    const islingtonChiefExecutive = centralNorthConsultations[3];
    given(without(centralNorthReady, (event) => event === islingtonChiefExecutive))
      .when(command('TakeBcuLive', { bcu: centralNorth }))
      .then({
        _tag: 'ConsultationsMissing',
        rule: 'RS-2',
        missing: [{ consultee: 'local-authority-chief-executive', borough: 'Islington' }],
        message: "BCU 'Central North' cannot go live before the chief executive of Islington is consulted.",
      });
  });

  it('RS-2 refuses to take a BCU live before MOPAC is consulted', () => {
    given(without(centralNorthReady, (event) => event.type === 'BcuConsultationRecorded' && event.data.consultee === 'mopac'))
      .when(command('TakeBcuLive', { bcu: centralNorth }))
      .then({ _tag: 'ConsultationsMissing', rule: 'RS-2', missing: [{ consultee: 'mopac', borough: null }] });
  });
});
