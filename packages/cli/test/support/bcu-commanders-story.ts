/**
 * A small pathfinder story of BCU commanders (RS-4), as JSON commands: Central North (Camden and
 * Islington) is proposed; Ada Stone is named its interim commander on 2016-11-01, before it goes
 * live on 2017-01-01 (a designate posting that takes command that day); Ben Hale succeeds her on
 * 2018-03-01, her departure approved for professional reasons (interim postings have no minimum
 * term, so it is not early). Everyone is synthetic.
 */
const restructureId = 'met';
const bcu = 'Central North';
const boroughs = ['Camden', 'Islington'] as const;
const coreFunctions = ['neighbourhoods', 'response', 'investigation', 'protecting-vulnerable-people'] as const;

/** The BCU's commanders and dates, for the tests to state what they expect. */
export const bcuStory = {
  bcu,
  namedOn: '2016-11-01',
  goLive: '2017-01-01',
  successionOn: '2018-03-01',
  ada: { id: 'ada-stone', name: 'Ada Stone (synthetic)', rank: 'chief-superintendent' },
  ben: { id: 'ben-hale', name: 'Ben Hale (synthetic)', rank: 'chief-superintendent' },
} as const;

/** Consultations, superintendents, ward officers and stations, so the BCU can go live (RS-2, RS-5, RS-7, RS-8). */
const readiness = (): Record<string, unknown>[] => [
  { type: 'RecordBcuConsultation', at: '2016-10-20', restructureId, bcu, consultee: 'mopac', name: 'MOPAC (synthetic)' },
  ...boroughs.flatMap((borough) => [
    { type: 'RecordBcuConsultation', at: '2016-10-20', restructureId, bcu, consultee: 'local-authority-leader', name: `${borough} leader (synthetic)`, borough },
    { type: 'RecordBcuConsultation', at: '2016-10-20', restructureId, bcu, consultee: 'local-authority-chief-executive', name: `${borough} chief executive (synthetic)`, borough },
    { type: 'AllocateDedicatedWardOfficers', at: '2016-12-01', restructureId, borough, officersPerWard: 2 },
    { type: 'RegisterTwentyFourHourStation', at: '2016-12-01', restructureId, borough, station: `${borough} station (synthetic)` },
  ]),
  ...coreFunctions.map((leads, index) => ({
    type: 'AssignSuperintendent',
    at: '2016-12-01',
    restructureId,
    bcu,
    superintendent: { id: `superintendent-${leads}`, name: `Superintendent ${leads} (synthetic)`, rank: 'superintendent' },
    leads,
    ...(index < boroughs.length ? { dedicatedTo: boroughs[index] } : {}),
  })),
];

/** The story's commands in order, each with its own id. */
export const bcuCommandersStory = (): readonly Record<string, unknown>[] =>
  [
    { type: 'StartRestructureProgramme', at: '2016-10-01', restructureId, programmeId: 'pathfinder', stage: 'pathfinder', name: 'BCU pathfinders' },
    { type: 'ProposeBcu', at: '2016-10-10', restructureId, programmeId: 'pathfinder', bcu, boroughs: [...boroughs] },
    { type: 'AppointBcuCommander', at: bcuStory.namedOn, restructureId, bcu, officer: bcuStory.ada, interim: true },
    ...readiness(),
    { type: 'TakeBcuLive', at: bcuStory.goLive, restructureId, bcu },
    {
      type: 'AppointBcuCommander',
      at: bcuStory.successionOn,
      restructureId,
      bcu,
      officer: bcuStory.ben,
      interim: false,
      predecessorLeaves: { reason: 'professional', detail: 'leads a national unit (synthetic)', approvedBy: 'Assistant Commissioner (synthetic)' },
    },
  ].map((command, index) => ({ ...command, commandId: `bcu-story-${String(index + 1)}` }));
