import fc from 'fast-check';
import type { CommandUnit, Officer, Partner } from '@borough-command/domain';
import { checkSystem } from './system-checks.js';
import { holdersOf, modelBoroughs, type ModelHolders, type SystemModel } from './system-model.js';
import type { SystemUnderTest } from './system-under-test.js';

/** One step of a model run: a few commands, what the model expects of them, and the checks after. */
export type SystemStep = fc.AsyncCommand<SystemModel, SystemUnderTest>;

/** The area commander of the model's boroughs. */
export const AREA_COMMANDER = 'Area Commander Hart';
/** The ACTP, who agrees appointments and approves early departures. */
export const ACTP = 'Assistant Commissioner, Territorial Policing';

/** Days a step moves the clock on: often none, so that several things happen on one day. */
export const daysArbitrary: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 400 }) },
  { weight: 1, arbitrary: fc.integer({ min: 400, max: 1500 }) },
);

/** True one time in `n`; shrinks to false. */
export const oneIn = (n: number): fc.Arbitrary<boolean> => fc.integer({ min: 1, max: n }).map((value) => value === n);

/** The `index`-th borough of the model, counted round. */
export const boroughUnit = (index: number): CommandUnit => ({ kind: 'borough', name: modelBoroughs[index % modelBoroughs.length] ?? 'Camden' });

/** The `pick`-th borough (counted round) whose borough commanders pass `wanted`, or the `pick`-th borough when none does. */
export const boroughWith = (model: SystemModel, pick: number, wanted: (holders: ModelHolders) => boolean): CommandUnit => {
  const matching = modelBoroughs.filter((name) => wanted(holdersOf(model, { kind: 'borough', name }, 'borough-commander')));
  const name = matching[pick % Math.max(1, matching.length)];
  return name === undefined ? boroughUnit(pick) : { kind: 'borough', name };
};

/** Tells whether some borough of the model has a substantive borough commander. */
export const someBoroughCommanded = (model: SystemModel): boolean =>
  modelBoroughs.some((name) => holdersOf(model, { kind: 'borough', name }, 'borough-commander').substantive !== undefined);

/** An officer of the model, named after their id. */
export const modelOfficer = (id: string, rank: Officer['rank']): Officer => ({ id, name: `Officer ${id}`, rank });

/** A borough's local authority, as a partner. */
export const localAuthorityOf = (borough: string): Partner => ({ kind: 'local-authority-chief-executive', name: `Chief executive of ${borough} council` });

/** A step named as a counterexample shows it (`appoint(Camden, +30 days)`), drawn when `check` allows, checked against the model after it runs. */
export const systemStep = (
  name: string,
  check: (model: SystemModel) => boolean,
  run: (model: SystemModel, real: SystemUnderTest) => Promise<void>,
): SystemStep => ({
  check,
  run: async (model, real) => {
    await run(model, real);
    await checkSystem(model, real);
  },
  toString: () => name,
});
