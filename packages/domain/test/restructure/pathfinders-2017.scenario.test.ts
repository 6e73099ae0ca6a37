import { describe, expect, it } from 'vitest';
import { pathfinderBcus, findBcu } from '../../src/reference/london.js';
import { londonBoroughs } from '../../src/reference/london-boroughs.js';
import { isoDate } from '../../src/shared/iso-date.js';
import type { CoreFunction, Officer } from '../../src/shared/vocabulary.js';
import { liveBcus, totalWardOfficers, wardOfficersOf } from '../../src/restructure/restructure-queries.js';
import type { RestructureCommand } from '../../src/restructure/restructure-commands.js';
import type { RestructureEvent } from '../../src/restructure/restructure-events.js';
import { chiefSuperintendent, restructureId, run, superintendent } from './restructure-fixtures.js';

let sequence = 0;
const at = (date: string) => <C extends Omit<RestructureCommand, 'commandId' | 'restructureId' | 'at'>>(fields: C) => {
  sequence += 1;
  return { ...fields, commandId: `scenario-${String(sequence)}`, restructureId, at: isoDate(date) } as unknown as RestructureCommand;
};

interface Pathfinder {
  readonly name: string;
  readonly commander: Officer;
  /** Four superintendents: the function each leads and the borough each is dedicated to, if any. */
  readonly superintendents: readonly { readonly officer: Officer; readonly leads: CoreFunction; readonly dedicatedTo?: string }[];
  readonly stations: Readonly<Record<string, string>>;
}

const centralNorth: Pathfinder = {
  name: 'Central North',
  commander: chiefSuperintendent('cs-roper', 'Catherine Roper'),
  superintendents: [
    { officer: superintendent('cn-1', 'Superintendent CN One'), leads: 'neighbourhoods', dedicatedTo: 'Camden' },
    { officer: superintendent('cn-2', 'Superintendent CN Two'), leads: 'response', dedicatedTo: 'Islington' },
    { officer: superintendent('cn-3', 'Superintendent CN Three'), leads: 'investigation' },
    { officer: superintendent('cn-4', 'Superintendent CN Four'), leads: 'protecting-vulnerable-people' },
  ],
  stations: { Camden: 'Holborn', Islington: 'Islington' },
};

const eastArea: Pathfinder = {
  name: 'East Area',
  commander: chiefSuperintendent('cs-gwillim', 'Jason Gwillim'),
  superintendents: [
    { officer: superintendent('ea-1', 'Superintendent EA One'), leads: 'neighbourhoods', dedicatedTo: 'Barking and Dagenham' },
    { officer: superintendent('ea-2', 'Superintendent EA Two'), leads: 'response', dedicatedTo: 'Havering' },
    { officer: superintendent('ea-3', 'Superintendent EA Three'), leads: 'investigation', dedicatedTo: 'Redbridge' },
    { officer: superintendent('ea-4', 'Superintendent EA Four'), leads: 'protecting-vulnerable-people' },
  ],
  stations: { 'Barking and Dagenham': 'Barking', Havering: 'Romford', Redbridge: 'Ilford' },
};

const boroughsOf = (name: string): readonly string[] => findBcu(name)?.boroughs ?? [];

const goLiveCommands = (pathfinder: Pathfinder, live: string): RestructureCommand[] => {
  const prepare = at('2016-12-01');
  const boroughs = boroughsOf(pathfinder.name);
  return [
    at('2016-11-18')({ type: 'ProposeBcu', programmeId: 'slp-pathfinder', bcu: pathfinder.name, boroughs }),
    ...boroughs.flatMap((borough) => [
      prepare({ type: 'RecordBcuConsultation', bcu: pathfinder.name, consultee: 'local-authority-leader', name: `Leader of ${borough}`, borough }),
      prepare({ type: 'RecordBcuConsultation', bcu: pathfinder.name, consultee: 'local-authority-chief-executive', name: `Chief executive of ${borough}`, borough }),
    ]),
    prepare({ type: 'RecordBcuConsultation', bcu: pathfinder.name, consultee: 'mopac', name: 'Sophie Linden, Deputy Mayor for Policing and Crime' }),
    prepare({ type: 'AppointBcuCommander', bcu: pathfinder.name, officer: pathfinder.commander, interim: true }),
    ...pathfinder.superintendents.map(({ officer, leads, dedicatedTo }) =>
      prepare({ type: 'AssignSuperintendent', bcu: pathfinder.name, superintendent: officer, leads, ...(dedicatedTo === undefined ? {} : { dedicatedTo }) }),
    ),
    ...boroughs.map((borough) => prepare({ type: 'AllocateDedicatedWardOfficers', borough, officersPerWard: 2 })),
    ...boroughs.map((borough) => prepare({ type: 'RegisterTwentyFourHourStation', borough, station: pathfinder.stations[borough] ?? '' })),
    at(live)({ type: 'TakeBcuLive', bcu: pathfinder.name }),
  ];
};

