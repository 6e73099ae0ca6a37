import type { CommanderRole, CommandUnit } from '@borough-command/domain';

/** The key of a command unit in a view's maps: `borough:Camden`, `bcu:Central North`. */
export const unitKey = (unit: CommandUnit): string => `${unit.kind}:${unit.name}`;

/** Orders command units: boroughs before BCUs, then by name. */
export const compareUnits = (a: CommandUnit, b: CommandUnit): number =>
  a.kind === b.kind ? compareText(a.name, b.name) : a.kind === 'borough' ? -1 : 1;

/** Orders text by UTF-16 code units, the same on every machine (no locale). */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The role whose holder commands a unit: the borough commander of a borough, the BCU commander of a BCU. */
export const principalRole = (unit: CommandUnit): CommanderRole => (unit.kind === 'borough' ? 'borough-commander' : 'bcu-commander');

/** The command unit a borough is on its own. */
export const boroughUnit = (name: string): CommandUnit => ({ kind: 'borough', name });

/** The command unit a BCU is. */
export const bcuUnit = (name: string): CommandUnit => ({ kind: 'bcu', name });

/** Values by command unit: one map per kind, keyed by the unit's name (no key strings built per event). */
export interface UnitIndex<V> {
  readonly borough: Map<string, V>;
  readonly bcu: Map<string, V>;
}

/** An index with no unit. */
export const emptyUnitIndex = <V>(): UnitIndex<V> => ({ borough: new Map(), bcu: new Map() });

/** The value of a unit, if any. */
export const unitValue = <V>(index: UnitIndex<V>, unit: CommandUnit): V | undefined => index[unit.kind].get(unit.name);

/** The value of a unit, created on first use. */
export const unitValueOrNew = <V>(index: UnitIndex<V>, unit: CommandUnit, create: () => V): V => {
  const byName = index[unit.kind];
  let value = byName.get(unit.name);
  if (value === undefined) {
    value = create();
    byName.set(unit.name, value);
  }
  return value;
};

/** Every value of an index, with its unit: boroughs first, then BCUs, each by name. */
export const unitEntries = <V>(index: UnitIndex<V>): readonly (readonly [CommandUnit, V])[] =>
  (['borough', 'bcu'] as const).flatMap((kind) =>
    [...index[kind].entries()].sort(([a], [b]) => compareText(a, b)).map(([name, value]) => [{ kind, name }, value] as const),
  );
