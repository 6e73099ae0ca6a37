/** Rejections about a command unit that several rules raise; each carries the ID of the rule that refused. */
import type { RuleId, RuleViolation } from './rule-id.js';
import { roleInWords, unitInWords } from './unit-wording.js';
import type { CommandUnit, CommanderRole } from './vocabulary.js';

/** The command names a borough that is not one of London's 32. */
export interface NotALondonBorough extends RuleViolation<'NotALondonBorough'> {
  readonly borough: string;
}
/** Refuses a command naming a borough that is not one of London's 32, under the rule that needs a London borough. */
export const notALondonBorough = (rule: RuleId, borough: string): NotALondonBorough => ({
  _tag: 'NotALondonBorough',
  rule,
  message: `'${borough}' is not one of London's 32 boroughs.`,
  borough,
});

/** The role does not command this kind of unit: borough roles lead a borough, the BCU commander a BCU. */
export interface RoleDoesNotFitUnit extends RuleViolation<'RoleDoesNotFitUnit'> {
  readonly role: CommanderRole;
  readonly unit: CommandUnit;
}
/** Refuses a borough role for a BCU, or the BCU commander role for a borough, under the rule that fits roles to units. */
export const roleDoesNotFitUnit = (rule: RuleId, role: CommanderRole, unit: CommandUnit): RoleDoesNotFitUnit => ({
  _tag: 'RoleDoesNotFitUnit',
  rule,
  message: `A ${roleInWords(role)} does not command ${unitInWords(unit)}: the ${roleInWords(role)} leads ${
    role === 'bcu-commander' ? 'a BCU' : 'a borough'
  }.`,
  role,
  unit,
});
