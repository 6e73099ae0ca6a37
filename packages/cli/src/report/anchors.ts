import { streamKey, type CommandUnit } from '@borough-command/domain';
import { unitKey } from '@borough-command/projections';

/** The page anchors of the command units that have a section of their own. */
export interface UnitAnchors {
  /** The anchor of a unit's section, or null when the page has none for it. */
  readonly of: (unit: CommandUnit) => string | null;
}

/** Gives each unit a readable anchor, unique on the page (`borough-camden`, `bcu-central-north`), numbered when two names read the same. */
export const unitAnchors = (units: readonly CommandUnit[]): UnitAnchors => {
  const anchors = new Map<string, string>();
  const taken = new Set<string>();
  for (const unit of units) {
    const base = `${unit.kind}-${streamKey(unit.name)}`;
    let anchor = base;
    for (let suffix = 2; taken.has(anchor); suffix += 1) anchor = `${base}-${String(suffix)}`;
    taken.add(anchor);
    anchors.set(unitKey(unit), anchor);
  }
  return { of: (unit) => anchors.get(unitKey(unit)) ?? null };
};
