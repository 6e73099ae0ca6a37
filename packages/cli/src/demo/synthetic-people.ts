import type { Officer, Rank } from '@borough-command/domain';
import type { SeededRandom } from './seeded-random.js';

const givenNames = [
  'Alex', 'Bridget', 'Callum', 'Deborah', 'Emeka', 'Fiona', 'Gareth', 'Hannah', 'Imran', 'Joanne', 'Kwame', 'Louise',
  'Marcus', 'Nadia', 'Owen', 'Priya', 'Quentin', 'Rachel', 'Sanjay', 'Tessa', 'Umar', 'Vanessa', 'Wesley', 'Yasmin',
];
const familyNames = [
  'Ashworth', 'Bello', 'Carrick', 'Desai', 'Ellery', 'Fairbairn', 'Greaves', 'Holloway', 'Iqbal', 'Jennings', 'Kowalski',
  'Lindqvist', 'Mensah', 'Norcott', 'Okonjo', 'Pemberton', 'Quayle', 'Rahman', 'Stanhope', 'Thorne', 'Underwood', 'Vickers',
  'Whitlock', 'Yardley',
];

/** Marks every synthetic person so no reader mistakes them for a real officer. */
export const SYNTHETIC = '(synthetic)';

/** Issues synthetic officers with stable ids (`synthetic-officer-0001`) and invented names. */
export interface SyntheticPeople {
  readonly officer: (rank: Rank) => Officer;
  readonly person: (role: string) => string;
}

/** A generator of synthetic officers and office holders, deterministic from the random source. */
export const syntheticPeople = (random: SeededRandom): SyntheticPeople => {
  let officers = 0;
  return {
    officer: (rank) => {
      officers += 1;
      return {
        id: `synthetic-officer-${String(officers).padStart(4, '0')}`,
        name: `${random.pick(givenNames)} ${random.pick(familyNames)} ${SYNTHETIC}`,
        rank,
      };
    },
    person: (role) => `${role}: ${random.pick(givenNames)} ${random.pick(familyNames)} ${SYNTHETIC}`,
  };
};
