import type { CommandUnit, CommanderRole } from './vocabulary.js';

const roleWords: Readonly<Record<CommanderRole, string>> = {
  'borough-commander': 'borough commander',
  'link-borough-commander': 'link borough commander',
  'bcu-commander': 'BCU commander',
};

/** A commander role in words: `link borough commander`. */
export const roleInWords = (role: CommanderRole): string => roleWords[role];

/** A command unit in words: `the borough of Camden`, `the BCU Central North`. */
export const unitInWords = (unit: CommandUnit): string =>
  unit.kind === 'borough' ? `the borough of ${unit.name}` : `the BCU ${unit.name}`;