const startPathfinder = at('2016-11-18')({
  type: 'StartRestructureProgramme',
  programmeId: 'slp-pathfinder',
  stage: 'pathfinder',
  name: 'Strengthening Local Policing pathfinders',
});
const pathfindersLive = [startPathfinder, ...goLiveCommands(centralNorth, '2017-01-09'), ...goLiveCommands(eastArea, '2017-01-09')];
const startRollOut = at('2018-02-12')({ type: 'StartRestructureProgramme', programmeId: 'slp-roll-out', stage: 'roll-out', name: 'Roll-out to 12 BCUs' });
const evaluate = at('2017-10-20')({
  type: 'RecordPathfinderEvaluation',
  programmeId: 'slp-pathfinder',
  evaluatedBy: 'MOPAC',
  findings: 'Performance in the merged borough commands improved significantly.',
});

const wentLive = (events: readonly RestructureEvent[]) => events.flatMap((event) => (event.type === 'BcuWentLive' ? [event.data] : []));

describe('the 2017 pathfinders (RS-1 to RS-8)', () => {
  it('uses the pathfinder BCUs of the reference data: Central North and East Area', () => {
    expect(pathfinderBcus.map((bcu) => [bcu.name, bcu.boroughs])).toEqual([
      ['Central North', ['Camden', 'Islington']],
      ['East Area', ['Barking and Dagenham', 'Havering', 'Redbridge']],
    ]);
  });

  it('RS-5 Central North and East Area go live through commands, each with an interim chief superintendent and four superintendents', () => {
    const { state, events, rejections } = run(pathfindersLive);
    expect(rejections).toEqual([]);
    expect(liveBcus(state).map((bcu) => bcu.name)).toEqual(['Central North', 'East Area']);
    const [cn, ea] = wentLive(events);
    expect(cn).toEqual({
      restructureId,
      programmeId: 'slp-pathfinder',
      bcu: 'Central North',
      boroughs: ['Camden', 'Islington'],
      commander: centralNorth.commander,
      interim: true,
      functionLeads: [
        { function: 'neighbourhoods', superintendent: superintendent('cn-1', 'Superintendent CN One') },
        { function: 'response', superintendent: superintendent('cn-2', 'Superintendent CN Two') },
        { function: 'investigation', superintendent: superintendent('cn-3', 'Superintendent CN Three') },
        { function: 'protecting-vulnerable-people', superintendent: superintendent('cn-4', 'Superintendent CN Four') },
      ],
      dedicatedSuperintendents: [
        { borough: 'Camden', superintendent: superintendent('cn-1', 'Superintendent CN One') },
        { borough: 'Islington', superintendent: superintendent('cn-2', 'Superintendent CN Two') },
      ],
      at: isoDate('2017-01-09'),
    });
    expect(ea).toMatchObject({
      bcu: 'East Area',
      boroughs: ['Barking and Dagenham', 'Havering', 'Redbridge'],
      commander: eastArea.commander,
      interim: true,
      dedicatedSuperintendents: [
        { borough: 'Barking and Dagenham', superintendent: { id: 'ea-1' } },
        { borough: 'Havering', superintendent: { id: 'ea-2' } },
        { borough: 'Redbridge', superintendent: { id: 'ea-3' } },
      ],
    });
  });

  it('RS-7 the pathfinder boroughs have two DWOs in each of their 90 wards: 180 officers', () => {
    const { state } = run(pathfindersLive);
    const boroughs = [...boroughsOf('Central North'), ...boroughsOf('East Area')];
    const totals = boroughs.map((borough) => {
      const allocation = wardOfficersOf(state, borough);
      return allocation === undefined ? 0 : totalWardOfficers(allocation);
    });
    // Camden 18, Islington 16, Barking and Dagenham 17, Havering 18, Redbridge 21 wards.
    expect(totals).toEqual([36, 32, 34, 36, 42]);
  });

  it('RS-3 a roll-out is refused before the pathfinder evaluation is recorded and accepted after', () => {
    const before = run([...pathfindersLive, startRollOut]);
    expect(before.rejections).toMatchObject([{ _tag: 'PathfindersNotEvaluated', rule: 'RS-3', programmeId: 'slp-roll-out' }]);
    const after = run([...pathfindersLive, evaluate, startRollOut]);
    expect(after.rejections).toEqual([]);
    expect(after.events.slice(-2).map((event) => event.type)).toEqual(['PathfinderEvaluationRecorded', 'RestructureProgrammeStarted']);
    expect(after.state.programmes.get('slp-roll-out')?.stage).toBe('roll-out');
  });

  it('RS-1 the roll-out cannot take a pathfinder borough into another BCU while its pathfinder is live', () => {
    const { rejections } = run([
      ...pathfindersLive,
      evaluate,
      startRollOut,
      at('2018-02-13')({ type: 'ProposeBcu', programmeId: 'slp-roll-out', bcu: 'North', boroughs: ['Islington', 'Haringey'] }),
    ]);
    expect(rejections).toMatchObject([{ _tag: 'BoroughInAnotherBcu', rule: 'RS-1', borough: 'Islington', otherBcu: 'Central North' }]);
  });

  it('RS-7 two DWOs in every one of London’s 629 wards make 1,258 officers', () => {
    const { state, rejections } = run(
      londonBoroughs.map((borough) => at('2017-12-28')({ type: 'AllocateDedicatedWardOfficers', borough: borough.name, officersPerWard: 2 })),
    );
    expect(rejections).toEqual([]);
    const total = londonBoroughs.reduce((sum, borough) => {
      const allocation = wardOfficersOf(state, borough.name);
      return sum + (allocation === undefined ? 0 : totalWardOfficers(allocation));
    }, 0);
    expect(total).toBe(1258);
  });
});
