import { streamKey, type Officer, type Partner, type PartnerRequirement, type Rank } from '@borough-command/domain';

const givenNames = [
  'Amira', 'Ben', 'Chloe', 'David', 'Esther', 'Femi', 'Grace', 'Harjit', 'Ioana', 'James', 'Kemi', 'Liam', 'Maya', 'Niall', 'Olu', 'Priya', 'Rhys',
];
const familyNames = [
  'Adeyemi', 'Baker', 'Chowdhury', 'Doyle', 'Evans', 'Fraser', 'Gill', 'Hughes', 'Iqbal', 'Jones', 'Khan', 'Lewis', 'Mensah', 'Novak', 'Okafor',
  'Patel', 'Quinn', 'Rossi', 'Singh',
];
const areaCommanders = ['Area Commander Hart', 'Area Commander Musa', 'Area Commander Owen', 'Area Commander Reid', 'Area Commander Shah'];

/** The people of a generated history who are not officers posted to a unit. */
export const historyPeople = {
  actp: 'Assistant Commissioner, Territorial Policing',
  mps: 'Deputy Commissioner',
  directorHr: 'Director of Human Resources',
  mopac: 'Deputy Mayor for Policing and Crime',
  evaluator: 'Strengthening Local Policing programme board',
} as const;

/** Issues officers with stable ids (`officer-0007`) and names, the same for the same history. */
export interface HistoryCast {
  /** A new officer of a rank. */
  readonly officer: (rank: Rank) => Officer;
}

/** A fresh cast: officer numbers start at 1. */
export const createHistoryCast = (): HistoryCast => {
  let issued = 0;
  return {
    officer: (rank) => {
      issued += 1;
      const given = givenNames[issued % givenNames.length] ?? 'Alex';
      const family = familyNames[(issued * 7) % familyNames.length] ?? 'Smith';
      return { id: `officer-${String(issued).padStart(4, '0')}`, name: `${given} ${family}`, rank };
    },
  };
};

/** The area commander who runs a borough's appointments and assesses its commander, by the borough's place in the history. */
export const areaCommanderOf = (boroughIndex: number): string => areaCommanders[boroughIndex % areaCommanders.length] ?? 'Area Commander';

/** A borough's local partners: its council's chief executive and leader, its MP and the police authority's link member. */
export const partnersOf = (borough: string): {
  readonly chiefExecutive: Partner;
  readonly leader: Partner;
  readonly mp: Partner;
  readonly linkMember: Partner;
} => ({
  chiefExecutive: { kind: 'local-authority-chief-executive', name: `Chief executive of ${borough} council` },
  leader: { kind: 'local-authority-leader', name: `Leader of ${borough} council` },
  mp: { kind: 'mp', name: `MP for ${borough}` },
  linkMember: { kind: 'link-member', name: `Link member for ${borough}` },
});

/** The borough's partner consulted to meet a kind AP-3 requires: its council's chief executive for the local authority, its MP, its link member. */
export const boroughPartnerMeeting =
  (borough: string) =>
  (requirement: PartnerRequirement): Partner => {
    const partners = partnersOf(borough);
    return requirement === 'local-authority' ? partners.chiefExecutive : requirement === 'mp' ? partners.mp : partners.linkMember;
  };

/** The short key of a borough or BCU in ids: `Barking and Dagenham` → `barking-and-dagenham`. */
export const keyOf = streamKey;
