import {
  addDays,
  isoDate,
  minimumTermEnd,
  valuesOn,
  type CommanderRole,
  type CommandUnit,
  type IsoDate,
  type Policy,
} from '@borough-command/domain';

/** The boroughs of the model's London, and the BCUs they may form. */
export const modelBoroughs = ['Camden', 'Islington', 'Hackney', 'Tower Hamlets'] as const;
/** The two BCUs of the model, each merging two of its boroughs. */
export const modelBcus = [
  { name: 'Central North', boroughs: ['Camden', 'Islington'] },
  { name: 'Central East', boroughs: ['Hackney', 'Tower Hamlets'] },
] as const;

/** A posting as the model knows it. */
export interface ModelPosting {
  readonly postingId: string;
  readonly officerId: string;
  readonly acting: boolean;
  readonly start: IsoDate;
  /** PO-2: when the minimum term is reached, or null when it does not apply (acting or interim). */
  readonly minimumTermEnd: IsoDate | null;
  /** RS-4: named before the unit went live, not yet in command. */
  readonly designate: boolean;
}

/** Who holds one role of one unit: at most one substantive commander (PO-1) and an acting one covering a vacancy. */
export interface ModelHolders {
  substantive: ModelPosting | undefined;
  acting: ModelPosting | undefined;
}

/** Where a model BCU stands: its current name (a dissolved BCU's name is never reused, RS-1), and whether consulted (RS-2). */
export interface ModelBcu {
  /** How many times it has gone live and been dissolved. */
  generation: number;
  status: 'none' | 'proposed' | 'live';
  consulted: boolean;
}

/**
 * The small model of who commands what: per unit and role, the substantive and acting holders;
 * per borough, the live BCU it belongs to; and the date, which moves on with every step.
 */
export interface SystemModel {
  readonly policy: Policy;
  today: IsoDate;
  /** Keyed `kind:name|role`. */
  readonly holders: Map<string, ModelHolders>;
  /** Postings that ended, by unit key `kind:name`. */
  readonly ended: Map<string, string[]>;
  /** By the BCU's first name, e.g. `Central North`. */
  readonly bcus: Map<string, ModelBcu>;
  /** Each merged borough's live BCU, by its current name. */
  readonly membership: Map<string, string>;
  /** Every BCU name that had a commander named (RS-4), live or not, for checking their postings. */
  readonly bcuUnits: Set<string>;
  programmeStarted: boolean;
  /** Boroughs with a registered 24-hour station (RS-8). */
  readonly stations: Set<string>;
  /** Numbers new ids. */
  issued: number;
}

/** The first day of every model run: role descriptions are endorsed (AP-2) and the minimum term applies (PO-2). */
export const MODEL_FIRST_DAY: IsoDate = isoDate('2012-01-02');

/** A model with no posting, no BCU and the clock on its first day. */
export const initialSystemModel = (policy: Policy): SystemModel => ({
  policy,
  today: MODEL_FIRST_DAY,
  holders: new Map(),
  ended: new Map(),
  bcus: new Map(modelBcus.map((bcu) => [bcu.name, { generation: 1, status: 'none', consulted: false }])),
  membership: new Map(),
  bcuUnits: new Set(),
  programmeStarted: false,
  stations: new Set(),
  issued: 0,
});

/** The key of a unit: `kind:name`. */
export const unitKeyOf = (unit: CommandUnit): string => `${unit.kind}:${unit.name}`;

/** The holders of a unit's role, created empty when the model has none. */
export const holdersOf = (model: SystemModel, unit: CommandUnit, role: CommanderRole): ModelHolders => {
  const key = `${unitKeyOf(unit)}|${role}`;
  const known = model.holders.get(key);
  if (known !== undefined) return known;
  const fresh: ModelHolders = { substantive: undefined, acting: undefined };
  model.holders.set(key, fresh);
  return fresh;
};

/** A fresh number for ids. */
export const issue = (model: SystemModel): number => ++model.issued;

/** Moves the clock on by some days. */
export const advance = (model: SystemModel, days: number): IsoDate => {
  model.today = addDays(model.today, days);
  return model.today;
};

/** What else a posting is: interim (RS-4, no minimum term), designate (RS-4, named before the unit goes live). */
export interface ModelPostingKind {
  readonly interim?: boolean;
  readonly designate?: boolean;
}

/** A posting starting today, with the minimum term the policy in force gives it (PO-2). */
export const modelPosting = (
  model: SystemModel,
  postingId: string,
  officerId: string,
  acting: boolean,
  role: CommanderRole,
  kind: ModelPostingKind = {},
): ModelPosting => ({
  postingId,
  officerId,
  acting,
  start: model.today,
  minimumTermEnd: minimumTermEnd(valuesOn(model.policy, model.today), { role, acting, interim: kind.interim ?? false, start: model.today }) ?? null,
  designate: kind.designate ?? false,
});

/** Records that a posting ended. */
export const endInModel = (model: SystemModel, unit: CommandUnit, postingId: string): void => {
  const key = unitKeyOf(unit);
  model.ended.set(key, [...(model.ended.get(key) ?? []), postingId]);
};

/** PO-1: a substantive commander takes up a role; an acting commander covering it stands down the same day. */
export const startSubstantive = (model: SystemModel, unit: CommandUnit, role: CommanderRole, posting: ModelPosting): void => {
  const holders = holdersOf(model, unit, role);
  if (holders.acting !== undefined) endInModel(model, unit, holders.acting.postingId);
  holders.acting = undefined;
  holders.substantive = posting;
};

/** PO-6: every posting of a unit ends. */
export const endEveryPosting = (model: SystemModel, unit: CommandUnit): void => {
  for (const [key, holders] of model.holders) {
    if (!key.startsWith(`${unitKeyOf(unit)}|`)) continue;
    for (const posting of [holders.substantive, holders.acting]) if (posting !== undefined) endInModel(model, unit, posting.postingId);
    holders.substantive = undefined;
    holders.acting = undefined;
  }
};

/** The name of a model BCU in its current generation: `Central North`, then `Central North 2`, and so on. */
export const bcuNameOf = (base: string, generation: number): string => (generation === 1 ? base : `${base} ${String(generation)}`);

/** The unit that commands a borough in the model: its live BCU, or the borough itself. */
export const commandUnitOf = (model: SystemModel, borough: string): CommandUnit => {
  const bcu = model.membership.get(borough);
  return bcu === undefined ? { kind: 'borough', name: borough } : { kind: 'bcu', name: bcu };
};
