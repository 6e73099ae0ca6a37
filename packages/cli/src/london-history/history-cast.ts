import { type Officer, type Partner, type PartnerRequirement, type Rank } from '@borough-command/domain';

const givenNames = [
  'Alex', 'Bridget', 'Callum', 'Deborah', 'Emeka', 'Fiona', 'Gareth', 'Hannah', 'Imran', 'Joanne', 'Kwame', 'Louise',
  'Marcus', 'Nadia', 'Owen', 'Priya', 'Quentin', 'Rachel', 'Sanjay', 'Tessa', 'Umar', 'Vanessa', 'Wesley', 'Yasmin',
];
const familyNames = [
  'Ashworth', 'Bello', 'Carrick', 'Desai', 'Ellery', 'Fairbairn', 'Greaves', 'Holloway', 'Iqbal', 'Jennings', 'Kowalski',
  'Lindqvist', 'Mensah', 'Norcott', 'Okonjo', 'Pemberton', 'Quayle', 'Rahman', 'Stanhope', 'Thorne', 'Underwood', 'Vickers',
  'Whitlock',
];
const areaCommanders = ['Area Commander Hart', 'Area Commander Musa', 'Area Commander Owen', 'Area Commander Reid', 'Area Commander Shah'];

/** Marks every person of a generated history, so no reader mistakes one for a real officer or office holder. */
const SYNTHETIC = '(synthetic)';

const synthetic = (name: string): string => `${name} ${SYNTHETIC}`;

/** The invented name of the `number`-th person: the same number always gives the same name. */
export const syntheticName = (number: number): string => {
  const given = givenNames[number % givenNames.length] ?? 'Alex';
  const family = familyNames[(number * 7) % familyNames.length] ?? 'Ashworth';
  return synthetic(`${given} ${family}`);
};

/** The people of a generated history who are not officers posted to a unit. */
export const historyPeople = {
  actp: synthetic('Assistant Commissioner, Territorial Policing'),
  mps: synthetic('Deputy Commissioner'),
  directorHr: synthetic('Director of Human Resources'),
  mopac: synthetic('Deputy Mayor for Policing and Crime'),
  evaluator: synthetic('Strengthening Local Policing programme board'),
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
      return { id: `officer-${String(issued).padStart(4, '0')}`, name: syntheticName(issued), rank };
    },
  };
};

/** The area commander who runs a borough's appointments and assesses its commander, by the borough's place in the history. */
export const areaCommanderOf = (boroughIndex: number): string => synthetic(areaCommanders[boroughIndex % areaCommanders.length] ?? 'Area Commander');

/** A borough's local partners: its council's chief executive and leader, its MP and the police authority's link member. */
export const partnersOf = (borough: string): {
  readonly chiefExecutive: Partner;
  readonly leader: Partner;
  readonly mp: Partner;
  readonly linkMember: Partner;
} => ({
  chiefExecutive: { kind: 'local-authority-chief-executive', name: synthetic(`Chief executive of ${borough} council`) },
  leader: { kind: 'local-authority-leader', name: synthetic(`Leader of ${borough} council`) },
  mp: { kind: 'mp', name: synthetic(`MP for ${borough}`) },
  linkMember: { kind: 'link-member', name: synthetic(`Link member for ${borough}`) },
});

/** The borough's partner consulted to meet a kind AP-3 requires: its council's chief executive for the local authority, its MP, its link member. */
export const boroughPartnerMeeting =
  (borough: string) =>
  (requirement: PartnerRequirement): Partner => {
    const partners = partnersOf(borough);
    return requirement === 'local-authority' ? partners.chiefExecutive : requirement === 'mp' ? partners.mp : partners.linkMember;
  };
