/**
 * A tiny decider used by the kernel tests: a tally that is opened once, takes entries, and is
 * closed. It has no domain words on purpose; it only exercises the command handler.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { createInMemoryStore } from '../../src/eventsourcing/in-memory-store.js';
import { createRegistry, defineEvent, type EventOf } from '../../src/eventsourcing/codec-registry.js';
import type { Decider } from '../../src/eventsourcing/decider.js';
import type { EventStore } from '../../src/eventsourcing/event-store.js';

export const tallyEvents = [
  defineEvent('Opened', t.type({ owner: t.string })),
  /** `line` is the entry's number in the tally, so an event records the state it was decided in. */
  defineEvent('Added', t.type({ amount: t.number, line: t.number })),
  defineEvent('Closed', t.type({ total: t.number })),
] as const;

export type TallyEvent = EventOf<(typeof tallyEvents)[number]>;

export const tallyRegistry = createRegistry(tallyEvents);

export type TallyCommand =
  | { readonly kind: 'Open'; readonly commandId: string; readonly tally: string; readonly owner: string; readonly deposit: number }
  | { readonly kind: 'Add'; readonly commandId: string; readonly tally: string; readonly amount: number }
  | { readonly kind: 'Close'; readonly commandId: string; readonly tally: string };

export interface TallyState {
  readonly status: 'none' | 'open' | 'closed';
  readonly owner: string | undefined;
  readonly total: number;
  readonly lines: number;
}

export type TallyRejection = 'AlreadyOpen' | 'NotOpen' | 'Closed' | 'NegativeAmount';

const initialState: TallyState = { status: 'none', owner: undefined, total: 0, lines: 0 };

const added = (state: TallyState, amount: number, offset = 0): TallyEvent => ({
  type: 'Added',
  data: { amount, line: state.lines + 1 + offset },
});

const decide = (command: TallyCommand, state: TallyState): E.Either<TallyRejection, readonly TallyEvent[]> => {
  if (state.status === 'closed') return E.left('Closed');
  switch (command.kind) {
    case 'Open': {
      if (state.status === 'open') return E.left('AlreadyOpen');
      if (command.deposit < 0) return E.left('NegativeAmount');
      const opened: TallyEvent = { type: 'Opened', data: { owner: command.owner } };
      return E.right(command.deposit > 0 ? [opened, added(state, command.deposit)] : [opened]);
    }
    case 'Add':
      if (state.status !== 'open') return E.left('NotOpen');
      if (command.amount < 0) return E.left('NegativeAmount');
      // Adding nothing is accepted and records nothing.
      return E.right(command.amount === 0 ? [] : [added(state, command.amount)]);
    case 'Close':
      if (state.status !== 'open') return E.left('NotOpen');
      return E.right([{ type: 'Closed', data: { total: state.total } }]);
  }
};

const evolve = (state: TallyState, event: TallyEvent): TallyState => {
  switch (event.type) {
    case 'Opened':
      return { ...state, status: 'open', owner: event.data.owner };
    case 'Added':
      return { ...state, total: state.total + event.data.amount, lines: event.data.line };
    case 'Closed':
      return { ...state, status: 'closed' };
  }
};

export const tallyDecider: Decider<TallyCommand, TallyState, TallyEvent, TallyRejection> = {
  decide,
  evolve,
  initialState,
  isTerminal: (state) => state.status === 'closed',
};

export const streamOfTally = (command: TallyCommand): string => `tally-${command.tally}`;

export const newTallyStore = (): EventStore<TallyEvent> => createInMemoryStore(tallyRegistry);

export const open = (commandId: string, tally: string, deposit = 0, owner = 'ann'): TallyCommand => ({
  kind: 'Open',
  commandId,
  tally,
  owner,
  deposit,
});

export const add = (commandId: string, tally: string, amount: number): TallyCommand => ({ kind: 'Add', commandId, tally, amount });

export const close = (commandId: string, tally: string): TallyCommand => ({ kind: 'Close', commandId, tally });
