import fc from 'fast-check';
import {
  createBoroughCommand,
  defaultPolicy,
  type DomainEvent,
  type Policy,
  type ProcessManager,
} from '@borough-command/domain';
import type { EventStore } from '@borough-command/domain/eventsourcing';
import { createViews, projectionsOf, startRunner } from '@borough-command/projections';
import { initialSystemModel, MODEL_FIRST_DAY } from './system-model.js';
import { systemSteps } from './system-steps.js';
import type { StepTally, SystemUnderTest } from './system-under-test.js';

/** Which views a model run checks after every step. */
export type ModelViews = 'rebuilt' | 'runner' | 'both' | 'none';

/** What `checkBoroughCommandModel` runs the model against, and how long. */
export interface BoroughCommandModelOptions {
  /** Opens a fresh, empty store for one run, over `domainEventRegistry`. */
  readonly open: () => Promise<EventStore<DomainEvent>>;
  /** Releases a run's store; `store.close()` by default. */
  readonly close?: (store: EventStore<DomainEvent>) => Promise<void>;
  /** Runs (command sequences) tried; 20 by default. */
  readonly numRuns?: number;
  /** The most steps in a run; 20 by default. */
  readonly maxCommands?: number;
  /** Views checked after every step: rebuilt from the store, followed by a runner, `both` (default) or `none`. */
  readonly views?: ModelViews;
  /** The process managers of the service; all of them by default. */
  readonly processManagers?: readonly ProcessManager[];
  /** The policy; `defaultPolicy` by default. The model expects the minimum term and `enforce` mode as there. */
  readonly policy?: Policy;
  /** The fast-check seed of a reported failure, to replay it. */
  readonly seed?: number;
  /** The fast-check path of a reported failure, to replay it. */
  readonly path?: string;
  /** The `replayPath` a reported counterexample carries (`/*replayPath="..."*\/`), to replay its steps. */
  readonly replayPath?: string;
}

/** What a model check saw, so a test can tell that each kind of step was both accepted and refused. */
export interface BoroughCommandModelReport {
  readonly numRuns: number;
  /** Per kind of step, how often the system accepted and refused it as the model expected. */
  readonly steps: Readonly<Record<string, { readonly accepted: number; readonly refused: number }>>;
}

/**
 * A model-based test of the whole system (`fc.commands` and `fc.asyncModelRun`): random steps,
 * mostly accepted and some refused (postings started and ended, assessments, whole appointments,
 * BCUs taken live and dissolved, overlapping BCUs), through `createBoroughCommand` over a store
 * `open` gives. After every step the store must hold what a small model of who commands what says:
 * per unit and role the substantive and acting holders (at most one substantive, PO-1), per borough
 * its live BCU (at most one, RS-1); a refused command writes nothing; a confirmed appointment's
 * posting starts (AP-12); a BCU's commander, named before it goes live, has a designate posting
 * from that day, which takes command when the BCU goes live, and a successor names why the
 * predecessor leaves (RS-4); a live BCU ends its boroughs' postings (PO-6). The views, rebuilt and
 * followed by a runner, must answer AC-1 for the day as the model does and hold the same state.
 * Throws fast-check's report (counterexample, seed, path) on failure.
 */
export const checkBoroughCommandModel = async (options: BoroughCommandModelOptions): Promise<BoroughCommandModelReport> => {
  const numRuns = options.numRuns ?? 20;
  const views = options.views ?? 'both';
  const policy = options.policy ?? defaultPolicy;
  const tally: StepTally = new Map();
  await fc.assert(
    fc.asyncProperty(fc.commands([...systemSteps], {
        maxCommands: options.maxCommands ?? 20,
        size: 'max',
        ...(options.replayPath === undefined ? {} : { replayPath: options.replayPath }),
      }), async (steps) => {
      const store = await options.open();
      const followed = views === 'runner' || views === 'both' ? createViews(policy) : undefined;
      const runner = followed === undefined ? undefined : startRunner({ store, projections: projectionsOf(followed) });
      const real: SystemUnderTest = {
        store,
        // Events are recorded at noon on the date of the step that sends them.
        service: createBoroughCommand({
          store,
          policy,
          clock: () => new Date(`${real.today}T12:00:00.000Z`),
          ...(options.processManagers === undefined ? {} : { processManagers: options.processManagers }),
        }),
        following: followed === undefined || runner === undefined ? undefined : { views: followed, runner },
        rebuild: views === 'rebuilt' || views === 'both',
        today: MODEL_FIRST_DAY,
        position: undefined,
        tally,
      };
      try {
        await fc.asyncModelRun(() => ({ model: initialSystemModel(policy), real }), steps);
      } finally {
        await runner?.stop();
        await (options.close === undefined ? store.close() : options.close(store));
      }
    }),
    {
      numRuns,
      includeErrorInReport: true,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.path === undefined ? {} : { path: options.path }),
    },
  );
  return { numRuns, steps: Object.fromEntries(tally) };
};
