import * as E from 'fp-ts/lib/Either.js';
import {
  createBoroughCommand,
  domainEventRegistry,
  isoDate,
  type DomainCommand,
  type DomainEvent,
  type IsoDate,
  type Officer,
  type Policy,
} from '@borough-command/domain';
import { createInMemoryStore, type EventStore } from '@borough-command/domain/eventsourcing';
import { rebuildViews, type BoroughCommandViews } from '../../src/index.js';

/** A command before its id is given. */
type NewCommand = DomainCommand extends infer C ? (C extends unknown ? Omit<C, 'commandId'> : never) : never;

/** A store and the domain service over it, under one policy; every command must be accepted with its reactions. */
export interface ServiceStory {
  readonly store: EventStore<DomainEvent>;
  /** Sends a command through the service; a refusal or a failed reaction throws. */
  readonly tell: (command: NewCommand) => Promise<void>;
  /** The views rebuilt from everything recorded so far, under the story's policy. */
  readonly views: () => Promise<BoroughCommandViews>;
}

const json = (value: unknown): string => JSON.stringify(value, (_key, field: unknown) => (typeof field === 'bigint' ? field.toString() : field));

/** A fresh in-memory store and the domain service over it. */
export const serviceStory = (policy: Policy): ServiceStory => {
  const store = createInMemoryStore(domainEventRegistry);
  const service = createBoroughCommand({ store, policy, clock: () => new Date('2024-01-01T00:00:00.000Z') });
  let count = 0;
  return {
    store,
    tell: async (command) => {
      count += 1;
      const result = await service.execute({ ...command, commandId: `bcu-story-${String(count)}` }, { actor: 'met' })();
      if (E.isLeft(result)) throw new Error(`${command.type} was refused: ${json(result.left)}`);
      if (result.right.failedReactions.length > 0) throw new Error(`${command.type} had a failed reaction: ${json(result.right.failedReactions)}`);
    },
    views: async () => {
      const views = await rebuildViews(store, { policy })();
      if (E.isLeft(views)) throw new Error(views.left.message);
      return views.right;
    },
  };
};

/** What it takes to propose a BCU of two boroughs and make it ready to go live, but its commander. */
export interface BcuPlan {
  readonly bcu: string;
  readonly boroughs: readonly [string, string];
  readonly superintendents: readonly [Officer, Officer, Officer, Officer];
}

const restructureId = 'met';

/**
 * RS-1, RS-2, RS-5, RS-7, RS-8: a pathfinder programme proposes the BCU on `at`, with its consultations,
 * ward officers, 24-hour stations and superintendents (the first two dedicated to the boroughs).
 */
export const proposeBcu = async (story: ServiceStory, plan: BcuPlan, at: IsoDate): Promise<void> => {
  const { bcu, boroughs, superintendents } = plan;
  await story.tell({ type: 'StartRestructureProgramme', restructureId, at, programmeId: 'pathfinder', stage: 'pathfinder', name: 'Pathfinder BCUs' });
  await story.tell({ type: 'ProposeBcu', restructureId, at, programmeId: 'pathfinder', bcu, boroughs: [...boroughs] });
  for (const borough of boroughs) {
    await story.tell({ type: 'RecordBcuConsultation', restructureId, at, bcu, consultee: 'local-authority-leader', name: `Leader of ${borough}`, borough });
    await story.tell({ type: 'RecordBcuConsultation', restructureId, at, bcu, consultee: 'local-authority-chief-executive', name: `Chief executive of ${borough}`, borough });
    await story.tell({ type: 'AllocateDedicatedWardOfficers', restructureId, at, borough, officersPerWard: 2 });
    await story.tell({ type: 'RegisterTwentyFourHourStation', restructureId, at, borough, station: `${borough} police station` });
  }
  await story.tell({ type: 'RecordBcuConsultation', restructureId, at, bcu, consultee: 'mopac', name: 'MOPAC' });
  const functions = ['neighbourhoods', 'response', 'investigation', 'protecting-vulnerable-people'] as const;
  for (const [position, leads] of functions.entries()) {
    const dedicatedTo = boroughs[position];
    await story.tell({
      type: 'AssignSuperintendent',
      restructureId,
      at,
      bcu,
      superintendent: superintendents[position] as Officer,
      leads,
      ...(dedicatedTo === undefined ? {} : { dedicatedTo }),
    });
  }
};

/** RS-4: names the BCU's commander on `at` (a successor with why the predecessor leaves). */
export const appointBcuCommander = (
  story: ServiceStory,
  bcu: string,
  officer: Officer,
  at: IsoDate,
  options: { readonly interim?: boolean; readonly predecessorLeaves?: { readonly reason: 'promotion' | 'retirement' | 'personal' } } = {},
): Promise<void> =>
  story.tell({
    type: 'AppointBcuCommander',
    restructureId,
    at,
    bcu,
    officer,
    interim: options.interim ?? false,
    ...(options.predecessorLeaves === undefined ? {} : { predecessorLeaves: options.predecessorLeaves }),
  });

/** RS-5: the BCU goes live on `at`. */
export const takeBcuLive = (story: ServiceStory, bcu: string, at: IsoDate): Promise<void> =>
  story.tell({ type: 'TakeBcuLive', restructureId, at, bcu });

/** PO-1: a substantive borough commander takes command on `at`, without an appointment process. */
export const startBoroughCommand = (story: ServiceStory, borough: string, officer: Officer, at: IsoDate): Promise<void> =>
  story.tell({
    type: 'StartPosting',
    at,
    unit: { kind: 'borough', name: borough },
    postingId: `${borough} from ${at}`,
    role: 'borough-commander',
    officer,
    acting: false,
    lineManager: 'Area Commander Grey',
  });

/** A date literal. */
export const day = isoDate;
