/** The commands the writer processes of `separate-processes.test.ts` race with. */
import { isoDate, type DomainCommand } from '@borough-command/domain';

/** The boroughs whose substantive commander every writer races for (PO-1). */
export const RACED_BOROUGHS = ['Camden', 'Islington', 'Hackney', 'Haringey'] as const;
/** Each writer's BCU proposal: any two share a borough, so one alone can be recorded (RS-1). */
const PROPOSALS: readonly (readonly string[])[] = [['Barnet', 'Brent'], ['Brent', 'Enfield'], ['Enfield', 'Barnet'], ['Barnet', 'Brent', 'Enfield']];

/** The commands writer `w` sends at once. */
export const writerCommands = (w: number): readonly DomainCommand[] => [
  ...RACED_BOROUGHS.map((name): DomainCommand => ({
    type: 'StartPosting',
    commandId: `start ${name} w${String(w)}`,
    at: isoDate('2013-06-03'),
    unit: { kind: 'borough', name },
    postingId: `${name.toLowerCase()}-w${String(w)}`,
    role: 'borough-commander',
    officer: { id: `${name.toLowerCase()}-w${String(w)}`, name: `Officer ${String(w)} of ${name}`, rank: 'chief-superintendent' },
    acting: false,
  })),
  {
    type: 'ProposeBcu',
    commandId: `propose BCU w${String(w)}`,
    at: isoDate('2017-01-02'),
    restructureId: 'met',
    programmeId: 'pathfinder',
    bcu: `BCU w${String(w)}`,
    boroughs: [...(PROPOSALS[w % PROPOSALS.length] ?? [])],
  },
  // The same command from every writer: stored once, whoever comes first.
  {
    type: 'OpenAppointmentProcess',
    commandId: 'open bexley 2013',
    at: isoDate('2013-03-01'),
    processId: 'bexley-2013',
    unit: { kind: 'borough', name: 'Bexley' },
    role: 'borough-commander',
    areaCommander: 'Area commander',
  },
];
