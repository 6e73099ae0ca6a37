import type { CommanderRole, CommandUnit, CommandUnitKind } from './vocabulary.js';

/** AP-1 and PO-1: the commander roles of each kind of unit (borough roles a borough, the BCU commander a BCU). */
export const rolesOfUnitKind: Readonly<Record<CommandUnitKind, readonly CommanderRole[]>> = {
  borough: ['borough-commander', 'link-borough-commander'],
  bcu: ['bcu-commander'],
};

/** AP-1 and PO-1: tells whether a role commands this kind of unit. */
export const roleFitsUnit = (role: CommanderRole, unit: CommandUnit): boolean => rolesOfUnitKind[unit.kind].includes(role);
